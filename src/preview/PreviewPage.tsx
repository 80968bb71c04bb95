import { Badge, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { features } from '../taskpane/features';
import { Pane } from '../taskpane/Pane';
import { LiveWorkbook } from './liveWorkbook';
import { WorkbookView } from './WorkbookView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#107c41',
    color: '#ffffff',
  },
  topText: { display: 'flex', flexDirection: 'column' },
  topCaption: { color: 'rgba(255,255,255,0.85)' },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  pane: { width: '400px', flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0, boxShadow: tokens.shadow8, zIndex: 1 },
});

/**
 * The browser preview: the add-in's own task pane (same components, same feature list) beside a
 * simulated workbook, so the planner can be tried, demonstrated and tested without Excel.
 */
export function PreviewPage() {
  const styles = useStyles();
  const workbook = useMemo(() => new LiveWorkbook(), []);
  return (
    <div className={styles.root}>
      <header className={styles.top}>
        <div className={styles.topText}>
          <Subtitle2 as="p">Book1 · Simulated workbook</Subtitle2>
          <Caption1 className={styles.topCaption}>Browser preview of the Better Care Fund planner: no Excel needed, and nothing leaves this page.</Caption1>
        </div>
        <Badge appearance="outline" color="informative" style={{ color: '#fff', borderColor: 'rgba(255,255,255,0.7)', marginLeft: 'auto' }}>
          Preview
        </Badge>
      </header>
      <div className={styles.main}>
        <main className={styles.workbook} aria-label="Simulated workbook">
          <WorkbookView workbook={workbook} />
        </main>
        <aside className={styles.pane} aria-label="Task pane">
          <Pane host={workbook} features={features} />
        </aside>
      </div>
    </div>
  );
}
