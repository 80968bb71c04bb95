import type Decimal from 'decimal.js';
import { ZERO } from '../../domain/money';
import type { Problem } from '../../domain/problems';
import {
  matchOrganisationSource,
  matchSource,
  organisationOf,
  organisationShare,
  sourceOf,
  wordsOf,
  type SourceId,
} from '../../domain/templateVocabulary';
import { cellAddress } from '../a1';
import { scaleOf } from '../audit/headerWords';
import { readTypedCell } from '../audit/typedCell';
import { cellValue, type SheetSnapshot } from '../snapshot';
import { header, isLabel, readMoney, rowWidth, statedFigure, textAt, yearOfColumn, yearOfText } from './cellReading';
import type { StatedFigure } from './cellReading';
import { EARLIER_FIGURE } from './lineColumns';

/**
 * The template's Income tab: rows of money per funding source and year under a header row
 * ("Funding source | Amount (£)", "Gross Contribution 2023-24"...). A source may take several
 * rows under its heading (a DFG row per district council), which are summed into it; "Please
 * specify" text is kept as the detail; "Total DFG" and "Total" rows are stated figures the audit
 * checks, not income. The 2015-16 "Funding sources" tab names organisations instead: a council's
 * gross contribution is read as an additional LA contribution (a DFG if it says so), a CCG's as the
 * minimum NHS contribution (matchOrganisationSource), the nearest fit to today's sources.
 */
export interface IncomeRow {
  readonly source: SourceId;
  readonly detail: string;
  readonly row: number;
  readonly amounts: Readonly<Record<string, Decimal>>;
  /** Per year, the cell the amount was read from. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * A "Total DFG" (sub-total of one source), a "Total Minimum LA Contribution (exc iBCF)" or "Total
 * NHS Contribution" (sub-total of a group of sources: kind 'group') or "Total" row: its figures and
 * the income rows it adds up.
 */
export interface IncomeTotal {
  readonly row: number;
  readonly kind: 'subtotal' | 'group' | 'total';
  readonly label: string;
  readonly rows: readonly number[];
  /** Other rows the figure may rightly add up (a source's sub-total: the rows since the header, heading or total before it). */
  readonly orRows: readonly number[];
  readonly figures: readonly StatedFigure[];
}

export interface IncomeTab {
  readonly sheet: string;
  readonly rows: readonly IncomeRow[];
  readonly totals: readonly IncomeTotal[];
  readonly unreadable: readonly { readonly cell: string; readonly text: string; readonly what: string }[];
  readonly problems: readonly Problem[];
}

const NOT_INCOME =
  /please specify|minimum contribution \(|^minimum|^%|percent|expenditure|\bspend\b|balance|difference|variance|\bnotes?\b|comments?|description|\bdate\b/;
const MONEY_HEADER = /£|amount|contribution|income|gross|funding|allocation|grant/;
/** A total row's label starts or ends with the word ("Total DFG", "BCF Total"); "Of the total, ..." is no total. */
const TOTAL = /^\s*(grand |sub[\s-]*)?totals?\b|\btotals?\s*(\(£\))?\s*$/i;
/** "Of which: Care Act duties", "Of the total, the amount for...": a part of money counted above, not income. */
/**
 * "DFG breakerdown for two-tier areas only (where applicable)": the district rows under it split
 * the county's figure given above them; read only where no figure was given above.
 */
const BREAKDOWN = /\bbreak(er)?[\s-]?down\b|\bsplit by\b/i;
const YES_NO = /^\s*(yes|no|y|n)\s*$/i;
const PART_OF = /^\s*(of which|of the total|of this|including|within (this|the total))\b/i;
/** The words of a total of everything on the tab ("Total", "Total BCF Pooled Budget", "BCF Total", "Total income"). */
const GRAND_TOTAL_WORDS = new Set(
  'grand overall total totals bcf better care fund pool pooled budget income funding contribution contributions all sources'.split(
    ' ',
  ),
);
const isGrandTotal = (label: string) =>
  wordsOf(label)
    .split(' ')
    .every((w) => GRAND_TOTAL_WORDS.has(w));
/** "(exc iBCF)", "excluding iBCF": a source a group total leaves out. */
const EXCLUDING = /\b(?:exc|excl|excluding)\b\.?\s*(.+)$/i;

interface MoneyColumn {
  readonly index: number;
  readonly year: string;
  readonly scale: number;
}

export function readIncomeTab(
  sheet: SheetSnapshot,
  skipRows: ReadonlySet<number>,
  years: readonly string[],
): IncomeTab {
  const reader = new IncomeReader(sheet, years);
  for (let row = 0; row < sheet.values.length; row++) if (!skipRows.has(row)) reader.readRow(row);
  return reader.result();
}

class IncomeReader {
  private readonly rows: IncomeRow[] = [];
  private readonly totals: IncomeTotal[] = [];
  private readonly unreadable: { cell: string; text: string; what: string }[] = [];
  private readonly problems: Problem[] = [];
  private heading: SourceId | undefined;
  private columns: MoneyColumn[] = [];
  private specify: number | undefined;
  /** The row of the last header, source heading or total: the rows below it are one block. */
  private blockStart = -1;
  /** The breakdown row of the block, if any: rows under it split a figure above it. */
  private breakdownAt: number | undefined;

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly years: readonly string[],
  ) {}

  result(): IncomeTab {
    for (const u of this.unreadable)
      this.problems.push({
        severity: 'error',
        where: { sheet: this.sheet.name, cell: u.cell },
        message: `the ${u.what} holds the text "${u.text}", not an amount: type the figure alone, e.g. 125000.`,
      });
    return {
      sheet: this.sheet.name,
      rows: this.rows,
      totals: this.totals,
      unreadable: this.unreadable,
      problems: this.problems,
    };
  }

  readRow(row: number): void {
    const width = rowWidth(this.sheet, row);
    const figures = Array.from({ length: width }, (_, c) => readMoney(cellValue(this.sheet, row, c)).kind === 'number');
    const labels = Array.from({ length: width }, (_, c) => isLabel(this.sheet, row, c));
    const words = labels.filter((l, c) => l && readTypedCell(cellValue(this.sheet, row, c)).kind !== 'na');
    if (!figures.some(Boolean) && this.yearsRow(row, labels)) return;
    if (!figures.some(Boolean) && words.length >= 2 && this.headerRow(row, width, labels.indexOf(true))) {
      // "Disabled Facilities Grant (DFG) | Gross Contribution 2023-24": a header that is also a source's heading.
      this.heading = matchSource(this.firstText(row, labels));
      [this.blockStart, this.breakdownAt] = [row, undefined];
      return;
    }
    const labelColumn = labels.slice(0, 6).indexOf(true);
    const label = labelColumn >= 0 ? textAt(this.sheet, row, labelColumn) : '';
    if (PART_OF.test(label)) return;
    if (TOTAL.test(label)) return this.totalRow(row, label);
    const named = label ? matchSource(label) : undefined;
    const amounts = this.amountsOf(row, labelColumn);
    // "Are any additional LA Contributions being made in 2023-25? If yes, please detail below | Yes":
    // a question over the table under it, its Yes/No an answer, not an amount.
    const answer = amounts.unreadable.length && amounts.unreadable.every((u) => YES_NO.test(u.text));
    const question = label.includes('?') && !figures.some(Boolean);
    if (!amounts.found || question || (answer && !Object.keys(amounts.values).length))
      return this.labelRow(row, label, named);
    const source =
      named ??
      (this.heading && organisationShare(this.heading, label)) ??
      (label ? matchOrganisationSource(label) : undefined);
    // Text under a money column in a row no source names ("Selected Health and Wellbeing Board: |
    // Borough", under a title that ran across the columns) is no income: only a figure is unplaced.
    if (!source) return Object.keys(amounts.values).length ? this.unplaced(row, labelColumn, label) : undefined;
    const above = this.breakdownAt ?? -1;
    if (this.rows.some((r) => r.row > this.blockStart && r.row < above && r.source === source)) return;
    this.unreadable.push(...amounts.unreadable);
    const detail = named ? this.specified(row) : label;
    this.rows.push({ source, detail, row, amounts: amounts.values, cells: amounts.cells });
  }

  /** A row with a label and no money: a source's heading, a breakdown of the figure above, or other words. */
  private labelRow(row: number, label: string, named: SourceId | undefined): void {
    if (BREAKDOWN.test(label)) [this.heading, this.breakdownAt] = [named ?? this.heading, row];
    else if (named) [this.heading, this.blockStart, this.breakdownAt] = [named, row, undefined];
    else if (label) this.heading = undefined;
  }

  private firstText(row: number, labels: readonly boolean[]): string {
    const c = labels.indexOf(true);
    return c >= 0 ? textAt(this.sheet, row, c) : '';
  }

  /**
   * "| 2023-24 | 2024-25" under "Disabled Facilities Grant (DFG) | Gross Contribution": years alone
   * in the row under a table's header band are its money columns; the table's source stays.
   */
  private yearsRow(row: number, labels: readonly boolean[]): boolean {
    const texts = labels.flatMap((l, c) => (l ? [{ c, year: yearOfText(textAt(this.sheet, row, c)) }] : []));
    if (!texts.length || texts.some((t) => !t.year)) return false;
    const scale = this.columns[0]?.scale ?? 1;
    this.columns = texts.map((t) => ({ index: t.c, year: t.year!, scale }));
    return true;
  }

  /** A header row sets the money columns and their years for the rows under it; false when it heads none. */
  private headerRow(row: number, width: number, labelColumn: number): boolean {
    const columns: MoneyColumn[] = [];
    let specify: number | undefined;
    let banded = false;
    for (let c = labelColumn + 1; c < width; c++) {
      const h = header(this.sheet, row, c);
      if (!h) continue;
      if (/specify/.test(h)) specify = c;
      if (EARLIER_FIGURE.test(h) || NOT_INCOME.test(h) || !(MONEY_HEADER.test(h) || yearOfText(h))) continue;
      const year = yearOfColumn(this.sheet, row, c, { first: 0, last: width - 1 }) ?? single(this.years);
      if (year) columns.push({ index: c, year, scale: scaleOf(h) ?? 1 });
      else banded = true;
    }
    // "Minimum NHS Contribution | Contribution" with its years in the row under it (yearsRow): a
    // header still, its columns set by the years.
    if (!columns.length && !banded) return false;
    if (columns.length) this.columns = columns;
    this.specify = specify;
    return true;
  }

  private amountsOf(row: number, labelColumn: number) {
    const out = {
      found: false,
      values: {} as Record<string, Decimal>,
      cells: {} as Record<string, string>,
      unreadable: [] as { cell: string; text: string; what: string }[],
    };
    for (const c of this.columns) {
      if (c.index <= labelColumn) continue;
      const read = readMoney(cellValue(this.sheet, row, c.index));
      if (read.kind === 'blank') continue;
      out.found = true;
      if (read.kind === 'text') {
        out.unreadable.push({ cell: cellAddress(row, c.index), text: read.text, what: `${c.year} income` });
        continue;
      }
      if (out.cells[c.year]) continue; // a second figure for a year (a minimum beside the actual) is not counted twice
      out.values[c.year] = (out.values[c.year] ?? ZERO).plus(read.value.times(c.scale));
      out.cells[c.year] = cellAddress(row, c.index);
    }
    return out;
  }

  private totalRow(row: number, label: string): void {
    const rest = label.replace(TOTAL, ' ').trim();
    const named = matchSource(rest);
    const kind = named ? 'subtotal' : isGrandTotal(label) ? 'total' : 'group';
    const figures = this.columns
      .filter((c) => readMoney(cellValue(this.sheet, row, c.index)).kind !== 'blank')
      .map((c) => statedFigure(this.sheet, row, c.index));
    const since = this.rows.filter((r) => r.row > this.blockStart).map((r) => r.row);
    [this.blockStart, this.breakdownAt] = [row, undefined];
    if (kind === 'group') {
      // A group names whose money it adds ("Total NHS Contribution", "Total Minimum LA
      // Contribution (exc iBCF)"): that partner's rows above it (its minimum ones if it says so),
      // less a source it excludes; a group that names no partner, the rows since the header or total before it.
      const excluded = EXCLUDING.exec(rest);
      const words = excluded ? rest.slice(0, excluded.index) : rest;
      const from = organisationOf(words);
      const left = excluded ? matchSource(excluded[1]) : undefined;
      const minimum = /\bminimum\b/i.test(words);
      const ofGroup = (source: SourceId) =>
        sourceOf(source).from === from && source !== left && (!minimum || sourceOf(source).minimum === true);
      const rows = from ? this.rows.filter((r) => ofGroup(r.source)).map((r) => r.row) : since;
      this.totals.push({ row, kind, label, rows, orRows: rows, figures });
    } else {
      const covered = new Set(this.totals.filter((t) => t.kind === kind).flatMap((t) => t.rows));
      const rows = this.rows.filter((r) => !covered.has(r.row) && (!named || r.source === named)).map((r) => r.row);
      // A fund in two parts may total both in its block ("Total ASC Discharge Fund" under its
      // council and ICB parts).
      const parts = named ? this.rows.filter((r) => since.includes(r.row) && sameFund(r.source, named)) : [];
      this.totals.push({ row, kind, label, rows, orRows: parts.length ? parts.map((r) => r.row) : rows, figures });
    }
    this.heading = undefined;
  }

  private unplaced(row: number, column: number, label: string): void {
    this.problems.push({
      severity: 'warning',
      where: { sheet: this.sheet.name, cell: cellAddress(row, Math.max(column, 0)) },
      message: `Row ${row + 1}${label ? ` ("${label}")` : ''} holds money but names no BCF funding source, so it is not read as income: name the source (e.g. DFG, Minimum NHS Contribution, iBCF) or put it under one.`,
    });
  }

  /** The "Please specify" text beside an additional contribution, if any. */
  private specified(row: number): string {
    return this.specify !== undefined && isLabel(this.sheet, row, this.specify)
      ? textAt(this.sheet, row, this.specify)
      : '';
  }
}

/** Two parts of one fund: the council's and the ICB's discharge money. */
const sameFund = (a: SourceId, b: SourceId) => a === b || (!!sourceOf(a).discharge && !!sourceOf(b).discharge);

const single = (years: readonly string[]) => (years.length === 1 ? years[0] : undefined);
