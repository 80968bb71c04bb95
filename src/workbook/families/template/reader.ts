import type Decimal from 'decimal.js';
import type { ExpenditureLine, IncomeLine, Minimums, PlannedOutput } from '../../../domain/expenditure';
import type { Plan } from '../../../domain/plan';
import type { Problem } from '../../../domain/problems';
import { matchAreaOfSpend, matchCommissioner, matchSource, matchStatus } from '../../../domain/templateVocabulary';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock, type Block } from '../shared/blockLocator';
import { CellReader } from '../shared/cells';
import { findSheet, type WorkbookSnapshot } from '../../snapshot';
import { incomeHeader, LINE_HEADERS, MINIMUM_FIELDS, outputHeader, spendHeader, TEMPLATE_SHEETS } from './names';

type Template = Pick<Plan, 'income' | 'expenditure' | 'minimums'>;

/**
 * Reads the Income and Expenditure sheets back into the plan's income, expenditure and minimums,
 * so what a commissioner typed there (a line in the room to grow, a % changed, a row deleted) is the
 * plan. Problems name the cell: text in a money cell, an unknown source or commissioner.
 */
export function readTemplate(snapshot: WorkbookSnapshot, years: readonly string[], problems: Problem[]): Template {
  const incomeSheet = findSheet(snapshot, TEMPLATE_SHEETS.income);
  const expenditureSheet = findSheet(snapshot, TEMPLATE_SHEETS.expenditure);
  const out: { -readonly [K in keyof Template]: Template[K] } = {};
  if (incomeSheet) {
    const r = new CellReader(incomeSheet);
    const income = readIncome(r, years);
    problems.push(...r.problems);
    if (income.length) out.income = income;
  }
  if (expenditureSheet) {
    const r = new CellReader(expenditureSheet);
    const lines = readLines(r, years);
    const minimums = readMinimums(r, years);
    problems.push(...r.problems);
    if (lines.length) out.expenditure = lines;
    if (Object.keys(minimums).length) out.minimums = minimums;
  }
  return out;
}

/** The column of a year's header in a block, or an error at the header row when it is missing. */
function yearColumns(r: CellReader, block: Block, years: readonly string[], header: (y: string) => string): number[] {
  return years.map((y) => {
    const c = block.columns.get(header(y).toLowerCase());
    if (c === undefined) {
      r.error(
        block.header,
        0,
        `the column "${header(y)}" is missing from row ${block.header + 1}; restore its header.`,
      );
      return -1;
    }
    return c;
  });
}

function perYear(r: CellReader, row: number, years: readonly string[], columns: number[], what: string) {
  const out: Record<string, Decimal> = {};
  years.forEach((y, i) => {
    if (columns[i] < 0 || r.isBlank(row, columns[i])) return;
    out[y] = r.amount(row, columns[i], `${what} for ${y}`);
  });
  return out;
}

function readIncome(r: CellReader, years: readonly string[]): IncomeLine[] {
  const block = locateBlock(r, SHEET_SPECS.templateIncome, BLOCKS.templateIncome);
  if (!block) return [];
  const columns = yearColumns(r, block, years, incomeHeader);
  const lines: IncomeLine[] = [];
  for (const row of block.rows) {
    const source = matchSource(r.text(row, block.col(0)));
    if (!source) {
      r.error(
        row,
        block.col(0),
        `"${r.text(row, block.col(0))}" is not a BCF funding source; choose one from the list.`,
      );
      continue;
    }
    lines.push({ source, detail: r.text(row, block.col(1)), amounts: perYear(r, row, years, columns, 'the income') });
  }
  return lines;
}

function readMinimums(r: CellReader, years: readonly string[]): Record<string, Minimums> {
  const block = locateBlock(r, SHEET_SPECS.templateExpenditure, BLOCKS.templateMinimums);
  const out: Record<string, Minimums> = {};
  for (const row of block?.rows ?? []) {
    const year = years.find((y) => y === r.text(row, block!.col(0)));
    if (!year) continue;
    const m: Record<string, Decimal> = {};
    MINIMUM_FIELDS.forEach((f, i) => {
      const v = r.optionalAmount(row, block!.col(i + 1), `the ${f} minimum for ${year}`);
      if (v) m[f] = v;
    });
    if (Object.keys(m).length) out[year] = m;
  }
  return out;
}

function readLines(r: CellReader, years: readonly string[]): ExpenditureLine[] {
  const block = locateBlock(r, SHEET_SPECS.templateExpenditure, BLOCKS.templateLines);
  if (!block) return [];
  const spendAt = yearColumns(r, block, years, spendHeader);
  const outputAt = yearColumns(r, block, years, outputHeader);
  const lines: ExpenditureLine[] = [];
  for (const row of block.rows) {
    const line = readLine(r, block, row, years, { spendAt, outputAt });
    if (line) lines.push(line);
  }
  return lines;
}

function readLine(
  r: CellReader,
  block: Block,
  row: number,
  years: readonly string[],
  { spendAt, outputAt }: { spendAt: number[]; outputAt: number[] },
): ExpenditureLine | undefined {
  const col = (f: keyof typeof LINE_HEADERS) => block.columns.get(LINE_HEADERS[f].toLowerCase())!;
  const t = (f: keyof typeof LINE_HEADERS) => r.text(row, col(f));
  const commissioner = matchCommissioner(t('commissioner'));
  const source = matchSource(t('source'));
  const status = t('status') ? matchStatus(t('status')) : undefined;
  if (!commissioner)
    r.error(row, col('commissioner'), `"${t('commissioner')}" is not a commissioner: choose LA, NHS or Joint.`);
  if (!source) r.error(row, col('source'), `"${t('source')}" is not a BCF funding source; choose one from the list.`);
  if (t('status') && !status) r.error(row, col('status'), `"${t('status')}" is not New or Existing.`);
  if (!t('name')) r.error(row, col('name'), 'a line needs a Scheme Name.');
  const nhsPercent = r.optionalAmount(row, col('nhsPercent'), '% NHS');
  if (nhsPercent?.greaterThan(100))
    r.error(row, col('nhsPercent'), `% NHS is a per cent from 0 to 100, not ${nhsPercent}.`);
  const outputs: Record<string, PlannedOutput> = {};
  years.forEach((y, i) => {
    if (outputAt[i] >= 0 && !r.isBlank(row, outputAt[i]))
      outputs[y] = { count: r.amount(row, outputAt[i], `the planned outputs for ${y}`), unit: t('unit') };
  });
  const spend = perYear(r, row, years, spendAt, 'the expenditure');
  if (!commissioner || !source || !t('name')) return undefined;
  return {
    id: t('id'),
    name: t('name'),
    description: t('description'),
    schemeType: t('schemeType'),
    subType: t('subType'),
    schemeTypeOther: t('schemeTypeOther'),
    outputs,
    areaOfSpend: matchAreaOfSpend(t('areaOfSpend')) ?? t('areaOfSpend'),
    areaOfSpendOther: t('areaOfSpendOther'),
    commissioner,
    ...(nhsPercent !== undefined ? { nhsPercent } : {}),
    provider: t('provider'),
    source,
    spend,
    ...(status ? { status } : {}),
    ...(t('scheme') ? { scheme: t('scheme') } : {}),
  };
}
