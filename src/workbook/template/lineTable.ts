import type Decimal from 'decimal.js';
import type { ExpenditureLine, PlannedOutput } from '../../domain/expenditure';
import { HUNDRED, ZERO } from '../../domain/money';
import type { Problem } from '../../domain/problems';
import { matchCommissioner, matchSource, matchStatus, matchOrganisationSource } from '../../domain/templateVocabulary';
import type { SourceId } from '../../domain/templateVocabulary';
import { cellAddress, columnIndex, columnLetter } from '../a1';
import { quarterOf } from '../audit/headerWords';
import { readTypedCell } from '../audit/typedCell';
import { CellReader } from '../families/shared/cells';
import { isSubtotalRow } from '../families/shared/subtotalRows';
import { cellFormat, cellValue, type SheetSnapshot } from '../snapshot';
import { columnOf, columnsOf, type LineColumn, type LineField, type LineHeader } from './lineColumns';
import { readMoney, statedFigure, textAt, type StatedFigure } from './cellReading';
import { linesSummedBy } from './unlabelledTotals';

/**
 * The rows under the expenditure line table's header: lines, and the rows that only total them
 * (a "Sub-total DFG", an "iBCF subtotal", a SUM over the column above, the Total row), which are
 * kept as stated figures and never read as lines. Blank rows and notes below are passed over.
 */
export interface LocatedLine {
  readonly line: ExpenditureLine;
  readonly row: number;
  /** A1 address of the cell each field was read from. */
  readonly cells: Readonly<Partial<Record<keyof ExpenditureLine, string>>>;
}

/** A row that totals lines: which lines (by index) and its figure in each money column. */
export interface StatedTotal {
  readonly row: number;
  readonly kind: 'subtotal' | 'total';
  readonly label: string;
  readonly lines: readonly number[];
  readonly figures: readonly { readonly column: LineColumn; readonly figure: StatedFigure }[];
}

export interface LineTable {
  readonly sheet: string;
  readonly header: LineHeader;
  readonly lines: readonly LocatedLine[];
  readonly totals: readonly StatedTotal[];
  /** Each line's stated total across years, where the table has that column. */
  readonly rowTotals: readonly { readonly line: number; readonly figure: StatedFigure }[];
  /** Money cells holding text that is no figure. */
  readonly unreadable: readonly { readonly cell: string; readonly text: string; readonly what: string }[];
  readonly problems: readonly Problem[];
}

const SUBTOTAL = /sub[\s-]*total/i;
const TOTAL = /^\s*(grand\s+)?totals?\b/i;
const TOTAL_WORD = /\btotals?\b/i;
/** What a line says beyond its name, ID, funding source and figures: a total row says none of it. */
const LINE_DETAIL: readonly LineField[] = [
  'description',
  'schemeType',
  'subType',
  'schemeTypeOther',
  'outputs',
  'outputUnit',
  'areaOfSpend',
  'areaOfSpendOther',
  'commissioner',
  'nhsPercent',
  'laPercent',
  'provider',
  'status',
];

export function readLineTable(sheet: SheetSnapshot, header: LineHeader, years: readonly string[]): LineTable {
  const reader = new LineReader(sheet, header, years);
  for (let row = header.firstLineRow; row < sheet.values.length; row++) reader.readRow(row);
  return {
    sheet: sheet.name,
    header,
    lines: reader.lines,
    totals: reader.totals,
    rowTotals: reader.rowTotals,
    unreadable: reader.unreadable,
    problems: reader.problems,
  };
}

/** The columns holding money: each year's spend and the total across years. */
export const moneyColumns = (h: LineHeader) => h.columns.filter((c) => c.field === 'spend' || c.field === 'total');

class LineReader {
  readonly lines: LocatedLine[] = [];
  readonly totals: StatedTotal[] = [];
  readonly rowTotals: { line: number; figure: StatedFigure }[] = [];
  readonly unreadable: { cell: string; text: string; what: string }[] = [];
  readonly problems: Problem[] = [];
  private runStart = 0;
  private readonly cells: CellReader;
  private readonly labelColumns: number[];
  /** Years with more than one expenditure column (said at the header): no spend is read for them. */
  private readonly twiceOver: Set<string>;

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly header: LineHeader,
    private readonly years: readonly string[],
  ) {
    this.cells = new CellReader(sheet);
    this.labelColumns = header.columns
      .filter((c) => !['spend', 'total', 'outputs'].includes(c.field))
      .map((c) => c.index);
    this.checkUnlabelledSpend();
    this.twiceOver = this.checkYearsTwiceOver();
  }

  /**
   * Two expenditure columns for one year, neither marked "Previously entered" nor one of its quarters: one is likely the
   * plan and the other a copy or an earlier figure, and adding them would double the year. Neither
   * is read; the header cells are named so the person can say which is the plan.
   */
  private checkYearsTwiceOver(): Set<string> {
    const byYear = new Map<string, LineColumn[]>();
    for (const c of columnsOf(this.header, 'spend')) if (c.year) byYear.set(c.year, [...(byYear.get(c.year) ?? []), c]);
    const twice = new Set<string>();
    for (const [year, columns] of byYear) {
      if (columns.length < 2 || quarterly(columns)) continue;
      twice.add(year);
      const named = columns.map((c) => `${cellAddress(this.header.row, c.index)} "${c.header}"`);
      this.problems.push({
        severity: 'error',
        where: { sheet: this.sheet.name, cell: cellAddress(this.header.row, columns[1].index) },
        message: `The expenditure columns ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} are ${columns.length === 2 ? 'both' : 'all'} for ${year}, so neither is read as the year's spend (adding them would count the year twice): keep the plan's figures in one of them, and head the other "Previously entered" or delete it.`,
      });
    }
    return twice;
  }

  /**
   * A one-year template's spend column needs no year, but several unlabelled expenditure columns
   * leave no way to tell which is the year's spend: said at the header rather than read as no spend.
   */
  private checkUnlabelledSpend(): void {
    const spend = columnsOf(this.header, 'spend');
    if (spend.length < 2 || spend.some((c) => c.year)) return;
    const named = spend.map((c) => `${columnLetter(c.index)} "${c.header}"`).join(', ');
    this.problems.push({
      severity: 'error',
      where: { sheet: this.sheet.name, cell: cellAddress(this.header.row, spend[0].index) },
      message: `The expenditure columns ${named} on row ${this.header.row + 1} say no year, so none of them is read as the year's spend: head the year's expenditure column with its year (e.g. "Expenditure for 2025-26 (£)"), or mark an earlier figure "Previously entered".`,
    });
  }

  private text(row: number, column: LineColumn | undefined): string {
    return column ? textAt(this.sheet, row, column.index) : '';
  }

  readRow(row: number): void {
    const labels = this.labelColumns.map((c) => textAt(this.sheet, row, c)).filter(Boolean);
    const money = moneyColumns(this.header);
    const hasMoney = money.some((c) => readMoney(cellValue(this.sheet, row, c.index)).kind !== 'blank');
    // A line may be called "Total Care at Home": a total row names no funding source.
    const sourced = !!matchSource(this.text(row, columnOf(this.header, 'source')));
    const name = this.text(row, columnOf(this.header, 'name'));
    const id = this.text(row, columnOf(this.header, 'id'));
    const sub = sourced ? undefined : labels.find((l) => SUBTOTAL.test(l));
    // "BCF Total", "Overall total" where a line's name goes: a total too, however it is worded.
    const total = sourced
      ? undefined
      : (labels.find((l) => TOTAL.test(l)) ?? [name, id].find((l) => TOTAL_WORD.test(l)));
    if (sub || total || this.sumsAbove(row))
      return this.totalRow(row, sub ? 'subtotal' : total ? 'total' : 'subtotal', sub ?? total ?? '');
    const source = this.text(row, columnOf(this.header, 'source'));
    const summed = hasMoney && this.saysLessThanALine(row, id, name, source) ? this.summedLines(row) : undefined;
    if (summed)
      return this.totalRow(row, summed.length === this.lines.length ? 'total' : 'subtotal', name || id, summed);
    if (!(name || id) || !(source || hasMoney)) return;
    this.readLine(row);
  }

  /** A row whose money cells are SUM/SUBTOTAL formulas over the column above: a sub-total nobody labelled. */
  private sumsAbove(row: number): boolean {
    return isSubtotalRow(
      this.cells,
      row,
      moneyColumns(this.header).map((c) => c.index),
    );
  }

  /**
   * A row that could be a total nobody labelled: no detail a line carries (scheme type,
   * commissioner, provider...), and its name, its ID or its funding source missing. A line with
   * its name, ID and source filled in is a line, whatever its figures add up to.
   */
  private saysLessThanALine(row: number, id: string, name: string, source: string): boolean {
    if (LINE_DETAIL.some((field) => columnsOf(this.header, field).some((c) => textAt(this.sheet, row, c.index))))
      return false;
    const named = columnOf(this.header, 'id') && columnOf(this.header, 'name') ? !!(id && name) : !!(id || name);
    return !named || !source;
  }

  /** The lines a row's typed figures add up to (a total nobody labelled), if they add up to any. */
  private summedLines(row: number): number[] | undefined {
    const named = matchSource(this.text(row, columnOf(this.header, 'source')));
    return linesSummedBy(
      this.sheet,
      row,
      moneyColumns(this.header),
      this.lines.map((l) => ({ row: l.row, ofSource: !!named && l.line.source === named })),
    );
  }

  private totalRow(row: number, kind: 'subtotal' | 'total', label: string, lines?: number[]): void {
    const figures = moneyColumns(this.header)
      .filter((c) => cellValue(this.sheet, row, c.index) !== null && cellValue(this.sheet, row, c.index) !== undefined)
      .map((column) => ({ column, figure: statedFigure(this.sheet, row, column.index) }));
    this.totals.push({
      row,
      kind,
      label: label || `row ${row + 1}`,
      lines: lines ?? this.coveredLines(row, kind, label),
      figures,
    });
    if (kind === 'subtotal') this.runStart = this.lines.length;
  }

  /** The lines a total adds up: the range its formula sums, else (a sub-total) the run since the last one, or every line above. */
  private coveredLines(row: number, kind: 'subtotal' | 'total', label: string): number[] {
    const all = this.lines.map((_, i) => i);
    const f = moneyColumns(this.header)
      .map((c) => this.sheet.formulas?.[row]?.[c.index])
      .find((x) => x && /^=\s*(SUBTOTAL|SUM|AGGREGATE)\s*\(/i.test(x));
    if (f) {
      const ranges = rangesOf(f);
      return all.filter((i) => ranges.some((r) => r.top <= this.lines[i].row && this.lines[i].row <= r.bottom));
    }
    if (kind === 'total') return all;
    const run = all.slice(this.runStart);
    const named = matchSource(label.replace(SUBTOTAL, ' ')) ?? undefined;
    // "Sub-total DFG" under lines of several sources totals the DFG ones, if there are any.
    const ofSource = all.filter((i) => this.lines[i].line.source === named);
    return named && ofSource.length && run.some((i) => this.lines[i].line.source !== named) ? ofSource : run;
  }

  private readLine(row: number): void {
    const h = this.header;
    const cells: Partial<Record<keyof ExpenditureLine, string>> = {};
    const at = (field: keyof ExpenditureLine, column: LineColumn | undefined) => {
      if (column) cells[field] = cellAddress(row, column.index);
      return this.text(row, column);
    };
    const commissioner = this.commissioner(row, at('commissioner', columnOf(h, 'commissioner')));
    const source = this.source(row, at('source', columnOf(h, 'source')));
    const nhsPercent = this.percent(row, columnOf(h, 'nhsPercent'));
    const laPercent = this.percent(row, columnOf(h, 'laPercent'));
    if (columnOf(h, 'nhsPercent')) cells.nhsPercent = cellAddress(row, columnOf(h, 'nhsPercent')!.index);
    const status = matchStatus(at('status', columnOf(h, 'status')));
    const line: ExpenditureLine = {
      id: at('id', columnOf(h, 'id')),
      name: at('name', columnOf(h, 'name')) || at('id', columnOf(h, 'id')),
      description: at('description', columnOf(h, 'description')),
      schemeType: at('schemeType', columnOf(h, 'schemeType')),
      subType: at('subType', columnOf(h, 'subType')),
      schemeTypeOther: at('schemeTypeOther', columnOf(h, 'schemeTypeOther')),
      outputs: this.outputs(row),
      areaOfSpend: at('areaOfSpend', columnOf(h, 'areaOfSpend')),
      areaOfSpendOther: at('areaOfSpendOther', columnOf(h, 'areaOfSpendOther')),
      commissioner,
      ...(commissioner === 'Joint' && nhsPercent ? { nhsPercent } : {}),
      ...(commissioner === 'Joint' && laPercent ? { laPercent } : {}),
      provider: at('provider', columnOf(h, 'provider')),
      source,
      spend: this.spend(row),
      ...(status ? { status } : {}),
    };
    const total = columnOf(h, 'total');
    if (total && cellValue(this.sheet, row, total.index) !== null)
      this.rowTotals.push({ line: this.lines.length, figure: statedFigure(this.sheet, row, total.index) });
    this.lines.push({ line, row, cells });
  }

  /** Planned outputs per year: the count in a year's (or the only) outputs column, with the units column's words. */
  private outputs(row: number): Record<string, PlannedOutput> {
    const outputs: Record<string, PlannedOutput> = Object.create(null);
    const columns = columnsOf(this.header, 'outputs');
    const unit = this.text(row, columnOf(this.header, 'outputUnit'));
    for (const c of columns) {
      const year = c.year ?? (columns.length === 1 && this.years.length === 1 ? this.years[0] : undefined);
      const count = readMoney(cellValue(this.sheet, row, c.index));
      if (year && count.kind === 'number' && !count.value.isNegative()) outputs[year] = { count: count.value, unit };
    }
    return outputs;
  }

  private spend(row: number): Record<string, Decimal> {
    const spend: Record<string, Decimal> = {};
    const columns = columnsOf(this.header, 'spend');
    for (const c of columns) {
      const year = c.year ?? (columns.length === 1 && this.years.length === 1 ? this.years[0] : undefined);
      if (!year || this.twiceOver.has(year)) continue;
      const read = readMoney(cellValue(this.sheet, row, c.index));
      if (read.kind === 'text') {
        const cell = cellAddress(row, c.index);
        this.unreadable.push({ cell, text: read.text, what: `${year} expenditure` });
        this.problem(
          row,
          c.index,
          `the ${year} expenditure holds the text "${read.text}", not an amount: type the figure alone, e.g. 125000.`,
        );
      } else if (read.kind === 'number') {
        // Kept in the sum, as the template's own totals keep it, but the template takes £0 or more.
        if (read.value.isNegative())
          this.problem(
            row,
            c.index,
            `the ${year} expenditure is negative (${read.value.toString()}): the template takes £0 or more. Take a recharge or saving off the line it reduces, or enter money coming in on the Income tab.`,
          );
        spend[year] = (spend[year] ?? ZERO).plus(read.value.times(c.scale));
      }
    }
    return spend;
  }

  private commissioner(row: number, text: string): ExpenditureLine['commissioner'] {
    const c = matchCommissioner(text);
    if (c) return c;
    const column = columnOf(this.header, 'commissioner');
    if (column)
      this.problem(
        row,
        column.index,
        text
          ? `"${text}" is not a commissioner the template knows: choose Local Authority, NHS (ICB/CCG) or Joint.`
          : 'the commissioner is blank: choose Local Authority, NHS (ICB/CCG) or Joint.',
      );
    return 'NHS';
  }

  private source(row: number, text: string): SourceId {
    const s = matchSource(text) ?? matchOrganisationSource(text);
    if (s) return s;
    const column = columnOf(this.header, 'source');
    if (column)
      this.problem(
        row,
        column.index,
        `"${text}" is not a BCF funding source: choose one from the template's list (e.g. Minimum NHS Contribution, iBCF, DFG).`,
      );
    return 'additionalLa';
  }

  /** A percentage as points: 60, "60%", 0.6 formatted as a percentage, or a fraction of one; "N/A" and blank are none. */
  private percent(row: number, column: LineColumn | undefined): Decimal | undefined {
    if (!column) return undefined;
    const typed = readTypedCell(cellValue(this.sheet, row, column.index), cellFormat(this.sheet, row, column.index));
    if (typed.kind !== 'number') return undefined;
    if (typed.percentSign || typed.value.greaterThan(1)) return typed.value;
    return typed.value.times(HUNDRED);
  }

  private problem(row: number, column: number, message: string): void {
    this.problems.push({
      severity: 'error',
      where: { sheet: this.sheet.name, cell: cellAddress(row, column) },
      message: `Line on row ${row + 1}: ${message}`,
    });
  }
}

/** A year's spend broken down by quarter ("2024/25 Q1 (£)", "Q2"...): parts that add up to it, not copies. */
function quarterly(columns: readonly LineColumn[]): boolean {
  const quarters = columns.map((c) => quarterOf(c.header));
  return quarters.every(Boolean) && new Set(quarters).size === quarters.length;
}

/** The ranges a formula refers to, as 0-based rows and columns. */
export function rangesOf(formula: string): { top: number; bottom: number; first: number; last: number }[] {
  const found = formula.replace(/"[^"]*"/g, '').matchAll(/\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)/gi);
  return [...found].map(([, c0, r0, c1, r1]) => ({
    top: Number(r0) - 1,
    bottom: Number(r1) - 1,
    first: columnIndex(c0),
    last: columnIndex(c1),
  }));
}
