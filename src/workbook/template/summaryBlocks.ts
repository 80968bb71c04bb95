import type { RequiredSpendKind } from '../../domain/expenditure';
import { matchSource, type SourceId } from '../../domain/templateVocabulary';
import { scaleOf } from '../audit/headerWords';
import type { SheetSnapshot } from '../snapshot';
import { header, rowWidth, statedFigure, textAt, yearOfColumn, type StatedFigure } from './cellReading';

/**
 * The two summary blocks the template shows above its lines: the Running Balances (per source and
 * year: Income, Expenditure, Balance, and a Total row) and the Required Spend (per year: the
 * minimum required spend from the minimum NHS contribution on adult social care and on
 * NHS-commissioned out-of-hospital services, the planned spend and the under spend). Years side
 * by side under a year band, or blocks stacked one per year under a year title.
 */
export type BalanceKind = 'income' | 'expenditure' | 'balance';

export interface BalanceCell {
  /** undefined for the block's Total row. */
  readonly source: SourceId | undefined;
  readonly year: string;
  readonly kind: BalanceKind;
  readonly figure: StatedFigure;
  readonly scale: number;
}

export type RequiredKind = 'minimum' | 'planned' | 'under';

export interface RequiredCell {
  readonly spend: RequiredSpendKind;
  readonly year: string;
  readonly kind: RequiredKind;
  readonly figure: StatedFigure;
  readonly scale: number;
}

export interface SummaryBlocks {
  readonly balances: readonly BalanceCell[];
  readonly required: readonly RequiredCell[];
  /** Rows the blocks take, so nothing else reads them as income. */
  readonly rows: ReadonlySet<number>;
}

const BALANCE_WORDS: readonly [BalanceKind, RegExp][] = [
  ['income', /^income\b/],
  ['expenditure', /^expenditure\b/],
  ['balance', /^balance\b|^running balance/],
];
const REQUIRED_WORDS: readonly [RequiredKind, RegExp][] = [
  ['minimum', /minimum required spend|^minimum required|^required spend/],
  ['planned', /^planned spend|^planned expenditure/],
  ['under', /under ?spend|^over ?\/ ?under/],
];
const SOURCE_HEADER = /source of funding|funding source/;

type Column<K> = { kind: K; index: number; year: string | undefined; scale: number };

function columnsIn<K>(sheet: SheetSnapshot, row: number, words: readonly [K, RegExp][], years: readonly string[]) {
  const cols: Column<K>[] = [];
  const width = rowWidth(sheet, row);
  for (let c = 0; c < width; c++) {
    const h = header(sheet, row, c);
    const kind = words.find(([, w]) => w.test(h))?.[0];
    if (kind === undefined) continue;
    const year =
      yearOfColumn(sheet, row, c, { first: 0, last: width - 1 }) ?? (years.length === 1 ? years[0] : undefined);
    cols.push({ kind, index: c, year, scale: scaleOf(h) ?? 1 });
  }
  return cols;
}

/** Every Running Balances and Required Spend block on a sheet, wherever it is. */
export function readSummaryBlocks(sheet: SheetSnapshot, years: readonly string[], stopRow: number): SummaryBlocks {
  const balances: BalanceCell[] = [];
  const required: RequiredCell[] = [];
  const rows = new Set<number>();
  for (let row = 0; row < Math.min(stopRow, sheet.values.length); row++) {
    const width = rowWidth(sheet, row);
    const headers = Array.from({ length: width }, (_, c) => header(sheet, row, c));
    const balanceCols = columnsIn(sheet, row, BALANCE_WORDS, years);
    const sourceCol = sourceColumn(sheet, row, headers, balanceCols);
    if (
      sourceCol >= 0 &&
      balanceCols.some((c) => c.kind === 'income') &&
      balanceCols.some((c) => c.kind === 'balance')
    ) {
      rows.add(row);
      row = balanceRows(sheet, row, sourceCol, balanceCols, balances, rows);
      continue;
    }
    const requiredCols = columnsIn(sheet, row, REQUIRED_WORDS, years);
    if (requiredCols.some((c) => c.kind === 'minimum') && requiredCols.some((c) => c.kind === 'planned')) {
      rows.add(row);
      row = requiredRows(sheet, row, requiredCols, required, rows);
    }
  }
  return { balances, required, rows };
}

/** The column naming the sources: headed "Source of funding", or left of the figures with a source under its blank header. */
function sourceColumn(
  sheet: SheetSnapshot,
  row: number,
  headers: readonly string[],
  figures: readonly Column<BalanceKind>[],
): number {
  const headed = headers.findIndex((h) => SOURCE_HEADER.test(h));
  if (headed >= 0 || !figures.length) return headed;
  const first = Math.min(...figures.map((c) => c.index));
  for (let c = 0; c < first; c++) if (!headers[c] && matchSource(textAt(sheet, row + 1, c))) return c;
  return -1;
}

function balanceRows(
  sheet: SheetSnapshot,
  headerRow: number,
  sourceCol: number,
  columns: readonly Column<BalanceKind>[],
  out: BalanceCell[],
  rows: Set<number>,
): number {
  let row = headerRow + 1;
  for (; row < sheet.values.length; row++) {
    const label = textAt(sheet, row, sourceCol);
    if (!label) break;
    const total = /^\s*totals?\b/i.test(label);
    const source = total ? undefined : matchSource(label);
    if (!total && !source) break;
    rows.add(row);
    for (const c of columns)
      if (c.year)
        out.push({ source, year: c.year, kind: c.kind, figure: statedFigure(sheet, row, c.index), scale: c.scale });
  }
  return row - 1;
}

const REQUIRED_ROWS: readonly [RequiredSpendKind, RegExp][] = [
  ['adultSocialCare', /adult social care/i],
  ['outOfHospital', /out[\s-]+of[\s-]+hospital/i],
];

function requiredRows(
  sheet: SheetSnapshot,
  headerRow: number,
  columns: readonly Column<RequiredKind>[],
  out: RequiredCell[],
  rows: Set<number>,
): number {
  const firstFigure = Math.min(...columns.map((c) => c.index));
  let row = headerRow + 1;
  for (; row < sheet.values.length; row++) {
    const label = Array.from({ length: firstFigure }, (_, c) => textAt(sheet, row, c)).join(' ');
    const spend = REQUIRED_ROWS.find(([, w]) => w.test(label))?.[0];
    if (!spend) break;
    rows.add(row);
    for (const c of columns)
      if (c.year)
        out.push({ spend, year: c.year, kind: c.kind, figure: statedFigure(sheet, row, c.index), scale: c.scale });
  }
  return row - 1;
}
