import { expenditureOf, lineTotal, nhsShare, type ExpenditureLine } from '../../../domain/expenditure';
import { HUNDRED, ZERO } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import {
  AREAS_OF_SPEND,
  COMMISSIONERS,
  matchAreaOfSpend,
  PROVIDERS,
  SCHEME_TYPES,
  sourceOf,
  STATUS_LABELS,
} from '../../../domain/templateVocabulary';
import { cellAddress, columnLetter } from '../../a1';
import { formula, num, text } from '../../grid';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS } from '../shared/blocks';
import { inputNote, legendRow } from '../shared/inputLegend';
import { FORMAT, listValidation, type CellPlan, type SheetPlan, type ValidationPlan } from '../../sheetPlan';
import { balanceRows, checklistRows, minimumRows, requiredRows } from './expenditureSummary';
import { templateGeometry, type TemplateGeometry } from './geometry';
import { incomeLayout, SOURCE_LABELS } from './incomeLayout';
import { LINE_HEADERS, TEMPLATE_SHEETS, type LineField } from './names';

type Row = (CellPlan | null)[];
const MIN_LABEL = sourceOf('nhsMinimum').label;
const COUNT = '#,##0.##';

/** The drop-down lists the lines' columns offer, written beside the lines since some are too long to write out. */
const LISTS: readonly (readonly [LineField, readonly string[]])[] = [
  ['schemeType', SCHEME_TYPES.map((t) => t.label)],
  ['subType', [...new Set(SCHEME_TYPES.flatMap((t) => t.subTypes ?? []))]],
  ['areaOfSpend', AREAS_OF_SPEND],
  ['commissioner', COMMISSIONERS],
  ['provider', PROVIDERS],
  ['source', SOURCE_LABELS],
  ['status', Object.values(STATUS_LABELS)],
];

/**
 * The Expenditure sheet, as the template lays it out: minimums (inputs), running balances per
 * source, the required figures, the template's checklist, then the lines (last, so they grow to the
 * sheet's end). Each line's total, % LA and out-of-hospital share are formulas, on the room to grow too.
 */
export function expenditureLayout(plan: Plan, g: TemplateGeometry = templateGeometry(plan)): SheetPlan {
  const lines = expenditureOf(plan);
  const c = g.lines.columns;
  const rows: Row[] = [
    [text(`${plan.board}: expenditure by scheme line (the BCF planning template's Expenditure tab)`, 'title')],
    [text(inputNote('the minimums per year and each line, in the blank rows under the last line too.'), 'note')],
    legendRow(),
    ...minimumRows(plan, g),
    [],
    ...balanceRows(plan, g),
    [],
    ...requiredRows(plan, g),
    [],
    ...checklistRows(plan, g),
    [],
    c.headers.map((h) => text(h, 'header')),
  ];
  const items = lines.map((l, i) => lineRow(l, g, g.lines.first + i + 1));
  const spare = (k: number) => lineRow(undefined, g, g.lines.first + lines.length + k + 1);
  rows.push(...blockBody(SHEET_SPECS.templateExpenditure, BLOCKS.templateLines, items, spare));
  const n = regionRows(SHEET_SPECS.templateExpenditure, BLOCKS.templateLines, lines.length);
  return {
    name: TEMPLATE_SHEETS.expenditure,
    rows: withLists(rows, g),
    tables: [{ name: BLOCKS.templateLines.id, row: g.lines.header, column: 0, columns: c.headers, rowCount: n }],
    validations: lineValidations(g, n),
    freeze: { rows: 0, columns: 2 },
    columnWidths: c.headers.map((h) => Math.min(Math.max(h.length, 12), 40)),
    tabColor: '00B050',
  };
}

/** A line's row (or a blank row of the room to grow) at sheet row `r` (1-based): inputs, then formulas that depend only on the row. */
function lineRow(line: ExpenditureLine | undefined, g: TemplateGeometry, r: number): Row {
  const c = g.lines.columns;
  const row: Row = c.headers.map(() => ({ style: 'input' }));
  const at = (f: LineField) => `${columnLetter(c.field(f))}${r}`;
  const put = (f: LineField, v: string) => (row[c.field(f)] = v ? text(v, 'input') : { style: 'input' });
  if (line) {
    put('id', line.id);
    put('name', line.name);
    put('description', line.description);
    put('schemeType', line.schemeType);
    put('subType', line.subType);
    put('schemeTypeOther', line.schemeTypeOther);
    put('unit', g.years.map((y) => line.outputs[y]?.unit).find((u) => u) ?? '');
    put('areaOfSpend', matchAreaOfSpend(line.areaOfSpend) ?? line.areaOfSpend);
    put('areaOfSpendOther', line.areaOfSpendOther);
    put('commissioner', line.commissioner);
    put('provider', line.provider);
    put('source', sourceOf(line.source).label);
    put('status', line.status ? STATUS_LABELS[line.status] : '');
    put('scheme', line.scheme ?? '');
    if (line.nhsPercent) row[c.field('nhsPercent')] = num(line.nhsPercent, '0.##', 'input');
  }
  g.years.forEach((y, i) => {
    const out = line?.outputs[y];
    const spend = line?.spend[y];
    row[c.output(i)] = out ? num(out.count, COUNT, 'input') : { style: 'input', format: COUNT };
    row[c.spend(i)] = spend ? num(spend, FORMAT.pence, 'input') : { style: 'input', format: FORMAT.pence };
  });
  if (!line || line.nhsPercent === undefined) row[c.field('nhsPercent')] = { style: 'input', format: '0.##' };
  const joint = line?.commissioner === 'Joint';
  row[c.field('laPercent')] = formula(
    `IF(${at('commissioner')}="Joint",100-${at('nhsPercent')},"")`,
    joint ? HUNDRED.minus(line.nhsPercent ?? ZERO) : '',
    '0.##',
  );
  const spends = `${columnLetter(c.spend(0))}${r}:${columnLetter(c.spend(g.years.length - 1))}${r}`;
  row[c.field('total')] = formula(
    g.years.length ? `SUM(${spends})` : '0',
    line ? lineTotal(line, g.years) : 0,
    FORMAT.pence,
  );
  const share = line ? oohShare(line) : ZERO;
  row[c.field('oohShare')] = formula(
    `IF(AND(${at('source')}="${MIN_LABEL}",${at('areaOfSpend')}<>"Social Care",${at('areaOfSpend')}<>"Acute"),` +
      `IF(${at('commissioner')}="NHS",1,IF(${at('commissioner')}="Joint",${at('nhsPercent')}/100,0)),0)`,
    share,
    FORMAT.percent,
  );
  g.years.forEach((y, i) => {
    const spend = `${columnLetter(c.spend(i))}${r}`;
    // Blank, not 0, where nothing counts: so a blank row of the room to grow reads as blank.
    row[c.ooh(i)] = formula(
      `IF(${at('oohShare')}=0,"",${spend}*${at('oohShare')})`,
      share.isZero() ? '' : (line?.spend[y] ?? ZERO).times(share),
      FORMAT.pence,
    );
  });
  return row;
}

/** A line's share that counts as NHS-commissioned out-of-hospital spend, as plannedRequiredSpend counts it. */
function oohShare(line: ExpenditureLine): ReturnType<typeof nhsShare> {
  const area = matchAreaOfSpend(line.areaOfSpend);
  if (line.source !== 'nhsMinimum' || area === 'Social Care' || area === 'Acute') return ZERO;
  return nhsShare(line);
}

/** Where list `k` is: a column right of the lines, its title on the first line's row and its items under it. */
function listColumn(g: TemplateGeometry, k: number): number {
  return g.lines.columns.headers.length + 1 + k;
}

function withLists(rows: Row[], g: TemplateGeometry): Row[] {
  LISTS.forEach(([field, items], k) => {
    const col = listColumn(g, k);
    [text(`List: ${LINE_HEADERS[field]}`, 'header'), ...items.map((i) => text(i))].forEach((cell, i) => {
      const r = g.lines.first + i;
      while (rows.length <= r) rows.push([]);
      const row = [...rows[r]];
      while (row.length < col) row.push(null);
      row[col] = cell;
      rows[r] = row;
    });
  });
  return rows;
}

function lineValidations(g: TemplateGeometry, n: number): ValidationPlan[] {
  const c = g.lines.columns;
  const first = g.lines.first;
  const range = (col: number) => `${cellAddress(first, col)}:${cellAddress(first + n - 1, col)}`;
  const lists = LISTS.map(([field, items], k) => {
    const col = listColumn(g, k);
    const cells = `${cellAddress(first + 1, col, true)}:${cellAddress(first + items.length, col, true)}`;
    return listValidation(range(c.field(field)), items, cells, `Choose a ${LINE_HEADERS[field]} from the list.`);
  });
  const money = g.years.map((_, i): ValidationPlan => ({
    range: range(c.spend(i)),
    kind: 'decimal',
    min: 0,
    message: 'Enter pounds, 0 or more.',
  }));
  const percent: ValidationPlan = {
    range: range(c.field('nhsPercent')),
    kind: 'decimal',
    min: 0,
    message: 'Enter the per cent the NHS commissions, 0 to 100.',
  };
  return [...lists, ...money, percent];
}

/** The two sheets of the template family, Income first as in the template. */
export function templateSheets(plan: Plan, g: TemplateGeometry): SheetPlan[] {
  return [incomeLayout(plan, g), expenditureLayout(plan, g)];
}
