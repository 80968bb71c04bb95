import { planFromJson, planToJson } from '../../src/domain/planJson';
import { dayOf } from '../../src/domain/jointFunding';
import { readPlan } from '../../src/workbook/families/planReader';
import { plannedSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { Scalar } from '../../src/workbook/sheetPlan';
import { workbookLayout } from '../../src/workbook/workbookLayout';
import { cellAddress } from '../../src/workbook/a1';
import { figureDifference } from '../support/figures';

/** Every case is built as of one fixed day, so a register without its own date reads the same each run. */
export const AS_OF = dayOf(2025, 6, 30);

/** What a person types on a built sheet: in the block whose header row holds `header`, on the row keyed `row`. */
export interface Typed {
  readonly sheet: string;
  readonly header: string;
  /** The row's value in the block's first column; null: the first empty row under the block (its room to grow). */
  readonly row: string | null;
  readonly value: Scalar;
  /** The column typed in when it is not the header's own: a label-and-value block's values sit beside the labels. */
  readonly column?: number;
  /** The first column's value when typing a spare row: the new row's key. */
  readonly key?: Scalar;
}

/**
 * One case of a sheet family, in the manner of ExcelJS's xform specs: an input plan (as its JSON
 * file), the cells its sheets must hold, what a person then types, and the plan expected back.
 */
export interface FamilyCase {
  readonly name: string;
  readonly plan: () => any;
  /** Cells the built workbook holds before any edit, "Sheet!B4" (the sheet name unquoted). */
  readonly cells?: Readonly<Record<string, Scalar>>;
  readonly typed?: readonly Typed[];
  /** The plan expected back, as JSON: the input's JSON with this change made (none: the plan comes back as it went). */
  readonly expected?: (json: any) => void;
}

export function builtSnapshot(json: unknown): WorkbookSnapshot {
  const plan = planFromJson(json).plan;
  return { sheets: workbookLayout(plan, 'all', { today: AS_OF }).sheets.map(plannedSnapshot) };
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`the built workbook has no sheet "${name}"`);
  return sheet;
}

export function valueAt(snapshot: WorkbookSnapshot, address: string): Scalar {
  const [name, cell] = address.split('!');
  const sheet = sheetOf(snapshot, name);
  for (let r = 0; r < sheet.values.length; r++)
    for (let c = 0; c < Math.max(sheet.values[r].length, 30); c++)
      if (cellAddress(r, c) === cell) return sheet.values[r][c] ?? null;
  return null;
}

/** The snapshot with one cell typed, found by its block's header and its row's key, as a person would find it. */
export function typeInto(snapshot: WorkbookSnapshot, t: Typed): WorkbookSnapshot {
  const sheet = sheetOf(snapshot, t.sheet);
  const values = sheet.values.map((r) => [...r]);
  const headerRow = values.findIndex((r) => r.includes(t.header));
  if (headerRow < 0) throw new Error(`no header "${t.header}" on ${t.sheet}`);
  const column = t.column ?? values[headerRow].indexOf(t.header);
  const isEmpty = (r: readonly Scalar[] | undefined) => !r || r.every((v) => v === null || v === '');
  let row = headerRow + 1;
  while (row < values.length + 1) {
    const here = values[row];
    if (t.row === null ? isEmpty(here) : here && String(here[0]) === t.row) break;
    if (t.row !== null && isEmpty(here)) throw new Error(`no row "${t.row}" under "${t.header}" on ${t.sheet}`);
    row++;
  }
  while (values.length <= row) values.push([]);
  values[row][column] = t.value;
  if (t.key !== undefined) values[row][0] = t.key;
  return { sheets: snapshot.sheets.map((s) => (s === sheet ? { ...s, values } : s)) };
}

/** Runs a family's cases through one loop: plan -> sheets (cells checked) -> typed -> plan (sections compared). */
export function runFamilyCases(family: string, sections: readonly string[], cases: readonly FamilyCase[]): void {
  describe(`${family}: plan -> sheet -> plan`, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const json = c.plan();
      const built = builtSnapshot(json);
      for (const [address, value] of Object.entries(c.cells ?? {}))
        expect(figureDifference(value, valueAt(built, address), undefined) ?? 'same').toBe('same');
      const edited = (c.typed ?? []).reduce(typeInto, built);
      const back = planToJson(readPlan(edited).plan) as Record<string, unknown>;
      const want = planToJson(planFromJson(json).plan) as Record<string, unknown>;
      c.expected?.(want);
      for (const section of sections) expect([section, back[section]]).toEqual([section, want[section]]);
    });
  });
}
