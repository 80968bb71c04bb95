import type { Scalar, SheetPlan, WorkbookPlan } from '../../src/workbook/sheetPlan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { CARD_SECTION } from '../../src/workbook/families/cards/names';

/**
 * The person-entered cells of the card sheets (and the tracker settings), keyed by what they mean
 * rather than where they are: "Card 2b | Profile and tracker: NEL | 2014/15 Q3 | Realised reduction".
 * List blocks (barriers, dependencies, milestones) are keyed as one list of their non-blank rows,
 * since a refresh closes the gaps between them. Two builds of different plans can then be compared.
 */
export function keptCells(
  layout: WorkbookPlan,
  snapshot: WorkbookSnapshot,
  sheetFilter = (name: string) => name.startsWith('Card ') || name === 'Assumptions',
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sheet of layout.sheets) {
    if (!sheetFilter(sheet.name)) continue;
    const values = snapshot.sheets.find((s) => s.name === sheet.name)?.values ?? [];
    const lists = new Map<string, Scalar[][]>();
    let section = '';
    let header: readonly (string | null)[] = [];
    sheet.rows.forEach((row, r) => {
      const first = row[0];
      if (first?.style === 'subtitle') {
        section = String(first.value);
        header = [];
        return;
      }
      if (row.length > 0 && row.every((c) => !c || c.style === 'header') && row.some((c) => c?.style === 'header')) {
        header = row.map((c) => (c ? String(c.value) : null));
        return;
      }
      if (sheet.name === 'Assumptions' && !header.includes('Tracker setting') && header[0] !== 'Tracker setting')
        return;
      const isList = [CARD_SECTION.barriers, CARD_SECTION.dependencies, CARD_SECTION.milestones].includes(
        section as never,
      );
      const inputs = row.map((c, k) => (c?.style === 'input' ? k : -1)).filter((k) => k >= 0);
      if (!inputs.length) return;
      const value = (k: number) => normal(values[r]?.[k] ?? null);
      if (isList) {
        const cells = inputs.map(value);
        if (cells.some((v) => v !== null)) lists.set(section, [...(lists.get(section) ?? []), cells]);
        return;
      }
      const rowKey = String(sheet.rows[r][0]?.value ?? '');
      for (const k of inputs) {
        const v = value(k);
        if (v === null) continue;
        out.set(`${sheet.name} | ${section} | ${rowKey} | ${header[k] ?? 'value'}`, v);
      }
    });
    for (const [section, list] of lists) out.set(`${sheet.name} | ${section} | (list)`, list);
  }
  return out;
}

function normal(v: Scalar): Scalar {
  if (v === '' || v === undefined) return null;
  return v;
}

export function sheetOf(layout: WorkbookPlan, name: string): SheetPlan {
  const sheet = layout.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Row and column of a cell found by its block title, the row's label in column A and the column header. */
export function locate(
  sheet: SheetPlan,
  section: string,
  rowLabel: string,
  header?: string,
): { row: number; column: number } {
  let inSection = false;
  let headers: (string | null)[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const first = row[0];
    if (first?.style === 'subtitle') {
      inSection = first.value === section;
      headers = [];
      continue;
    }
    if (!inSection) continue;
    if (row.some((c) => c?.style === 'header')) {
      headers = row.map((c) => (c ? String(c.value) : null));
      continue;
    }
    if (String(first?.value ?? '') === rowLabel) {
      if (header === undefined) return { row: r, column: 1 };
      const column = headers.indexOf(header);
      if (column < 0) throw new Error(`no column ${header} in ${section}`);
      return { row: r, column };
    }
  }
  throw new Error(`no row "${rowLabel}" in "${section}" of ${sheet.name}`);
}

/** The rows of a block whose first cell is blank and input-styled (the spare rows people type into). */
export function spareRows(sheet: SheetPlan, section: string): number[] {
  const out: number[] = [];
  let inSection = false;
  sheet.rows.forEach((row, r) => {
    if (row[0]?.style === 'subtitle') inSection = row[0].value === section;
    else if (inSection && row[0]?.style === 'input' && !row[0].value) out.push(r);
  });
  return out;
}
