import type Decimal from 'decimal.js';
import { ZERO } from '../../domain/money';
import type { Problem } from '../../domain/problems';
import { matchOrganisationSource, matchSource, type SourceId } from '../../domain/templateVocabulary';
import { cellAddress } from '../a1';
import { scaleOf } from '../audit/headerWords';
import { cellValue, type SheetSnapshot } from '../snapshot';
import { header, isLabel, readMoney, rowWidth, textAt, yearOfColumn, yearOfText } from './templateCells';

/**
 * The template's Income tab: rows of money per funding source and year. A source may take
 * several rows (a DFG row per district council under a DFG heading), which are summed into it;
 * "Please specify" text is kept as the detail; Total rows and minimums are not income. The
 * 2015-16 "Funding sources" tab names organisations instead: a council's gross contribution is
 * read as an additional LA contribution (a DFG if it says so), a CCG's as the minimum NHS
 * contribution (matchOrganisationSource), the nearest fit to today's sources.
 */
export interface IncomeRow {
  readonly source: SourceId;
  readonly detail: string;
  readonly row: number;
  readonly amounts: Readonly<Record<string, Decimal>>;
  /** Per year, the cell the amount was read from. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface IncomeTab {
  readonly sheet: string;
  readonly rows: readonly IncomeRow[];
  readonly unreadable: readonly { readonly cell: string; readonly text: string; readonly what: string }[];
  readonly problems: readonly Problem[];
}

const NOT_INCOME =
  /please specify|minimum|^%|percent|expenditure|\bspend\b|balance|difference|variance|\bnotes?\b|comments?|allocation date|description/;
const TOTAL = /^\s*(grand\s+)?(sub[\s-]*)?totals?\b/i;

export function readIncomeTab(
  sheet: SheetSnapshot,
  skipRows: ReadonlySet<number>,
  years: readonly string[],
): IncomeTab {
  const rows: IncomeRow[] = [];
  const unreadable: IncomeTab['unreadable'][number][] = [];
  const problems: Problem[] = [];
  let heading: SourceId | undefined;
  for (let row = 0; row < sheet.values.length; row++) {
    if (skipRows.has(row)) continue;
    const labelColumn = firstLabel(sheet, row);
    if (labelColumn === undefined) continue;
    const label = textAt(sheet, row, labelColumn);
    if (TOTAL.test(label)) {
      heading = undefined;
      continue;
    }
    const named = matchSource(label);
    const amounts = amountsOf(sheet, row, labelColumn, years);
    if (!amounts.found) {
      if (named) heading = named;
      else if (!hasFigure(sheet, row, labelColumn))
        heading = /contribution|funding|grant/i.test(label) ? undefined : heading;
      continue;
    }
    const source = named ?? heading ?? matchOrganisationSource(label);
    amounts.unreadable.forEach((u) => unreadable.push(u));
    if (!source) {
      problems.push({
        severity: 'warning',
        where: { sheet: sheet.name, cell: cellAddress(row, labelColumn) },
        message: `Row ${row + 1} ("${label}") holds money but names no BCF funding source, so it is not read as income: name the source (e.g. DFG, Minimum NHS Contribution, iBCF) or put it under one.`,
      });
      continue;
    }
    rows.push({
      source,
      detail: named ? specified(sheet, row, labelColumn) : label,
      row,
      amounts: amounts.values,
      cells: amounts.cells,
    });
  }
  unreadable.forEach((u) =>
    problems.push({
      severity: 'error',
      where: { sheet: sheet.name, cell: u.cell },
      message: `the ${u.what} holds the text "${u.text}", not an amount: type the figure alone, e.g. 125000.`,
    }),
  );
  return { sheet: sheet.name, rows, unreadable, problems };
}

function firstLabel(sheet: SheetSnapshot, row: number): number | undefined {
  for (let c = 0; c < Math.min(rowWidth(sheet, row), 6); c++) if (isLabel(sheet, row, c)) return c;
  return undefined;
}

function hasFigure(sheet: SheetSnapshot, row: number, from: number): boolean {
  for (let c = from + 1; c < rowWidth(sheet, row); c++) if (typeof cellValue(sheet, row, c) === 'number') return true;
  return false;
}

/** The header over a column: the nearest text above it that is not a figure. */
function headerAbove(sheet: SheetSnapshot, row: number, column: number): { text: string; row: number } | undefined {
  for (let r = row - 1; r >= 0; r--) {
    if (isLabel(sheet, r, column)) return { text: header(sheet, r, column), row: r };
  }
  return undefined;
}

interface Amounts {
  found: boolean;
  values: Record<string, Decimal>;
  cells: Record<string, string>;
  unreadable: { cell: string; text: string; what: string }[];
}

function amountsOf(sheet: SheetSnapshot, row: number, labelColumn: number, years: readonly string[]): Amounts {
  const out: Amounts = { found: false, values: {}, cells: {}, unreadable: [] };
  for (let c = labelColumn + 1; c < rowWidth(sheet, row); c++) {
    const value = cellValue(sheet, row, c);
    const read = readMoney(value);
    if (read.kind === 'blank') continue;
    const above = headerAbove(sheet, row, c);
    if (above && NOT_INCOME.test(above.text)) continue;
    if (read.kind === 'text' && !above) continue;
    const year = above
      ? (yearOfColumn(sheet, above.row, c, { first: labelColumn + 1, last: c }) ?? single(years))
      : single(years);
    if (!year || /\btotal\b/.test(above?.text ?? '')) continue;
    if (read.kind === 'text') {
      // A heading row ("Funding source | 2023-24 | 2024-25") is no income; text where a figure goes is.
      if (yearOfText(read.text) || !(hasFigure(sheet, row, labelColumn) || /[£\d]/.test(read.text))) continue;
      out.unreadable.push({ cell: cellAddress(row, c), text: read.text, what: `${year} income` });
      out.found = true;
      continue;
    }
    out.found = true;
    if (out.cells[year]) continue; // a second figure for the same year (e.g. an actual beside a plan) is not counted twice
    out.values[year] = (out.values[year] ?? ZERO).plus(read.value.times(scaleAbove(above?.text)));
    out.cells[year] = cellAddress(row, c);
  }
  return out;
}

const single = (years: readonly string[]) => (years.length === 1 ? years[0] : undefined);

const scaleAbove = (text: string | undefined) => (text ? (scaleOf(text) ?? 1) : 1);

/** The "Please specify" text beside an additional contribution, if any. */
function specified(sheet: SheetSnapshot, row: number, labelColumn: number): string {
  for (let c = labelColumn + 1; c < rowWidth(sheet, row); c++) {
    const above = headerAbove(sheet, row, c);
    if (above && /please specify|specify/.test(above.text) && isLabel(sheet, row, c)) return textAt(sheet, row, c);
  }
  return '';
}
