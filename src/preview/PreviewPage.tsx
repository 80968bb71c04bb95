import { Badge, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { PlanError } from '../domain/problems';
import { downloadWorkbook } from './download';
import { features } from '../taskpane/features';
import { Pane } from '../taskpane/Pane';
import { LiveWorkbook } from './liveWorkbook';
import { OpenWorkbook } from './OpenWorkbook';
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
  download: {
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: '#ffffff',
  },
  downloadMessage: { maxWidth: '360px', color: '#ffffff' },
  main: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  widthPicker: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: '#ffffff',
    fontSize: tokens.fontSizeBase200,
  },
  pane: { flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0, boxShadow: tokens.shadow8, zIndex: 1 },
});

/**
 * The browser preview: the add-in's own task pane (same components, same feature list) beside a
 * simulated workbook, so the planner can be tried, demonstrated and tested without Excel.
 */
export function PreviewPage() {
  const styles = useStyles();
  const workbook = useMemo(() => new LiveWorkbook(), []);
  const [paneWidth, setPaneWidth] = useState(initialPaneWidth);
  const saved = useUnsavedWarning(workbook);
  // A workbook opened from a file is a new document: the pane starts afresh on it and reads its plan.
  const [opened, setOpened] = useState(0);
  return (
    <div className={styles.root}>
      <header className={styles.top}>
        <div className={styles.topText}>
          <Subtitle2 as="p">Book1 · Simulated workbook</Subtitle2>
          <Caption1 className={styles.topCaption}>
            Browser preview of the Better Care Fund planner: no Excel needed, and nothing leaves this page.
          </Caption1>
        </div>
        <DownloadButton workbook={workbook} onSaved={saved} onOpened={() => setOpened((n) => n + 1)} />
        <label className={styles.widthPicker}>
          Pane width
          <select value={paneWidth} onChange={(e) => setPaneWidth(Number(e.target.value))}>
            {PANE_WIDTHS.map((w) => (
              <option key={w} value={w}>
                {w} px
              </option>
            ))}
          </select>
        </label>
        <Badge appearance="outline" color="informative" style={{ color: '#fff', borderColor: 'rgba(255,255,255,0.7)' }}>
          Preview
        </Badge>
      </header>
      <div className={styles.main}>
        <main className={styles.workbook} aria-label="Simulated workbook">
          <WorkbookView workbook={workbook} />
        </main>
        <aside className={styles.pane} aria-label="Task pane" style={{ width: `${paneWidth}px` }}>
          <Pane key={opened} host={workbook} features={features} />
        </aside>
      </div>
    </div>
  );
}

/** Excel's task pane is usually 320 to 350 px wide; people can widen it. `?pane=320` picks one. */
const PANE_WIDTHS = [320, 350, 400, 500] as const;

function initialPaneWidth(): number {
  const asked = Number(new URLSearchParams(window.location.search).get('pane'));
  return Number.isInteger(asked) && asked >= 280 && asked <= 800 ? asked : 350;
}

/**
 * The simulated workbook lives only in this page: once anything is written to it, leaving or
 * reloading asks first, until it has been downloaded. Returns "the workbook was just saved".
 * The listener compares versions when the page is left rather than being added and removed as
 * they change: removed by an effect, it stayed a frame after a download and still asked.
 */
function useUnsavedWarning(workbook: LiveWorkbook): () => void {
  const savedAt = useRef(0);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (workbook.getVersion() <= savedAt.current) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers show their own wording only when this is set
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [workbook]);
  return useCallback(() => {
    savedAt.current = workbook.getVersion();
  }, [workbook]);
}

function DownloadButton({
  workbook,
  onSaved,
  onOpened,
}: {
  readonly workbook: LiveWorkbook;
  readonly onSaved: () => void;
  readonly onOpened: () => void;
}) {
  const styles = useStyles();
  const version = useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: boolean }>({});
  const download = () => {
    setState({ busy: true });
    downloadWorkbook(workbook)
      .then((name) => {
        onSaved();
        setState({ message: `Saved as ${name}` });
      })
      .catch((e: Error) =>
        setState({
          error: true,
          message:
            e instanceof PlanError
              ? `Not downloaded: ${e.problems[0]?.message ?? e.message}`
              : `Not downloaded: ${e.message.split('\n')[0]}`,
        }),
      );
  };
  return (
    <div className={styles.download}>
      <OpenWorkbook workbook={workbook} className={styles.downloadMessage} onOpened={onOpened} />
      {state.message && (
        <Caption1 className={styles.downloadMessage} role={state.error ? 'alert' : 'status'}>
          {state.message}
        </Caption1>
      )}
      <Button icon={<ArrowDownloadRegular />} disabled={state.busy || version === 0} onClick={download}>
        {state.busy ? 'Building…' : 'Download .xlsx'}
      </Button>
    </div>
  );
}
