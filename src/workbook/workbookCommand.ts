import type { Day } from '../domain/jointFunding';
import type { Plan } from '../domain/plan';
import { jsonLocator } from '../domain/jsonLocator';
import { checkPlan } from '../domain/planRules';
import type { Problem } from '../domain/problems';
import { computeSchemeTable, type SchemeTable } from '../domain/schemeTable';
import { updateWorkbook, type Decision, type Progress, type WorkbookHost } from './host';
import type { WorkbookSnapshot } from './snapshot';
import type { workbookLayout as WorkbookLayout } from './workbookLayout';

/**
 * The one shape of a command that changes a workbook: a pure decision over a snapshot (what to
 * write, or why nothing may be), run only by `runCommand` through `updateWorkbook`, the one
 * transaction. In Excel that transaction merges a co-author's edit made between the read and the
 * write, so a command that read, then wrote separately, could overwrite it; a decision can't.
 */
export interface WorkbookCommand<T extends object = object> {
  /** What the pane says while it runs, "Saving the pool". */
  readonly label: string;
  /** `today`: the day a joint-funding register that names none is worked out for, read by the caller. */
  decide(snapshot: WorkbookSnapshot, today: Day): Decision<CommandOutcome<T>>;
}

/** What every command returns. `T` is what one command adds to a success (the lines it added, the cards' summary). */
export type CommandOutcome<T extends object = object> =
  | (CommandDone & T)
  /** The workbook already holds a plan (startPlan), or both sides changed the same scheme or unit cost. */
  | { readonly status: 'conflict'; readonly workbookPlan?: Plan; readonly conflicts: readonly string[] }
  /** Nothing was written: the plan, the edit or the workbook's cells (`inWorkbook`) have errors. */
  | { readonly status: 'invalid'; readonly problems: readonly Problem[]; readonly inWorkbook: boolean };

export interface CommandDone {
  readonly status: 'done';
  readonly plan: Plan; // what the workbook now holds
  readonly tables: readonly SchemeTable[];
  readonly warnings: readonly Problem[];
  /** Edits typed in the workbook that were read back into the plan before writing. */
  readonly fromWorkbook: readonly string[];
  /** What the person should know about the workbook, e.g. their own "Pool" sheet was left as it was. */
  readonly notices?: readonly string[];
}

/**
 * Runs a command as one host transaction; what the host says about names it had to change goes with
 * the outcome. `today` comes from the caller's clock (the pane's session, a CLI command, a test's
 * fixed day), so what the command writes depends on nothing else.
 */
export async function runCommand<T extends object>(
  host: WorkbookHost,
  command: WorkbookCommand<T>,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<T>> {
  onProgress?.({ done: 0, total: 1, step: 'Reading the workbook' });
  layout ??= (await import('./workbookLayout')).workbookLayout;
  const { result, notices } = await updateWorkbook(host, (snapshot) => command.decide(snapshot, today), onProgress);
  return result.status === 'done' && notices.length ? { ...result, notices } : result;
}

/**
 * The layouts are much of the task pane's code and only a write needs them: fetched when the first
 * command runs, not with the pane (issue 24), so opening a pane downloads less.
 */
let layout: typeof WorkbookLayout | undefined;

export interface WriteOptions<T extends object> {
  /** The day the layout is for (workbookLayout's `today`). */
  readonly today: Day;
  readonly fromWorkbook?: readonly string[];
  /** What this command adds to its success. */
  readonly detail: T;
  /** Writes every card sheet even before anyone kept a card (creating the cards). */
  readonly cards?: boolean;
}

/** Checks, then lays out the whole workbook for a plan; nothing is written if the plan has errors. */
export function writePlan<T extends object>(plan: Plan, options: WriteOptions<T>): Decision<CommandOutcome<T>> {
  const problems = checkPlan(plan, jsonLocator);
  if (problems.some((p) => p.severity === 'error'))
    return { result: { status: 'invalid', problems, inWorkbook: false } };
  // Card sheets are written only once someone keeps cards in this workbook: for a large plan they
  // are most of its size, and "generate the tables" should cost the same few round trips at any size.
  // runCommand loads the layouts before any decision runs.
  const sheets = layout!(plan, options.cards || plan.cards?.records.length ? 'all' : 'tables', {
    today: options.today,
  });
  const done: CommandDone = {
    status: 'done',
    plan,
    tables: schemeTables(plan),
    warnings: problems,
    fromWorkbook: options.fromWorkbook ?? [],
  };
  return { plan: sheets, result: { ...done, ...options.detail } };
}

/** A refusal in the person's words, about the edit rather than a cell (`path` says what it concerns). */
export function refusal(message: string, path: string): Decision<CommandOutcome<never>> {
  return {
    result: { status: 'invalid', problems: [{ severity: 'error', where: { path }, message }], inWorkbook: false },
  };
}

/** Each year's totals as the scheme tables show them, computed exactly in decimal.js. */
export function schemeTables(plan: Plan): SchemeTable[] {
  return plan.years.map((y) => computeSchemeTable(plan, y.label));
}
