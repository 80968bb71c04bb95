import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { emptyPlan } from '../domain/newPlan';
import type { Plan } from '../domain/plan';
import { planChanges } from '../domain/planChanges';
import type { SchemeTable } from '../domain/schemeTable';
import { generateCommand, loadPlanFromWorkbook, schemeTables, startPlanCommand } from '../workbook/commands';
import type { Progress, WorkbookHost } from '../workbook/host';
import { createCommandRunner, IDLE, type RunnerState } from './commandRunner';
import { usePaneCommands, type Execute, type Look } from './paneCommands';
import type { FoundTemplate } from './importFlow';
import { formFromPlan, planFromForm, type FormResult, type PlanForm } from './planForm';
import {
  busyNotice,
  failureNotice,
  invalidPlanNotice,
  outcomeNotice,
  problemNotice,
  staleNotice,
  type Notice,
} from './sessionNotices';

export type { Notice } from './sessionNotices';

/**
 * The pane's state, shared by every feature panel: the plan being edited, what the workbook last
 * held (`base`), and the one command that may be running. Components call these actions; the
 * actions call the host-neutral commands; nothing here knows whether the host is Excel.
 */
export type Phase = 'reading' | 'no-plan' | 'ready';

export interface NewPlanRequest {
  readonly board: string;
  readonly firstYear: string;
  readonly years: number;
}

export interface PlanSession {
  readonly phase: Phase;
  readonly form?: PlanForm;
  readonly checked?: FormResult;
  /** The plan as the workbook last held it (after a read or a write). */
  readonly base?: Plan;
  /** Edits in the pane not yet in the workbook, in words. */
  readonly changes: readonly string[];
  /** Each year's totals: of the pane's plan when it is valid, else of what the workbook holds. */
  readonly tables: readonly SchemeTable[];
  readonly busy?: { readonly label: string; readonly progress?: Progress };
  readonly notice?: Notice;
  /** The workbook changed (a person typing, a co-author) since the pane last read or wrote it. */
  readonly stale?: boolean;
  /** NHS England's planning template, found when the pane read a workbook holding no plan of its own. */
  readonly template?: FoundTemplate;
  edit(update: (form: PlanForm) => PlanForm): void;
  startNew(request: NewPlanRequest, replace?: boolean): void;
  loadExample(replace?: boolean): void;
  /** Starts the workbook's plan from one made elsewhere (a table imported in the pane). */
  startFrom(plan: Plan, replace?: boolean): void;
  readWorkbook(): void;
  generate(prefer?: 'ask' | 'pane' | 'workbook'): void;
  discardEdits(): void;
  dismissNotice(): void;
  /** Shows the outcome of a panel's own command, in the same place as every other. */
  notify(notice: Notice): void;
  /**
   * Runs a command that changes the workbook (src/workbook/workbookCommand.ts) through the pane's
   * one runner (never two at once) and says its outcome; a failure becomes the notice. Resolves to
   * the success, or undefined when nothing was written.
   */
  readonly execute: Execute;
  /** Reads the workbook through the same runner (an audit, finding a table); undefined when it failed or could not start. */
  readonly look: Look;
  /** Whether the host can show a person a cell (Excel and the preview can; a file can't). */
  readonly canSelect: boolean;
  /** Shows a cell to the person, through the one runner so it never lands in the middle of a write. */
  selectCell(sheet: string, cell: string): void;
}

export const PlanSessionContext = createContext<PlanSession | undefined>(undefined);

export function usePlanSessionContext(): PlanSession {
  const session = useContext(PlanSessionContext);
  if (!session) throw new Error('usePlanSessionContext must be used inside <Pane>');
  return session;
}

/**
 * The runner's state as React state; the runner itself lives for the pane's lifetime. `started` is
 * told when a command begins, before it reads the workbook.
 */
function useCommandRunner(setNotice: (notice: Notice | undefined) => void, started: () => void) {
  const [state, setState] = useState<RunnerState>(IDLE);
  const runner = useRef(createCommandRunner(setState)).current;
  const run = useCallback(
    async <T>(label: string, command: (onProgress: (p: Progress) => void) => Promise<T>): Promise<T | undefined> => {
      if (runner.state.status === 'idle') setNotice(undefined);
      const result = await runner.run(label, (onProgress) => {
        started();
        return command(onProgress);
      });
      if (result.status === 'done') return result.value;
      setNotice(result.status === 'failed' ? failureNotice(label, result.error) : busyNotice(label, result.running));
      return undefined;
    },
    [runner, setNotice, started],
  );
  const busy = state.status === 'running' ? { label: state.label, progress: state.progress } : undefined;
  return { run, busy };
}

/**
 * Whether the pane's figures may be out of date. Every change heard from the workbook counts; a
 * command that reads the workbook clears the mark only if nothing was heard since it began, since a
 * change made while it ran (a co-author typing during a Generate) may be missing from what it read.
 */
function useStaleness() {
  const [stale, setStale] = useState(false);
  const heard = useRef(0);
  const heardAtStart = useRef(0);
  const changeHeard = useCallback(() => {
    heard.current++;
    setStale(true);
  }, []);
  const commandStarted = useCallback(() => {
    heardAtStart.current = heard.current;
  }, []);
  const workbookRead = useCallback(() => setStale(heard.current !== heardAtStart.current), []);
  return { stale, changeHeard, commandStarted, workbookRead };
}

/** The plan in the pane: the form, what it checks to, and what the workbook last held. */
function usePlanState() {
  const [phase, setPhase] = useState<Phase>('reading');
  const [form, setForm] = useState<PlanForm>();
  const [base, setBase] = useState<Plan>();
  const staleness = useStaleness();
  const { workbookRead } = staleness;
  const checked = useMemo(() => (form ? planFromForm(form) : undefined), [form]);
  const changes = useMemo(() => (base && checked?.plan ? planChanges(base, checked.plan) : []), [base, checked]);
  const tables = useMemo(() => {
    const plan = checked?.plan ?? base;
    return plan ? schemeTables(plan) : [];
  }, [checked, base]);
  const adopt = useCallback(
    (plan: Plan) => {
      workbookRead();
      setBase(plan);
      setForm(formFromPlan(plan));
      setPhase('ready');
    },
    [workbookRead],
  );
  const workbookWrote = useCallback(
    (plan: Plan) => {
      // A card or pool command rewrote the workbook: what the pane edits (unit costs, schemes) keeps
      // any unsaved typing; everything else (partners, pool, cards) is the workbook's now.
      setForm((f) =>
        f && changes.length ? { ...f, source: { ...plan, unitCosts: f.source.unitCosts } } : formFromPlan(plan),
      );
      workbookRead();
      setBase(plan);
      setPhase('ready');
    },
    [changes.length, workbookRead],
  );
  return { phase, setPhase, form, setForm, base, checked, changes, tables, adopt, workbookWrote, staleness };
}

type SetNotice = (notice: Notice | undefined) => void;
type Run = <T>(label: string, command: (onProgress: (p: Progress) => void) => Promise<T>) => Promise<T | undefined>;

/** Reading the workbook's plan: at start, and whenever the person asks. */
function useReadWorkbook(host: WorkbookHost, run: Run, state: ReturnType<typeof usePlanState>, setNotice: SetNotice) {
  const { adopt, setPhase } = state;
  const [template, setTemplate] = useState<FoundTemplate>();
  const readWorkbook = useCallback(() => {
    void run('Reading the workbook', async () => {
      setTemplate(undefined);
      const read = await loadPlanFromWorkbook(host);
      if (read.status === 'loaded') {
        adopt(read.plan);
        if (read.warnings.length)
          setNotice(problemNotice('warning', 'The workbook’s plan was read, with warnings', read.warnings));
      } else if (read.status === 'invalid') {
        setPhase((p) => (p === 'reading' ? 'no-plan' : p));
        setNotice(
          problemNotice(
            'error',
            'The plan in this workbook has errors',
            read.problems,
            'Correct these cells in the workbook, then choose Read from workbook.',
          ),
        );
      } else {
        setTemplate(await templateIn(host));
        setPhase('no-plan');
      }
    }).finally(() => setPhase((p) => (p === 'reading' ? 'no-plan' : p)));
  }, [adopt, host, run, setPhase, setNotice]);
  useEffect(() => {
    readWorkbook();
  }, [readWorkbook]);
  return { readWorkbook, template };
}

/**
 * A board's filled-in planning template, looked for only in a workbook without a plan, with the
 * import's code fetched then. The offer is a shortcut to the Import tab: if the look fails (a flaky
 * network fetching the code), the pane opens as on any workbook and Import still says why.
 */
function templateIn(host: WorkbookHost): Promise<FoundTemplate | undefined> {
  return import(/* webpackChunkName: "import-flow" */ './importFlow')
    .then(({ templateInWorkbook }) => templateInWorkbook(host))
    .catch(() => undefined);
}

/**
 * The pane follows the workbook: an edit in the grid or by a co-author marks its figures out of date.
 * The host leaves out the add-in's own writes (Excel tells them apart), so an edit made while a
 * command runs counts too.
 */
function useWorkbookWatch(host: WorkbookHost, changeHeard: () => void) {
  useEffect(() => {
    if (!host.watch) return;
    let stop: (() => void) | undefined;
    let closed = false;
    void host
      .watch(changeHeard)
      .then((s) => (closed ? s() : (stop = s)))
      .catch(() => undefined); // a host without change events: the pane re-reads on request only
    return () => {
      closed = true;
      stop?.();
    };
  }, [host, changeHeard]);
}

/** Start a new plan or the example, and Generate: the commands that write the pane's own plan. */
function useWriteCommands(execute: Execute, state: ReturnType<typeof usePlanState>, setNotice: SetNotice) {
  const { checked, base } = state;
  const startWith = useCallback(
    (plan: Plan, replace: boolean, retry: (replace: boolean) => void) => {
      void execute(startPlanCommand(plan, { replace }), {
        replacesForm: true,
        done: (outcome) => outcomeNotice(outcome, 'Plan started', () => retry(true)),
        refused: (outcome) =>
          outcome.status === 'conflict'
            ? {
                intent: 'warning',
                title: 'This workbook already has a plan',
                body: outcome.conflicts.join(' '),
                actions: [
                  { label: 'Replace it', run: () => retry(true) },
                  { label: 'Keep it', run: () => setNotice(undefined) },
                ],
              }
            : outcomeNotice(outcome, 'Plan started', () => retry(true)),
      });
    },
    [execute, setNotice],
  );
  const startNew = useCallback(
    (request: NewPlanRequest, replace = false) =>
      startWith(emptyPlan(request.board.trim(), request.firstYear.trim(), request.years), replace, (r) =>
        startNew(request, r),
      ),
    [startWith],
  );
  const loadExample = useCallback(
    // The example (a plan file, and zod to read it) comes only when asked for, not with the pane.
    (replace = false) =>
      void import('./barnetExample').then(
        ({ barnetExample }) => startWith(barnetExample(), replace, (r) => loadExample(r)),
        () =>
          setNotice({
            intent: 'error',
            title: "The example didn't load",
            body: "The planner couldn't fetch the example. Check the connection, then try again; nothing in the workbook has changed.",
          }),
      ),
    [setNotice, startWith],
  );
  const startFrom = useCallback(
    (plan: Plan, replace = false) => startWith(plan, replace, (r) => startFrom(plan, r)),
    [startWith],
  );
  const generate = useCallback(
    (prefer: 'ask' | 'pane' | 'workbook' = 'ask') => {
      const plan = checked?.plan;
      if (!plan) {
        setNotice(invalidPlanNotice((checked?.problems ?? []).filter((p) => p.severity === 'error')));
        return;
      }
      const said = (outcome: Parameters<typeof outcomeNotice>[0]) =>
        outcomeNotice(outcome, 'Tables generated', (p) => generate(p));
      void execute(generateCommand(plan, { base, prefer }), { replacesForm: true, done: said, refused: said });
    },
    [base, checked, execute, setNotice],
  );
  return { startNew, loadExample, startFrom, generate };
}

/**
 * Out-of-date figures are said over what the last command reported (it spoke of the workbook as it
 * was), but not over a choice still waiting for the person (a notice with actions).
 */
function shownNotice(notice: Notice | undefined, stale: boolean, reread: () => void): Notice | undefined {
  // An error (the workbook's plan can't be read) already says to read again once it is put right: it stays in view.
  return stale && !notice?.actions?.length && notice?.intent !== 'error' ? staleNotice(reread) : notice;
}

export function usePlanSession(host: WorkbookHost): PlanSession {
  const [notice, setNotice] = useState<Notice>();
  const state = usePlanState();
  const { stale, changeHeard, commandStarted } = state.staleness;
  const { run, busy } = useCommandRunner(setNotice, commandStarted);
  useWorkbookWatch(host, changeHeard);
  const { readWorkbook, template } = useReadWorkbook(host, run, state, setNotice);
  const { adopt, workbookWrote } = state;
  const { execute, look } = usePaneCommands(host, run, { adopt, workbookWrote, notify: setNotice });
  const { startNew, loadExample, startFrom, generate } = useWriteCommands(execute, state, setNotice);
  const { base, setForm } = state;
  return {
    phase: state.phase,
    form: state.form,
    checked: state.checked,
    base,
    changes: state.changes,
    tables: state.tables,
    busy,
    notice: shownNotice(notice, stale && state.phase === 'ready', readWorkbook),
    stale,
    template,
    edit: (update) => {
      // A success message has been read once the person carries on typing.
      setNotice((n) => (n?.intent === 'success' ? undefined : n));
      setForm((f) => (f ? update(f) : f));
    },
    startNew,
    loadExample,
    startFrom,
    readWorkbook,
    generate,
    discardEdits: () => base && setForm(formFromPlan(base)),
    dismissNotice: () => setNotice(undefined),
    notify: setNotice,
    execute,
    look,
    canSelect: !!host.select,
    selectCell: (sheet, cell) => {
      const select = host.select?.bind(host);
      if (select) void run(`Selecting ${sheet}!${cell}`, () => select(sheet, cell));
    },
  };
}
