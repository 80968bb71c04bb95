import { Caption1, makeStyles, Subtitle1, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookHost } from '../workbook/host';
import { CommandStatus } from './CommandStatus';
import { PanelSlot } from './PanelSlot';
import { planHeading } from './planHeading';
import type { Feature } from './feature';
import { PlanSessionContext, usePlanSession } from './session';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  caption: { color: tokens.colorNeutralForeground3 },
  // Tabs wrap onto a second line in a narrow pane rather than running past its edge.
  tabs: {
    paddingLeft: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  body: {
    flexGrow: 1,
    minHeight: 0,
    // Without it a wide table makes the whole pane wider than the window, and its right edge is cut off.
    minWidth: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    // A scrolling flex column would otherwise squash its children (message bars, sections) onto each other.
    '& > *': { flexShrink: 0, minWidth: 0 },
  },
});

export interface PaneProps {
  readonly host: WorkbookHost;
  readonly features: readonly Feature[];
}

/** The task pane: a header, one tab per feature, and the status of the command that is running. */
export function Pane({ host, features }: PaneProps) {
  const styles = useStyles();
  const session = usePlanSession(host);
  const [selected, setSelected] = useState(features[0]?.id);
  const feature = features.find((f) => f.id === selected) ?? features[0];
  const plan = session.base;
  return (
    <PlanSessionContext.Provider value={session}>
      <div className={styles.root} role="region" aria-label="Better Care Fund planner">
        <div className={styles.header}>
          <Subtitle1 as="h1">Better Care Fund planner</Subtitle1>
          <Caption1 className={styles.caption}>{plan ? planHeading(plan) : 'No plan in this workbook yet'}</Caption1>
        </div>
        <TabList
          className={styles.tabs}
          selectedValue={feature?.id}
          onTabSelect={(_, data) => {
            // A success message belongs to the panel it was shown on; another panel starts clean.
            if (session.notice?.intent === 'success') session.dismissNotice();
            setSelected(String(data.value));
          }}
          aria-label="Planner features"
        >
          {features.map((f) => (
            <Tab
              key={f.id}
              value={f.id}
              id={`feature-tab-${f.id}`}
              aria-controls={`feature-panel-${f.id}`}
              onPointerEnter={f.preload}
              onFocus={f.preload}
            >
              {f.label}
            </Tab>
          ))}
        </TabList>
        {feature && (
          <div
            className={styles.body}
            role="tabpanel"
            id={`feature-panel-${feature.id}`}
            aria-labelledby={`feature-tab-${feature.id}`}
          >
            <CommandStatus session={session} />
            <PanelSlot feature={feature} session={session} />
          </div>
        )}
      </div>
    </PlanSessionContext.Provider>
  );
}
