import { classifyHeader, classifyLabel, scaleOf } from '../audit/headerWords';
import type { SheetSnapshot } from '../snapshot';
import { header, rowWidth, textAt, yearOfColumn, yearOfText } from './cellReading';

/**
 * The columns of the template's expenditure line table, known by the words of their headers in
 * every cycle's wording ("Scheme ID", "Expenditure for 2023-24 (£)", "2017/18 Expenditure (£000)",
 * "% NHS (if Joint Commissioner)"...). The table is the row that heads a scheme name, a source of
 * funding and an expenditure column: checklist rows, the Running Balances and Required Spend blocks
 * above it head none of the three together.
 */
export type LineField =
  | 'id'
  | 'name'
  | 'description'
  | 'schemeType'
  | 'subType'
  | 'schemeTypeOther'
  | 'outputs'
  | 'outputUnit'
  | 'areaOfSpend'
  | 'areaOfSpendOther'
  | 'commissioner'
  | 'nhsPercent'
  | 'laPercent'
  | 'provider'
  | 'source'
  | 'spend'
  | 'total'
  | 'status'
  | 'previous';

/**
 * A column of the figure entered before: the 2024-25 update kept the figures entered in 2023 beside
 * the revised ones, on the expenditure and the income tab. History, not the plan's money.
 */
export const EARLIER_FIGURE =
  /\bpreviously\b|\bas (originally )?submitted\b|\boriginal(ly)? (plan|planned|figure|expenditure|submission|contribution|income)/;

const FIELD_WORDS: readonly [LineField, RegExp][] = [
  ['schemeTypeOther', /specify.*scheme type|scheme type.*other/],
  ['areaOfSpendOther', /specify.*area of spend|area of spend.*other/],
  // "% CCG" in the CCG era's copies, "% ICB" in later ones: the NHS's share.
  ['nhsPercent', /%\s*(nhs|ccg|icb)\b|\b(nhs|ccg|icb)\s*%/],
  ['laPercent', /%\s*la\b|la\s*%|%\s*local authority/],
  ['subType', /sub[\s-]*types?/],
  ['schemeType', /scheme type|^type of scheme|^scheme category/],
  ['id', /scheme id|scheme ref|scheme (no|number)|^id$|^ref$/],
  ['name', /scheme name|^name$|^scheme$/],
  ['description', /description/],
  // "Planned Output Unit Estimate" (2021-22) is the words for what is counted, like 2022-23's "Units".
  ['outputUnit', /^units?$|unit of measure|output units?$|unit estimate/],
  ['outputs', /planned outputs?/],
  ['areaOfSpend', /area of spend/],
  ['commissioner', /commissioner|commissioned by/],
  ['provider', /provider/],
  ['source', /source of funding|funding source/],
  ['status', /new\s*\/?\s*existing|existing scheme/],
  ['previous', EARLIER_FIGURE],
  ['total', /\btotal\b/],
  ['spend', /expenditure|\bspend\b|£/],
];

export function lineFieldOf(text: string): LineField | undefined {
  if (!text) return undefined;
  return FIELD_WORDS.find(([, words]) => words.test(text))?.[0];
}

export interface LineColumn {
  readonly field: LineField;
  readonly index: number;
  readonly header: string;
  /** For spend and outputs: the year the column is for, when it says or the band above says. */
  readonly year?: string;
  /** £000 headers: what one unit in the column is worth in pounds. */
  readonly scale: number;
}

export interface LineHeader {
  readonly row: number;
  readonly columns: readonly LineColumn[];
  /** The row under the header finished it (years under "Expenditure (£)", "% NHS" under a band): lines start below it. */
  readonly firstLineRow: number;
}

/**
 * The line table's header on a sheet, or undefined: found by its words wherever it is. It may take
 * two rows: words under it ("% NHS" / "% LA" under "If joint commissioner", years under
 * "Expenditure (£)"), or each header wrapped into two cells ("Source of" over "Funding").
 */
export function findLineHeader(sheet: SheetSnapshot): LineHeader | undefined {
  for (let row = 0; row < sheet.values.length; row++) {
    if (headsLines(sheet, row, false)) return headerAt(sheet, row, subHeaderRow(sheet, row + 1));
    // Two rows together, when the lower is no header on its own (the rows above a header are not part of it).
    if (!figureFree(sheet, row + 1) || headsLines(sheet, row + 1, false)) continue;
    if (headsLines(sheet, row, true) && !schemeTable(sheet, row + 1)) return headerAt(sheet, row, true);
  }
  return undefined;
}

function headsLines(sheet: SheetSnapshot, row: number, twoRows: boolean): boolean {
  const fields = new Set(columnTexts(sheet, row, twoRows).map((t) => lineFieldOf(t.text)));
  return (
    fields.has('name') &&
    fields.has('source') &&
    (fields.has('spend') || fields.has('total')) &&
    !schemeTable(sheet, row)
  );
}

/**
 * Each column's header words: its own (a year alone taking the band above it), and with two rows
 * the words under it, or a band's words from the left over the words under it.
 */
function columnTexts(sheet: SheetSnapshot, row: number, twoRows: boolean): { column: number; text: string }[] {
  const out: { column: number; text: string }[] = [];
  let band = '';
  const width = Math.max(rowWidth(sheet, row), twoRows ? rowWidth(sheet, row + 1) : 0);
  for (let c = 0; c < width; c++) {
    const own = withBand(sheet, row, c);
    if (own) band = own;
    const sub = twoRows ? header(sheet, row + 1, c) : '';
    const text = own && sub ? `${own} ${sub}` : own || (sub ? `${band} ${sub}` : '');
    if (text) out.push({ column: c, text });
  }
  return out;
}

/**
 * A council's own scheme table headed partly in the template's words but carrying benefits (a
 * count of admissions avoided, savings, % of pool, in the pool or not): the template never has
 * these, and the scheme-table import reads them, so such a table is not taken for the template.
 */
function schemeTable(sheet: SheetSnapshot, row: number): boolean {
  for (let c = 0; c < rowWidth(sheet, row); c++) {
    const text = textAt(sheet, row, c);
    if (!text) continue;
    const role = classifyHeader(text);
    if (role === 'count' || role === 'saving' || role === 'poolShare' || classifyLabel(text) === 'inPool') return true;
  }
  return false;
}

function headerAt(sheet: SheetSnapshot, row: number, twoRows: boolean): LineHeader {
  const columns: LineColumn[] = [];
  for (const { column: c, text } of columnTexts(sheet, row, twoRows)) {
    const field = lineFieldOf(text);
    if (!field) continue;
    const year =
      field === 'spend' || field === 'outputs'
        ? (yearOfText(text) ?? yearOfColumn(sheet, row, c, { first: 0, last: -1 }))
        : undefined;
    const words = [textAt(sheet, row, c), twoRows ? textAt(sheet, row + 1, c) : ''].filter(Boolean).join(' ');
    columns.push({ field, index: c, header: words, year, scale: scaleOf(text) ?? 1 });
  }
  return { row, columns, firstLineRow: twoRows ? row + 2 : row + 1 };
}

/**
 * A header cell that is a year alone ("2023-24") under a band over the years in the row above
 * ("Expenditure (£)" merged across them, starting at or left of the column): read as the band's
 * words and the year. Any other header cell is its own words.
 */
function withBand(sheet: SheetSnapshot, row: number, column: number): string {
  const own = header(sheet, row, column);
  if (!own || !yearOfText(own) || !/^[\d\s/\-–]+$/.test(own) || row === 0) return own;
  for (let c = column; c >= 0; c--) {
    const band = header(sheet, row - 1, c);
    if (band) return yearOfText(band) ? own : `${band} ${own}`;
  }
  return own;
}

/**
 * Whether the row under a header finishes it, not a line: no figures, and every word in it a year
 * or a header's words ("2023-24" under "Expenditure (£)", "% NHS" under "If joint commissioner").
 */
function subHeaderRow(sheet: SheetSnapshot, row: number): boolean {
  if (!figureFree(sheet, row)) return false;
  let words = 0;
  for (let c = 0; c < rowWidth(sheet, row); c++) {
    const text = header(sheet, row, c);
    if (!text) continue;
    if (!yearOfText(text) && !lineFieldOf(text)) return false;
    words++;
  }
  return words > 0;
}

/** A row with no number in it (a header's rows hold none; lines and summary blocks do). */
function figureFree(sheet: SheetSnapshot, row: number): boolean {
  return row < sheet.values.length && !(sheet.values[row] ?? []).some((v) => typeof v === 'number');
}

export const columnsOf = (h: LineHeader, field: LineField) => h.columns.filter((c) => c.field === field);
export const columnOf = (h: LineHeader, field: LineField) => h.columns.find((c) => c.field === field);
