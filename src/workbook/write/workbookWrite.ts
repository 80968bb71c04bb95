import { EVERY_SHEET, PLAN_SHEETS, type SheetChoice } from '../host';
import { readsPlan } from '../families/planSheets';
import { isBookkeeping, looksLikeLayoutSheet, placePlan, type Placement } from '../ownership';
import type { SheetPlan, WorkbookPlan } from '../sheetPlan';
import type { SheetSnapshot } from '../snapshot';
import { planWrites, type WritePlan } from './writePlan';
import type { WriteState } from './writeState';

export type { WriteState } from './writeState';

/*
 * The one write path every host runs (Excel, the preview's HyperFormula workbook, a file): what
 * exists and what the add-in owns go in, the steps to write come out. A host only reads its state
 * and executes the steps (Office.js: queued, synced in request-sized batches, retried smaller).
 */

/**
 * Largest request a host is sent, in bytes. Excel on the web refuses requests over 5 MB, but a
 * request near it is slow to send on a council network and costs the most to retry; the default
 * keeps every request under 2 MB. A step's estimated size is within a fraction of a percent of what
 * is sent (3,986 KB sent under a 4,000 KB cap), so a 5% margin is enough. Hosts without a limit
 * plan with the same figure, so they take the same steps as Excel.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 1_900_000;

export interface PlannedWrite {
  readonly placement: Placement;
  readonly writes: WritePlan;
  /** What the sheets the writes change hold now (lower-case actual name ->), registry included. */
  readonly current: ReadonlyMap<string, SheetSnapshot>;
}

/**
 * Fits `plan` into the workbook (names it will really have, the registry: ownership.ts) and plans
 * the steps that bring the add-in's sheets to it, given what those sheets hold (`sheets`, under
 * their names in the workbook).
 */
export function planWorkbookWrite(
  plan: WorkbookPlan,
  state: WriteState,
  sheets: readonly SheetSnapshot[],
  maxRequestBytes: number = DEFAULT_MAX_REQUEST_BYTES,
  assume?: (placed: SheetPlan) => SheetSnapshot | undefined,
): PlannedWrite {
  const placement = placePlan(plan, state.inventory, state.registry, readBytes);
  const current = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  // Sheets the host did not read but can vouch for, given what the plan puts on them (keptCards.ts).
  if (assume)
    for (const placed of placement.plan.sheets) {
      const key = placed.name.toLowerCase();
      const held = current.has(key) ? undefined : assume(placed);
      if (held) current.set(key, held);
    }
  // The registry was read with the workbook's inventory; it is diffed like any sheet of the add-in's.
  if (state.registrySheet) current.set(state.registrySheet.name.toLowerCase(), state.registrySheet);
  return { placement, writes: planWrites(placement, state, current, maxRequestBytes), current };
}

/**
 * The add-in's sheets to read. Sheets an unfinished command made (listed on the pending sheet) are
 * the add-in's but not read: they hold no one's entries, are no plan yet, and are rebuilt whole.
 */
export function ownedSheets(state: Pick<WriteState, 'registry' | 'inventory'>): string[] {
  const names = new Set<string>();
  for (const s of state.registry.sheets) names.add(s.actual);
  if (state.registry.legacy) for (const s of state.inventory.sheets) if (looksLikeLayoutSheet(s)) names.add(s);
  return [...names].filter((n) => !isBookkeeping(n));
}

/**
 * What a read gives: the add-in's sheets; the ones named (by layout name) that exist; with PLAN_SHEETS only those the plan is read from; with
 * EVERY_SHEET a person's own too (a table they pasted, to import; the audit), except any whose name
 * is one of the add-in's sheets under its layout name, so a reader never meets two sheets called "Pool".
 */
export function sheetsToRead(state: Pick<WriteState, 'registry' | 'inventory'>, choice?: SheetChoice): string[] {
  if (typeof choice === 'object')
    return choice.map((n) => actualSheet(state, n)).filter((n): n is string => n !== undefined);
  const owned = ownedSheets(state);
  if (choice === PLAN_SHEETS) {
    const logical = new Map(state.registry.sheets.map((s) => [s.actual.toLowerCase(), s.logical]));
    return owned.filter((n) => readsPlan(logical.get(n.toLowerCase()) ?? n));
  }
  if (choice !== EVERY_SHEET) return owned;
  const ours = new Set([...owned, ...state.registry.pending].map((n) => n.toLowerCase()));
  const logical = new Set(state.registry.sheets.map((s) => s.logical.toLowerCase()));
  const theirs = state.inventory.sheets.filter(
    (n) => !ours.has(n.toLowerCase()) && !logical.has(n.toLowerCase()) && !isBookkeeping(n),
  );
  return [...owned, ...theirs];
}

/** The sheet a layout calls `logical` under its name in the workbook, or a sheet of that name. */
export function actualSheet(state: Pick<WriteState, 'registry' | 'inventory'>, logical: string): string | undefined {
  const key = logical.toLowerCase();
  return (
    state.registry.sheets.find((s) => s.logical.toLowerCase() === key)?.actual ??
    state.inventory.sheets.find((s) => s.toLowerCase() === key)
  );
}

export function logicalOf(state: Pick<WriteState, 'registry'>, actual: string): string {
  return state.registry.sheets.find((s) => s.actual.toLowerCase() === actual.toLowerCase())?.logical ?? actual;
}

/** Bytes reading a sheet back takes, about: values and formulas as JSON. */
export function readBytes(sheet: SheetPlan): number {
  let bytes = 200;
  for (const row of sheet.rows) {
    bytes += 4;
    for (const cell of row)
      bytes += 12 + (cell?.formula ? 2 * cell.formula.length : 2 * String(cell?.value ?? cell?.result ?? '').length);
  }
  return bytes;
}
