import type { Plan } from '../domain/plan';
import { mergePlans, planChanges, samePlan } from '../domain/planChanges';
import { jsonLocator } from '../domain/planJson';
import { checkPlan } from '../domain/planRules';
import { PlanError, type Problem } from '../domain/problems';
import { computeSchemeTable, type SchemeTable } from '../domain/schemeTable';
import { updateWorkbook, type Decision, type Progress, type WorkbookHost } from './host';
import { SHEET } from './families/assumptions/names';
import { readPlan } from './families/planReader';
import { findSheet, type WorkbookSnapshot } from './snapshot';
import type { workbookLayout as WorkbookLayout } from './workbookLayout';

/**
 * What the task pane (and the browser preview) can do to a workbook, written once against the
 * WorkbookHost port so the same functions drive Excel and the in-memory workbook. Every command
 * reads the workbook before it writes, because the workbook, not the pane, is the source of truth:
 * whatever a commissioner typed in the Assumptions or Schemes sheet is read back into the model
 * first and never silently overwritten.
 */

/** The sheets a person types the plan into; the year sheets are calculated from them. */
export const INPUT_SHEETS = [SHEET.assumptions, SHEET.schemes, SHEET.investments] as const;

export type WorkbookPlanState =
  | { readonly status: 'empty' } // no plan in this workbook yet
  | { readonly status: 'loaded'; readonly plan: Plan; readonly warnings: readonly Problem[] }
  | { readonly status: 'invalid'; readonly problems: readonly Problem[] }; // a plan whose cells have errors

/** Reads the plan the workbook holds, if any; problems name the sheet and cell to fix. */
export async function loadPlanFromWorkbook(host: WorkbookHost): Promise<WorkbookPlanState> {
  // Every sheet of the add-in's, not just INPUT_SHEETS: the Benefit Card sheets hold what people typed (actuals, sign-offs), part of the plan.
  return planState(await host.read());
}

/** The plan a snapshot of the add-in's sheets holds, if any. */
export function planState(snapshot: WorkbookSnapshot): WorkbookPlanState {
  if (!findSheet(snapshot, SHEET.assumptions) && !findSheet(snapshot, SHEET.schemes)) return { status: 'empty' };
  try {
    const { plan, problems } = planToRewrite(snapshot);
    return { status: 'loaded', plan, warnings: problems };
  } catch (e) {
    if (e instanceof PlanError) return { status: 'invalid', problems: e.problems };
    throw e;
  }
}

/**
 * The plan a snapshot holds, for a command that lays it out again. Throws PlanError (naming the
 * cells) for errors, and for what a person typed that the new layout would drop (a sub-total row in
 * a register): readable and auditable, but nothing is written over it.
 */
export function planToRewrite(snapshot: WorkbookSnapshot): ReturnType<typeof readPlan> {
  const read = readPlan(snapshot);
  const kept = read.problems.filter((p) => p.blocksRewrite);
  if (kept.length) throw new PlanError(kept);
  return read;
}

export type CommandOutcome =
  | {
      readonly status: 'done';
      readonly plan: Plan; // what the workbook now holds
      readonly tables: readonly SchemeTable[];
      readonly warnings: readonly Problem[];
      /** Edits typed in the workbook that were read back into the plan before writing. */
      readonly fromWorkbook: readonly string[];
      /** What the person should know about the workbook, e.g. their own "Pool" sheet was left as it was. */
      readonly notices?: readonly string[];
    }
  /** The workbook already holds a plan (startPlan), or both sides changed the same scheme or unit cost. */
  | { readonly status: 'conflict'; readonly workbookPlan?: Plan; readonly conflicts: readonly string[] }
  /** Nothing was written: the plan (or the workbook's cells) has errors. */
  | { readonly status: 'invalid'; readonly problems: readonly Problem[]; readonly inWorkbook: boolean };

/**
 * Puts a plan into the current workbook: the Assumptions, Schemes and Investments sheets and one
 * table sheet per year. A workbook that already holds a plan is left alone unless `replace` is set.
 */
export async function startPlan(
  host: WorkbookHost,
  plan: Plan,
  onProgress?: (p: Progress) => void,
  options: { replace?: boolean } = {},
): Promise<CommandOutcome> {
  return command(host, onProgress, (snapshot) => {
    const existing = planState(snapshot);
    if (existing.status === 'empty' || options.replace) return write(plan, []);
    return {
      result: {
        status: 'conflict',
        workbookPlan: existing.status === 'loaded' ? existing.plan : undefined,
        conflicts: [
          `This workbook already holds a plan${existing.status === 'loaded' && existing.plan.board ? ` for ${existing.plan.board}` : ''} (an ${SHEET.assumptions} sheet). Replacing it overwrites its ${INPUT_SHEETS.join(', ')} sheets.`,
        ],
      },
    };
  });
}

export interface GenerateOptions {
  /**
   * The plan as the pane last read it from, or wrote it to, the workbook. With it, edits made on
   * either side since then are kept (a three-way merge); without it, any difference is a conflict.
   */
  readonly base?: Plan;
  /** Who wins where the pane and the workbook both changed the same scheme or unit cost. */
  readonly prefer?: 'ask' | 'pane' | 'workbook';
}

/**
 * Generates or refreshes every scheme table: reads the workbook's inputs back, merges them with the
 * pane's plan, checks the result, then applies workbookLayout, all as one host command (so in Excel
 * a co-author's edit between the read and the write is merged, not overwritten). Nothing is written
 * when the result has errors or when a conflict needs a person's decision.
 */
export async function generateTables(
  host: WorkbookHost,
  plan: Plan,
  onProgress?: (p: Progress) => void,
  options: GenerateOptions = {},
): Promise<CommandOutcome> {
  onProgress?.({ done: 0, total: 1, step: 'Reading the workbook' });
  return command(host, onProgress, (snapshot) => generateDecision(planState(snapshot), plan, options));
}

function generateDecision(
  inWorkbook: WorkbookPlanState,
  plan: Plan,
  options: GenerateOptions,
): Decision<CommandOutcome> {
  const prefer = options.prefer ?? 'ask';
  if (inWorkbook.status === 'empty') return write(plan, []);
  if (inWorkbook.status === 'invalid') {
    if (prefer === 'pane') return write(plan, []);
    return { result: { status: 'invalid', problems: inWorkbook.problems, inWorkbook: true } };
  }
  const current = inWorkbook.plan;
  // The pane doesn't edit Benefit Cards: keep what people typed on them.
  if (!plan.cards && current.cards) plan = { ...plan, cards: current.cards };
  if (!options.base) {
    if (samePlan(current, plan) || prefer === 'pane') return write(plan, []);
    if (prefer === 'workbook') return write(current, planChanges(plan, current));
    return { result: { status: 'conflict', workbookPlan: current, conflicts: planChanges(plan, current) } };
  }
  const merged = mergePlans(options.base, plan, current, prefer === 'pane' ? 'pane' : 'workbook');
  if (merged.conflicts.length && prefer === 'ask')
    return { result: { status: 'conflict', workbookPlan: current, conflicts: merged.conflicts } };
  return write(merged.plan, planChanges(options.base, current));
}

/** Runs a decision as one host command; what the host says about names it had to change goes with the outcome. */
async function command(
  host: WorkbookHost,
  onProgress: ((p: Progress) => void) | undefined,
  decide: (snapshot: WorkbookSnapshot) => Decision<CommandOutcome>,
): Promise<CommandOutcome> {
  layout ??= (await import('./workbookLayout')).workbookLayout;
  const { result, notices } = await updateWorkbook(host, decide, onProgress);
  return result.status === 'done' && notices.length ? { ...result, notices } : result;
}

/**
 * The layouts are much of the task pane's code and only a write needs them: fetched when the first
 * command runs, not with the pane (issue 24), so opening a pane downloads less.
 */
let layout: typeof WorkbookLayout | undefined;

/** Checks, then lays out the whole workbook for a plan; nothing is written if the plan has errors. */
function write(plan: Plan, fromWorkbook: readonly string[]): Decision<CommandOutcome> {
  const problems = checkPlan(plan, jsonLocator);
  if (problems.some((p) => p.severity === 'error'))
    return { result: { status: 'invalid', problems, inWorkbook: false } };
  // Card sheets are written only once someone keeps cards in this workbook: for a large plan they
  // are most of its size, and "generate the tables" should cost the same few round trips at any size.
  return {
    plan: layout!(plan, plan.cards?.records.length ? 'all' : 'tables'),
    result: { status: 'done', plan, tables: schemeTables(plan), warnings: problems, fromWorkbook },
  };
}

/** Each year's totals as the scheme tables show them, computed exactly in decimal.js. */
export function schemeTables(plan: Plan): SchemeTable[] {
  return plan.years.map((y) => computeSchemeTable(plan, y.label));
}
