import { incomeOf, type IncomeLine } from '../../../domain/expenditure';
import { sum, ZERO } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { FUNDING_SOURCES, sourceOf } from '../../../domain/templateVocabulary';
import { columnLetter } from '../../a1';
import { formula, num, text } from '../../grid';
import { inputNote, legendRow } from '../shared/inputLegend';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS } from '../shared/blocks';
import { FORMAT, type CellPlan, type SheetPlan } from '../../sheetPlan';
import { templateGeometry, type TemplateGeometry } from './geometry';
import { incomeHeader, INCOME_HEADERS, TEMPLATE_SHEETS } from './names';

type Row = (CellPlan | null)[];
export const SOURCE_LABELS: readonly string[] = FUNDING_SOURCES.map((s) => s.label);

/**
 * The Income sheet: what each funding source puts into the pool, a row per source (and detail),
 * a column per year, the row's total calculated. Its room to grow carries the total's formula, so a
 * source typed there is totalled and, through the Expenditure sheet's SUMIFS, in the balances at once.
 */
export function incomeLayout(plan: Plan, g: TemplateGeometry = templateGeometry(plan)): SheetPlan {
  const years = g.years;
  const header = [
    text(INCOME_HEADERS[0], 'header'),
    text(INCOME_HEADERS[1], 'header'),
    ...years.map((y) => text(incomeHeader(y), 'header')),
    text(INCOME_HEADERS[2], 'header'),
  ];
  const rows: Row[] = [
    [text(`${plan.board}: income by funding source`, 'title')],
    [
      text(
        inputNote(
          "the funding source, what it is (or who it comes from) and each year's income, in the blank rows under the last source too.",
        ),
        'note',
      ),
    ],
    legendRow(),
    header,
  ];
  const lines = incomeOf(plan);
  const items = lines.map((line, i) => incomeRow(line, years, g.income.first + i + 1));
  const spare = (k: number) => incomeRow(undefined, years, g.income.first + lines.length + k + 1);
  const spec = SHEET_SPECS.templateIncome;
  rows.push(...blockBody(spec, BLOCKS.templateIncome, items, spare));
  const n = regionRows(spec, BLOCKS.templateIncome, lines.length);
  const first = g.income.first + 1;
  const last = first + n - 1;
  const yearRange = `${columnLetter(g.income.yearColumn(0))}${first}:${columnLetter(g.income.yearColumn(Math.max(years.length - 1, 0)))}${last}`;
  return {
    name: TEMPLATE_SHEETS.income,
    rows,
    tables: [
      {
        name: BLOCKS.templateIncome.id,
        row: g.income.header,
        column: 0,
        columns: header.map((h) => String(h.value)),
        rowCount: n,
      },
    ],
    validations: [
      {
        range: `A${first}:A${last}`,
        kind: 'list',
        list: SOURCE_LABELS,
        message: `Choose a funding source: ${SOURCE_LABELS.join(', ')}.`,
      },
      ...(years.length
        ? [{ range: yearRange, kind: 'decimal' as const, min: 0, message: 'Enter the income in pounds, 0 or more.' }]
        : []),
    ],
    freeze: { rows: g.income.header + 1, columns: 1 },
    columnWidths: [34, 36, ...years.map(() => 18), 18],
    tabColor: '00B050',
  };
}

/** A source's row (or a blank row of the room to grow, `line` undefined) at sheet row `r` (1-based). */
function incomeRow(line: IncomeLine | undefined, years: readonly string[], r: number): Row {
  const amounts = years.map((y) => line?.amounts[y]);
  const first = columnLetter(2);
  const last = columnLetter(1 + Math.max(years.length, 1));
  return [
    line ? text(sourceOf(line.source).label, 'input') : { style: 'input' },
    line ? text(line.detail, 'input') : { style: 'input' },
    ...amounts.map((a): CellPlan => (a ? num(a, FORMAT.pence, 'input') : { style: 'input', format: FORMAT.pence })),
    years.length
      ? formula(`SUM(${first}${r}:${last}${r})`, sum(amounts.map((a) => a ?? ZERO)), FORMAT.pence)
      : formula('0', 0, FORMAT.pence),
  ];
}
