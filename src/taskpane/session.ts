import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { emptyPlan } from '../domain/newPlan';
import type { Plan } from '../domain/plan';
import { planChanges } from '../domain/planChanges';
import { describeLocation, type Problem } from '../domain/problems';
import type { SchemeTable } from '../domain/schemeTable';
import { generateTables, loadPlanFromWorkbook, schemeTables, startPlan, type CommandOutcome } from '../workbook/commands';
import type { Progress, WorkbookHost } from '../workbook/host';
import { barnetExample } from './barnetExample';
import { formFromPlan, planFromForm, type FormResult, type PlanForm } from './planForm';

/**
 * The pane's state, shared by every feature panel: the plan being edited, what the workbook last
 * held (`base`), and the one command that may be running. Components call these actions; the
 * actions call the host-neutral commands; nothing here knows whether the host is Excel.
 */
export interface Notice {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly title: string;
  readonly body?: string;
  readonly details?: readonly string[];
  readonly actions?: readonly { readonly label: string; readonly run: () => void }[];
}

export type Phase = 'reading' | 'no-plan' | 'ready';

export interface PlanSession {
  readonly host: WorkbookHost;
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
  edit(update: (form: PlanForm) => PlanForm): void;
  startNew(board: string, firstYear: string, replace?: boolean): void;
  loadExample(replace?: boolean): void;
  /** Starts the workbook's plan from one made elsewhere (a table imported in the pane). */
  startFrom(plan: Plan, replace?: boolean): void;
  readWorkbook(): void;
  generate(prefer?: 'ask' | 'pane' | 'workbook'): void;
  discardEdits(): void;
  dismissNotice(): void;
}

export const PlanSessionContext = createContext<PlanSession | undefined>(undefined);

export function usePlanSessionContext(): PlanSession {
  const session = useContext(PlanSessionContext);
  if (!session) throw new Error('usePlanSessionContext must be used inside <Pane>');
  return session;
}

export function usePlanSession(host: WorkbookHost): PlanSession {
  const [phase, setPhase] = useState<Phase>('reading');
  const [form, setForm] = useState<PlanForm>();
  const [base, setBase] = useState<Plan>();
  const [busy, setBusy] = useState<PlanSession['busy']>();
  const [notice, setNotice] = useState<Notice>();
  // A ref, not state, so a second click in the same frame can't start a second command.
  const running = useRef(false);
  const [stale, setStale] = useState(false);

  const checked = useMemo(() => (form ? planFromForm(form) : undefined), [form]);
  const changes = useMemo(() => (base && checked?.plan ? planChanges(base, checked.plan) : []), [base, checked]);
  const tables = useMemo(() => {
    const plan = checked?.plan ?? base;
    return plan ? schemeTables(plan) : [];
  }, [checked, base]);

  const adopt = useCallback((plan: Plan) => {
    setStale(false);
    setBase(plan);
    setForm(formFromPlan(plan));
    setPhase('ready');
  }, []);

  /** Runs one command at a time; a failure of the host says what happened and what to do. */
  const run = useCallback(async (label: string, command: (onProgress: (p: Progress) => void) => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy({ label });
    setNotice(undefined);
    try {
      await command((progress) => setBusy({ label, progress }));
    } catch (e) {
      setNotice({
        intent: 'error',
        title: `${label} failed`,
        body: `The workbook reported: ${(e as Error)?.message ?? String(e)}. Nothing typed in the pane is lost. Try again; if it fails again, save the workbook, reopen it and run the command once more.`,
      });
    } finally {
      running.current = false;
      setBusy(undefined);
    }
  }, []);

  const readWorkbook = useCallback(() => {
    void run('Reading the workbook', async () => {
      const state = await loadPlanFromWorkbook(host);
      if (state.status === 'loaded') {
        adopt(state.plan);
        if (state.warnings.length) setNotice(problemNotice('warning', 'The workbook’s plan was read, with warnings', state.warnings));
      } else if (state.status === 'invalid') {
        setPhase((p) => (p === 'reading' ? 'no-plan' : p));
        setNotice(problemNotice('error', 'The plan in this workbook has errors', state.problems, 'Correct these cells in the workbook, then choose Read from workbook.'));
      } else {
        setPhase('no-plan');
      }
    }).finally(() => setPhase((p) => (p === 'reading' ? 'no-plan' : p)));
  }, [adopt, host, run]);

  useEffect(() => {
    readWorkbook();
  }, [readWorkbook]);

  // The pane follows the workbook: an edit in the grid or by a co-author marks its figures out of date.
  useEffect(() => {
    if (!host.watch) return;
    let stop: (() => void) | undefined;
    let closed = false;
    void host
      .watch(() => {
        if (!running.current) setStale(true);
      })
      .then((s) => (closed ? s() : (stop = s)))
      .catch(() => undefined); // a host without change events: the pane re-reads on request only
    return () => {
      closed = true;
      stop?.();
    };
  }, [host]);

  const report = useCallback(
    (outcome: CommandOutcome, what: string, again: (prefer: 'pane' | 'workbook') => void) => {
      switch (outcome.status) {
        case 'done': {
          adopt(outcome.plan);
          const years = outcome.plan.years.map((y) => y.label).join(' and ');
          const details = [...(outcome.notices ?? []), ...outcome.fromWorkbook.map((c) => `Read back from the workbook: ${c}`), ...outcome.warnings.map((p) => `Warning: ${p.message}`)];
          setNotice({ intent: outcome.warnings.length ? 'warning' : 'success', title: `${what} for ${years || 'the plan'}`, details });
          return;
        }
        case 'conflict':
          setNotice({
            intent: 'warning',
            title: 'The workbook and the pane disagree',
            body: 'Nothing was written. Both the pane and the workbook changed the same part of the plan since the pane last read it. Choose which to keep:',
            details: outcome.conflicts,
            actions: [
              { label: 'Keep the pane’s version', run: () => again('pane') },
              { label: 'Keep the workbook’s version', run: () => again('workbook') },
            ],
          });
          return;
        case 'invalid':
          setNotice(
            outcome.inWorkbook
              ? { ...problemNotice('error', 'The workbook’s inputs have errors, so nothing was written', outcome.problems, 'Correct those cells and generate again, or overwrite the workbook’s inputs with the pane’s plan.'), actions: [{ label: 'Overwrite with the pane’s plan', run: () => again('pane') }] }
              : problemNotice('error', 'The plan has errors, so nothing was written', outcome.problems, 'Correct the fields marked in red on the Plan tab, then generate again.', false),
          );
      }
    },
    [adopt],
  );

  const startWith = useCallback(
    (plan: Plan, replace: boolean, retry: (replace: boolean) => void) => {
      void run('Starting the plan', async (onProgress) => {
        const outcome = await startPlan(host, plan, onProgress, { replace });
        if (outcome.status === 'conflict') {
          setNotice({ intent: 'warning', title: 'This workbook already has a plan', body: outcome.conflicts.join(' '), actions: [{ label: 'Replace it', run: () => retry(true) }, { label: 'Keep it', run: () => setNotice(undefined) }] });
          return;
        }
        report(outcome, 'Plan started', () => retry(true));
      });
    },
    [host, report, run],
  );

  const startNew = useCallback(
    (board: string, firstYear: string, replace = false) => startWith(emptyPlan(board.trim(), firstYear.trim()), replace, (r) => startNew(board, firstYear, r)),
    [startWith],
  );
  const loadExample = useCallback((replace = false) => startWith(barnetExample(), replace, (r) => loadExample(r)), [startWith]);
  const startFrom = useCallback((plan: Plan, replace = false) => startWith(plan, replace, (r) => startFrom(plan, r)), [startWith]);

  const generate = useCallback(
    (prefer: 'ask' | 'pane' | 'workbook' = 'ask') => {
      const plan = checked?.plan;
      if (!plan) {
        setNotice(problemNotice('error', 'The plan has errors, so nothing was written', (checked?.problems ?? []).filter((p) => p.severity === 'error'), 'Correct the fields marked in red on the Plan tab, then generate again.', false));
        return;
      }
      void run('Generating the tables', async (onProgress) => {
        const outcome = await generateTables(host, plan, onProgress, { base, prefer });
        report(outcome, 'Tables generated', (p) => generate(p));
      });
    },
    [base, checked, host, report, run],
  );

  return {
    host,
    phase,
    form,
    checked,
    base,
    changes,
    tables,
    busy,
    notice: notice ?? (stale && phase === 'ready' ? staleNotice(readWorkbook) : undefined),
    stale,
    edit: (update) => setForm((f) => (f ? update(f) : f)),
    startNew,
    loadExample,
    startFrom,
    readWorkbook,
    generate,
    discardEdits: () => base && setForm(formFromPlan(base)),
    dismissNotice: () => setNotice(undefined),
  };
}

function staleNotice(reread: () => void): Notice {
  return {
    intent: 'info',
    title: 'The workbook has changed since the pane read it',
    body: 'The figures here may be out of date. Generate merges the pane’s edits with what the workbook now holds; Read from workbook shows what it holds and drops edits not yet generated.',
    actions: [{ label: 'Read from workbook', run: reread }],
  };
}

/** Cells are named ("Schemes!G9"); the pane's own fields are named by the message itself. */
function problemNotice(intent: Notice['intent'], title: string, problems: readonly Problem[], body?: string, showCells = true): Notice {
  const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  return { intent, title, body, details: problems.map((p) => (showCells ? `${describeLocation(p.where)}: ${p.message}` : sentence(p.message))) };
}
