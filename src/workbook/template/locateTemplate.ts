import { canonicalYear, isFinancialYearLabel } from '../../domain/financialYear';
import type { Problem } from '../../domain/problems';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { findLineHeader, columnsOf, type LineHeader } from './lineColumns';
import { readIncomeTab, type IncomeTab } from './incomeTab';
import { readLineTable, type LineTable } from './lineTable';
import { readSummaryBlocks, type SummaryBlocks } from './summaryBlocks';
import { boardName, titleYear } from './templateTitle';

/**
 * NHS England's BCF planning template found in a workbook, whichever cycle's (2015-16 to
 * 2025-26) and whatever its sheets are called: the expenditure line table, the summary blocks,
 * the income, the board and the years, every figure with its cell.
 */
export interface LocatedTemplate {
  readonly board: string | undefined;
  readonly years: readonly string[];
  readonly lines: LineTable;
  readonly blocks: SummaryBlocks & { readonly sheet: string };
  readonly income: IncomeTab | undefined;
  /** The sheets that are the template's: the audit of typed tables leaves them alone. */
  readonly sheets: readonly string[];
  readonly problems: readonly Problem[];
}

export interface TemplateOptions {
  /** The sheet holding the lines (default: the first sheet with a line table). */
  readonly sheet?: string;
  /** The year of a single expenditure column nothing labels, e.g. "2025/26". */
  readonly year?: string;
}

/** The template in the workbook, or undefined when no sheet has an expenditure line table. */
export function locateTemplate(snapshot: WorkbookSnapshot, options: TemplateOptions = {}): LocatedTemplate | undefined {
  const found = lineSheet(snapshot, options.sheet);
  if (!found) return undefined;
  const { sheet, header } = found;
  const years = templateYears(snapshot, header, options.year);
  const lines = readLineTable(sheet, header, years);
  const blocks = { ...readSummaryBlocks(sheet, years, header.row), sheet: sheet.name };
  const income = incomeSheet(snapshot, sheet, years);
  const problems: Problem[] = [...lines.problems, ...(income?.problems ?? [])];
  if (!years.length)
    problems.push({
      severity: 'error',
      where: { sheet: sheet.name, cell: 'A1' },
      message:
        'No column or title says which financial year the expenditure is for: give it with --year (e.g. 2025/26), or head the column "Expenditure for 2025-26 (£)".',
    });
  return {
    board: boardName(snapshot),
    years,
    lines,
    blocks,
    income,
    // The 2015-16 Benefits plan is not money: left alone. A person's own sheets are still audited as typed tables.
    sheets: [
      sheet.name,
      ...(income ? [income.sheet] : []),
      ...snapshot.sheets.filter(isBenefitsPlan).map((s) => s.name),
    ],
    problems,
  };
}

function isBenefitsPlan(sheet: SheetSnapshot): boolean {
  return sheet.values
    .slice(0, 5)
    .some((row) => (row ?? []).some((v) => typeof v === 'string' && /^\s*benefits? plan\b/i.test(v)));
}

function lineSheet(
  snapshot: WorkbookSnapshot,
  name?: string,
): { sheet: SheetSnapshot; header: LineHeader } | undefined {
  for (const sheet of snapshot.sheets) {
    if (name && sheet.name.toLowerCase() !== name.toLowerCase()) continue;
    const header = findLineHeader(sheet);
    if (header) return { sheet, header };
  }
  return undefined;
}

/** The years the lines are for, in order: from the columns, else the option, else the title. */
function templateYears(snapshot: WorkbookSnapshot, header: LineHeader, year?: string): string[] {
  const labelled = columnsOf(header, 'spend')
    .map((c) => c.year)
    .filter((y): y is string => !!y);
  if (labelled.length) return [...new Set(labelled)].sort();
  const asked = year && isFinancialYearLabel(year) ? canonicalYear(year) : undefined;
  const titled = asked ?? titleYear(snapshot);
  return titled ? [titled] : [];
}

/**
 * The Income tab: of the other sheets, the one with the most income rows; a summary that sets
 * income beside expenditure per source (the 2021-22 Summary tab) only when there is no other.
 */
function incomeSheet(
  snapshot: WorkbookSnapshot,
  lines: SheetSnapshot,
  years: readonly string[],
): IncomeTab | undefined {
  let best: { tab: IncomeTab; score: number } | undefined;
  for (const sheet of snapshot.sheets) {
    if (sheet === lines) continue;
    const blocks = readSummaryBlocks(sheet, years, sheet.values.length);
    const tab = readIncomeTab(sheet, blocks.rows, years);
    const score = tab.rows.length - (isSummary(sheet) ? 1000 : 0);
    if (tab.rows.length && (!best || score > best.score)) best = { tab, score };
  }
  return best?.tab;
}

function isSummary(sheet: SheetSnapshot): boolean {
  return sheet.values.some((row) => {
    const words = (row ?? []).map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''));
    return words.some((w) => w.startsWith('income')) && words.some((w) => w.startsWith('expenditure'));
  });
}
