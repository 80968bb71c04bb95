import type { Day } from '../domain/jointFunding';
import type { Plan } from '../domain/plan';
import { mergePlans, planChanges, samePlan } from '../domain/planChanges';
import { PlanError, type Problem } from '../domain/problems';
import { PLAN_SHEETS, type Decision, type Progress, type WorkbookHost } from './host';
import { SHEET } from './families/assumptions/names';
import { readPlan } from './families/planReader';
import { findSheet, type WorkbookSnapshot } from './snapshot';
import { refusal, runCommand, writePlan, type CommandOutcome, type WorkbookCommand } from './workbookCommand';

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
  // Not just INPUT_SHEETS: the Benefit Card sheets hold what people typed (actuals, sign-offs), part of the plan.
  return planState(await host.read(PLAN_SHEETS));
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

export type { CommandOutcome } from './workbookCommand';
export { schemeTables } from './workbookCommand';

/**
 * A decision over the plan the workbook holds now: none, or one with errors, is refused with the
 * message or the cells; `edit` decides what to write from the workbook's own plan, so what people
 * typed since the pane last read it is kept.
 */
export function onWorkbookPlan<T extends object>(
  snapshot: WorkbookSnapshot,
  edit: (plan: Plan) => Decision<CommandOutcome<T>>,
): Decision<CommandOutcome<T>> {
  const state = planState(snapshot);
  if (state.status === 'empty')
    return refusal('This workbook has no plan yet: start one on the Plan tab first.', 'plan');
  if (state.status === 'invalid') return { result: { status: 'invalid', problems: state.problems, inWorkbook: true } };
  return edit(state.plan);
}

/**
 * Puts a plan into the current workbook: the Assumptions, Schemes and Investments sheets and one
 * table sheet per year. A workbook that already holds a plan is left alone unless `replace` is set.
 */
export async function startPlan(
  host: WorkbookHost,
  plan: Plan,
  today: Day,
  onProgress?: (p: Progress) => void,
  options: { replace?: boolean } = {},
): Promise<CommandOutcome> {
  return runCommand(host, startPlanCommand(plan, options), today, onProgress);
}

export function startPlanCommand(plan: Plan, options: { replace?: boolean } = {}): WorkbookCommand {
  return {
    label: 'Starting the plan',
    decide: (snapshot, today) => startDecision(planState(snapshot), plan, today, options),
  };
}

function startDecision(
  existing: WorkbookPlanState,
  plan: Plan,
  today: Day,
  options: { replace?: boolean },
): Decision<CommandOutcome> {
  if (existing.status === 'empty' || options.replace) return write(plan, [], today);
  return {
    result: {
      status: 'conflict',
      workbookPlan: existing.status === 'loaded' ? existing.plan : undefined,
      conflicts: [
        `This workbook already holds a plan${existing.status === 'loaded' && existing.plan.board ? ` for ${existing.plan.board}` : ''} (an ${SHEET.assumptions} sheet). Replacing it overwrites its ${INPUT_SHEETS.join(', ')} sheets.`,
      ],
    },
  };
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
  today: Day,
  onProgress?: (p: Progress) => void,
  options: GenerateOptions = {},
): Promise<CommandOutcome> {
  return runCommand(host, generateCommand(plan, options), today, onProgress);
}

export function generateCommand(plan: Plan, options: GenerateOptions = {}): WorkbookCommand {
  return {
    label: 'Generating the tables',
    decide: (snapshot, today) => generateDecision(planState(snapshot), plan, options, today),
  };
}

function generateDecision(
  inWorkbook: WorkbookPlanState,
  plan: Plan,
  options: GenerateOptions,
  today: Day,
): Decision<CommandOutcome> {
  const prefer = options.prefer ?? 'ask';
  if (inWorkbook.status === 'empty') return write(plan, [], today);
  if (inWorkbook.status === 'invalid') {
    if (prefer === 'pane') return write(plan, [], today);
    return { result: { status: 'invalid', problems: inWorkbook.problems, inWorkbook: true } };
  }
  const current = inWorkbook.plan;
  // The pane doesn't edit Benefit Cards: keep what people typed on them.
  if (!plan.cards && current.cards) plan = { ...plan, cards: current.cards };
  if (!options.base) {
    if (samePlan(current, plan) || prefer === 'pane') return write(plan, [], today);
    if (prefer === 'workbook') return write(current, planChanges(plan, current), today);
    return { result: { status: 'conflict', workbookPlan: current, conflicts: planChanges(plan, current) } };
  }
  const merged = mergePlans(options.base, plan, current, prefer === 'pane' ? 'pane' : 'workbook');
  if (merged.conflicts.length && prefer === 'ask')
    return { result: { status: 'conflict', workbookPlan: current, conflicts: merged.conflicts } };
  return write(merged.plan, planChanges(options.base, current), today);
}

function write(plan: Plan, fromWorkbook: readonly string[], today: Day): Decision<CommandOutcome> {
  return writePlan(plan, { fromWorkbook, today, detail: {} });
}
