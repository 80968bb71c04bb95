import { pendingPlan, REGISTRY_SHEET, STAGING_PREFIX, type Placement } from '../ownership';
import type { SheetPlan } from '../sheetPlan';
import type { SheetSnapshot } from '../snapshot';
import { rangeAddress, sheetRef } from '../a1';
import { cellInput, type CellInput } from './cellInput';
import type { WriteState } from './writeState';
import { arrayStepBytes, jsonBytes, sheetSteps, type WriteStep } from './writeSteps';

/**
 * How a command's writes are split so a person never sees a half-written sheet of theirs or ours:
 * `early` requests only create and fill sheets that did not exist (new sheets, and staging sheets
 * holding the new content of big sheets); `last` is one small request with every change to a sheet
 * that existed (cells that differ, copies from staging, tables, names, the registry) and the
 * removal of staging. A failure before `last` leaves every existing sheet as it was; the new sheets
 * are listed on the pending sheet, so the next command knows them for the add-in's and tidies up.
 */
export interface WritePlan {
  readonly early: WriteStep[];
  readonly last: WriteStep[];
}

/** The last request's changes to existing sheets stay under this: Excel applies a request as it reads it. */
export const LAST_REQUEST_BYTES = 900_000;

/** A sheet that exists already, and the steps that bring it to its plan. */
interface Change {
  sheet: string;
  plan: SheetPlan;
  steps: WriteStep[];
  rebuild: boolean;
}

const stepBytes = (steps: readonly WriteStep[]) => steps.reduce((a, s) => a + s.bytes, 0);

export function planWrites(
  placement: Placement,
  state: WriteState,
  current: ReadonlyMap<string, SheetSnapshot>,
  maxRequestBytes: number,
): WritePlan {
  const exists = new Set(state.inventory.sheets.map((s) => s.toLowerCase()));
  const written = sheetWrites(placement, state, current, exists);
  const { fresh } = written;
  // Sheets an unfinished command made (on the pending sheet) hold nothing of anyone's yet: finishing
  // them goes before the last request, with the new sheets, so the last request stays small.
  const unfinishedSheets = new Set(state.registry.pending.map((s) => s.toLowerCase()));
  const finishing = written.changes.filter((c) => unfinishedSheets.has(c.sheet.toLowerCase())).flatMap((c) => c.steps);
  const changes = written.changes.filter((c) => !unfinishedSheets.has(c.sheet.toLowerCase()));
  const names = nameSteps(placement, state);
  const tidy = tidySteps(state);
  const lastLimit = Math.min(LAST_REQUEST_BYTES, maxRequestBytes);
  const all = [...fresh, ...finishing, ...names.added, ...changes.flatMap((c) => c.steps), ...names.changed, ...tidy];
  // Small enough for one request, and nothing on an existing sheet big enough to matter: all at once.
  if (stepBytes(all) <= maxRequestBytes && stepBytes(changes.flatMap((c) => c.steps)) <= lastLimit)
    return { early: [], last: all };

  const { staged, stagedNames } = stageBiggest(changes, state, placement, lastLimit);
  const pending = pendingPlan([
    // What an earlier command left unfinished stays listed until a last request finishes it.
    ...unfinished(state),
    ...placement.plan.sheets
      .filter((s) => !exists.has(s.name.toLowerCase()))
      .map((s) => ({ kind: 'sheet' as const, name: s.name })),
    ...stagedNames.map((name) => ({ kind: 'sheet' as const, name })),
    ...placement.plan.sheets
      .filter((s) => !exists.has(s.name.toLowerCase()))
      .flatMap((s) => (s.tables ?? []).map((t) => ({ kind: 'table' as const, name: t.name }))),
    ...names.addedNames.map((name) => ({ kind: 'name' as const, name })),
  ]);
  const marker: WriteStep[] = state.pendingSheet ? [{ kind: 'deleteSheet', sheet: pending.name, bytes: 400 }] : [];
  return {
    early: [
      ...marker,
      { kind: 'addSheet', sheet: pending.name, bytes: 400 },
      ...sheetSteps(pending, pending.name),
      { kind: 'visibility', sheet: pending.name, bytes: 400 },
      ...tidy.filter((s) => s.sheet !== pending.name),
      ...fresh,
      ...finishing,
      ...names.added,
      ...staged,
    ],
    last: [
      ...changes.flatMap((c) => c.steps),
      ...names.changed,
      { kind: 'deleteSheet', sheet: pending.name, bytes: 400 },
    ],
  };
}

/** New sheets are created and filled; existing ones get the cells that differ, or a rebuild if their shape changed. */
function sheetWrites(
  placement: Placement,
  state: WriteState,
  current: ReadonlyMap<string, SheetSnapshot>,
  exists: ReadonlySet<string>,
): { fresh: WriteStep[]; changes: Change[] } {
  const shapes = new Map(state.registry.sheets.map((s) => [s.actual.toLowerCase(), s.shape]));
  const fresh: WriteStep[] = [];
  const changes: Change[] = [];
  for (const sheet of placement.plan.sheets) {
    const key = sheet.name.toLowerCase();
    if (!exists.has(key)) {
      fresh.push({ kind: 'addSheet', sheet: sheet.name, bytes: 400 }, ...sheetSteps(sheet, sheet.name));
      if (sheet.visibility) fresh.push({ kind: 'visibility', sheet: sheet.name, bytes: 400 });
      continue;
    }
    const have = current.get(key);
    const sameShape =
      key === REGISTRY_SHEET.toLowerCase() ||
      (shapes.get(key) !== undefined && shapes.get(key) === placement.shapes.get(key));
    if (have && sameShape)
      changes.push({ sheet: sheet.name, plan: sheet, steps: diffSteps(sheet, have), rebuild: false });
    else
      changes.push({
        sheet: sheet.name,
        plan: sheet,
        steps: [...clearSteps(sheet.name, state, placement), ...sheetSteps(sheet, sheet.name)],
        rebuild: true,
      });
  }
  return { fresh, changes };
}

/**
 * Stage the biggest rewrites until the last request is small: each staged sheet's content is written
 * early to a staging sheet, and its change becomes a copy from staging. Rewrites `changes` in place.
 */
function stageBiggest(
  changes: Change[],
  state: WriteState,
  placement: Placement,
  lastLimit: number,
): { staged: WriteStep[]; stagedNames: string[] } {
  const staged: WriteStep[] = [];
  const stagedNames: string[] = [];
  let budget = stepBytes(changes.flatMap((c) => c.steps));
  for (const change of [...changes].sort((a, b) => stepBytes(b.steps) - stepBytes(a.steps))) {
    if (budget <= lastLimit) break;
    if (!change.rebuild) {
      // Too many cells differ to send as changes: rebuild it through staging instead.
      change.steps = [...clearSteps(change.sheet, state, placement), ...sheetSteps(change.plan, change.sheet)];
    }
    const staging = `${STAGING_PREFIX}${stagedNames.length + 1}`;
    stagedNames.push(staging);
    const content = sheetSteps(change.plan, staging).filter(
      (s) => s.kind === 'cells' || s.kind === 'formats' || s.kind === 'styles' || s.kind === 'validation',
    );
    staged.push({ kind: 'addSheet', sheet: staging, bytes: 400 }, ...content);
    const before = stepBytes(change.steps);
    const used = usedAddress(change.plan);
    change.steps = [
      ...clearSteps(change.sheet, state, placement),
      ...(used ? [{ kind: 'copyFrom' as const, sheet: change.sheet, from: staging, address: used, bytes: 600 }] : []),
      ...sheetSteps(change.plan, change.sheet).filter(
        (s) => s.kind === 'sheetLook' || s.kind === 'table' || s.kind === 'chart',
      ),
      { kind: 'deleteSheet' as const, sheet: staging, bytes: 400 },
    ];
    budget += stepBytes(change.steps) - before;
  }
  return { staged, stagedNames };
}

/** Before a sheet of the add-in's is rebuilt: its tables back to ranges, its charts and cells gone. */
function clearSteps(sheet: string, state: WriteState, placement: Placement): WriteStep[] {
  const key = sheet.toLowerCase();
  const ours = new Set(placement.plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name.toLowerCase())));
  return [
    ...state.inventory.tables
      .filter((t) => t.sheet.toLowerCase() === key && ours.has(t.name.toLowerCase()))
      .map((t) => ({ kind: 'unlistTable' as const, sheet, table: t.name, bytes: 400 })),
    ...state.charts
      .filter((c) => c.sheet.toLowerCase() === key)
      .map((c) => ({ kind: 'deleteChart' as const, sheet, chart: c.name, bytes: 400 })),
    { kind: 'clearSheet', sheet, bytes: 1200 },
  ];
}

/** The sheets, tables and names the pending sheet lists: made by a command that stopped before its last request. */
function unfinished(state: WriteState): { kind: 'sheet' | 'table' | 'name'; name: string }[] {
  const { pending, pendingTables = [], pendingNames = [] } = state.registry;
  return [
    ...pending.map((name) => ({ kind: 'sheet' as const, name })),
    ...pendingTables.map((name) => ({ kind: 'table' as const, name })),
    ...pendingNames.map((name) => ({ kind: 'name' as const, name })),
  ];
}

/** Leftovers of a command that stopped half way: staging sheets go; the pending sheet is replaced. */
function tidySteps(state: WriteState): WriteStep[] {
  const steps: WriteStep[] = state.inventory.sheets
    .filter((s) => s.startsWith(STAGING_PREFIX))
    .map((sheet) => ({ kind: 'deleteSheet', sheet, bytes: 400 }));
  if (state.pendingSheet) steps.push({ kind: 'deleteSheet', sheet: state.pendingSheet.name, bytes: 400 });
  return steps;
}

/** New names may be made early (nothing of the person's changes); changed ones go in the last request. */
function nameSteps(
  placement: Placement,
  state: WriteState,
): { added: WriteStep[]; changed: WriteStep[]; addedNames: string[] } {
  const added: WriteStep[] = [];
  const changed: WriteStep[] = [];
  for (const name of placement.plan.names) {
    const now = state.names.get(name.name.toLowerCase());
    const step: WriteStep = {
      kind: 'name',
      sheet: name.sheet,
      name,
      exists: now !== undefined,
      bytes: 400 + jsonBytes(name),
    };
    if (!now) added.push(step);
    else if (now.formula !== nameFormula(name.sheet, name.cell) || now.comment !== name.comment) changed.push(step);
  }
  return { added, changed, addedNames: added.map((s) => (s.kind === 'name' ? s.name.name : '')) };
}

function nameFormula(sheet: string, cell: string): string {
  return `=${sheetRef(sheet, cell)}`;
}

function usedAddress(plan: SheetPlan): string | undefined {
  const width = plan.rows.reduce((w, row) => Math.max(w, row.length), 0);
  return plan.rows.length && width ? rangeAddress(0, 0, plan.rows.length, width) : undefined;
}

/**
 * The cells of a sheet that differ from what the workbook holds, as runs of cells along a row:
 * a refresh after one input changed sends that one cell (formulas are live, so their text doesn't
 * change when figures do). Cells the plan leaves empty are emptied.
 */
export function diffSteps(plan: SheetPlan, have: SheetSnapshot): WriteStep[] {
  const steps: WriteStep[] = [];
  const rows = Math.max(plan.rows.length, have.values.length);
  for (let r = 0; r < rows; r++) {
    const planned = plan.rows[r] ?? [];
    const held = have.values[r] ?? [];
    const width = Math.max(planned.length, held.length);
    let run: { start: number; inputs: CellInput[]; formats: (string | null)[] } | undefined;
    let gap = 0;
    const flush = () => {
      if (!run) return;
      const inputs = run.inputs.slice(0, run.inputs.length - gap);
      const formats = run.formats.slice(0, inputs.length);
      steps.push({
        kind: 'cells',
        sheet: plan.name,
        row: r,
        column: run.start,
        formulas: [inputs],
        bytes: arrayStepBytes([inputs]),
      });
      if (formats.some((f) => f !== null))
        steps.push({
          kind: 'formats',
          sheet: plan.name,
          row: r,
          column: run.start,
          formats: [formats],
          bytes: arrayStepBytes([formats]),
        });
      run = undefined;
      gap = 0;
    };
    for (let c = 0; c < width; c++) {
      const cell = planned[c] ?? null;
      const want = cellInput(cell);
      if (same(want, held[c] ?? null, have.formulas?.[r]?.[c] ?? null)) {
        // A short gap of unchanged cells rides along as nulls (left as they are), saving an action.
        if (run && gap < 3) {
          run.inputs.push(null);
          run.formats.push(null);
          gap++;
        } else flush();
        continue;
      }
      if (!run) run = { start: c, inputs: [], formats: [] };
      gap = 0;
      run.inputs.push(want ?? '');
      run.formats.push(cell?.format ?? null);
    }
    flush();
  }
  return steps;
}

function same(want: CellInput, value: unknown, formula: string | null): boolean {
  if (want === null) return (value === null || value === '') && formula === null;
  if (typeof want === 'string' && want.startsWith('=')) return formula === want;
  if (formula !== null) return false;
  if (typeof want === 'string') return value === want.slice(1);
  return value === want;
}
