import type Decimal from 'decimal.js';
import { problemFinding, type Finding, type FindingRule } from '../../domain/audit/finding';
import { incomeFrom, plannedRequiredSpend, spendFrom } from '../../domain/expenditure';
import { Money, sum } from '../../domain/money';
import type { Plan } from '../../domain/plan';
import { sourceOf } from '../../domain/templateVocabulary';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import type { LocatedTemplate } from './locateTemplate';
import type { LineTable } from './lineTable';
import type { BalanceCell, RequiredCell } from './summaryBlocks';
import { agrees, cellSums, figureValue, shown } from './templateFigures';
import type { StatedFigure } from './cellReading';
import { importTemplate } from './templateImport';
import { templateRuleFindings } from './templateRuleFindings';

/**
 * The audit of a filled-in BCF planning template: every figure it states (sub-totals, the Total
 * row, each line's total across years, the Running Balances, the planned spend against the
 * required) against what its lines and income give, and the template's own rules
 * (templateRules.ts), each finding at the cell to change.
 */
export interface TemplateAudit {
  readonly findings: readonly Finding[];
  /** The sheets the template takes, which no other audit should report on again. */
  readonly sheets: readonly string[];
}

/** The template's findings, or undefined when the workbook holds no template. */
export function auditTemplate(snapshot: WorkbookSnapshot): TemplateAudit | undefined {
  const imported = importTemplate(snapshot);
  if (!imported) return undefined;
  const { template, plan } = imported;
  const sheet = findSheet(snapshot, template.lines.sheet)!;
  const findings = [
    ...unreadable(template),
    ...readingProblems(template),
    ...lineTotals(sheet, template.lines, template.years),
    ...rowTotals(sheet, template.lines),
    ...incomeTotals(snapshot, template),
    ...balanceFindings(template, plan),
    ...requiredFindings(template, plan),
    ...templateRuleFindings(template, plan),
  ];
  return { findings: dedupe(findings), sheets: template.sheets };
}

function finding(figure: StatedFigure, rule: FindingRule, expected: Decimal | undefined, message: string): Finding {
  return {
    sheet: figure.sheet,
    cell: figure.cell,
    rule,
    expected: shown(expected),
    found: shown(figureValue(figure)),
    message,
  };
}

function unreadable(t: LocatedTemplate): Finding[] {
  return [
    ...t.lines.unreadable.map((u) => ({ ...u, sheet: t.lines.sheet })),
    ...(t.income?.unreadable ?? []).map((u) => ({ ...u, sheet: t.income!.sheet })),
  ].map((u) => ({
    sheet: u.sheet,
    cell: u.cell,
    rule: 'unreadable-input' as const,
    expected: 'an amount',
    found: u.text,
    message: `The ${u.what} holds the text "${u.text}", which is not an amount, so it is counted as nothing: type the figure alone, e.g. 125000.`,
  }));
}

/**
 * What else reading the template met (a source or commissioner not in the template's lists, money
 * no source names, a year nothing says): the figures above are worked out around it, so it is said
 * at its own cell, not left to show only as the balances it throws out.
 */
function readingProblems(t: LocatedTemplate): Finding[] {
  const said = new Set(unreadable(t).map((f) => `${f.sheet}!${f.cell}`));
  return t.problems
    .filter((p) => !('sheet' in p.where && said.has(`${p.where.sheet}!${p.where.cell}`)))
    .map((p) => problemFinding(p, p.severity === 'error' ? 'unreadable-input' : 'plan-warning'));
}

/** Sub-totals and the Total row, column by column, against the lines they total. */
function lineTotals(sheet: SheetSnapshot, table: LineTable, years: readonly string[]): Finding[] {
  const spendColumns = table.header.columns.filter((c) => c.field === 'spend');
  return table.totals.flatMap((t) =>
    t.figures.flatMap(({ column, figure }) => {
      const rows = t.lines.map((i) => table.lines[i].row);
      const expected = cellSums(
        sheet,
        rows.map((r) => [r, column.index] as const),
      );
      if (column.field === 'total')
        expected.push(
          ...cellSums(
            sheet,
            rows.flatMap((r) => spendColumns.map((c) => [r, c.index] as const)),
          ),
        );
      if (agrees(figure, expected)) return [];
      const what = column.field === 'total' ? 'total across years' : `${column.year ?? years[0] ?? ''} expenditure`;
      const rule = t.kind === 'subtotal' ? 'subtotal' : 'column-total';
      return [
        finding(
          figure,
          rule,
          expected[0],
          `${t.kind === 'subtotal' ? `The sub-total "${t.label}"` : 'The Total row'} states ${shown(figureValue(figure))} for the ${what}, but its ${rows.length} line${rows.length === 1 ? '' : 's'} add up to ${shown(expected[0])}. Correct the figure, or make it a SUM of the lines.`,
        ),
      ];
    }),
  );
}

/** Each line's total across years against its years' expenditure. */
function rowTotals(sheet: SheetSnapshot, table: LineTable): Finding[] {
  const spendColumns = table.header.columns.filter((c) => c.field === 'spend');
  return table.rowTotals.flatMap(({ line, figure }) => {
    const row = table.lines[line].row;
    const expected = cellSums(
      sheet,
      spendColumns.map((c) => [row, c.index] as const),
    );
    if (agrees(figure, expected)) return [];
    return [
      finding(
        figure,
        'row-total',
        expected[0],
        `Line "${table.lines[line].line.name}" states a total of ${shown(figureValue(figure))} across the years, but its years add up to ${shown(expected[0])}. Correct the total, or make it a SUM of the line's years.`,
      ),
    ];
  });
}

/** The Income tab's "Total DFG" and "Total" rows against the income rows they add up. */
function incomeTotals(snapshot: WorkbookSnapshot, t: LocatedTemplate): Finding[] {
  const income = t.income;
  const sheet = income && findSheet(snapshot, income.sheet);
  if (!income || !sheet) return [];
  return income.totals.flatMap((total) =>
    total.figures.flatMap((figure) => {
      const sums = (rows: readonly number[]) =>
        cellSums(
          sheet,
          rows.map((r) => [r, figure.column] as const),
        );
      const expected = sums(total.rows);
      if (agrees(figure, [...expected, ...sums(total.orRows)])) return [];
      const what = total.kind === 'total' ? `The total "${total.label}"` : `The sub-total "${total.label}"`;
      return [
        finding(
          figure,
          total.kind === 'total' ? 'column-total' : 'subtotal',
          expected[0],
          `${what} states ${shown(figureValue(figure))}, but the ${total.rows.length} income row${total.rows.length === 1 ? '' : 's'} it totals add up to ${shown(expected[0])}. Correct the figure, or make it a SUM of the rows.`,
        ),
      ];
    }),
  );
}

const unitsOf = (value: Decimal, scale: number) => value.dividedBy(scale);

/**
 * The Running Balances against the Income tab and the lines; each Balance against its Income −
 * Expenditure (as stated, or as they should be); the Total row against its column, stated or true.
 */
function balanceFindings(t: LocatedTemplate, plan: Plan): Finding[] {
  return t.blocks.balances.flatMap((b): Finding[] => {
    const expected = expectedBalance(t, plan, b);
    if (!expected || agrees(b.figure, expected.values)) return [];
    const rule = b.source ? 'running-balance' : 'column-total';
    return [finding(b.figure, rule, expected.values[0], expected.message)];
  });
}

/** What a running balance should be, from the plan: a source's income, its spend, or income less spend. */
function trueBalance(t: LocatedTemplate, plan: Plan, b: BalanceCell): Decimal | undefined {
  if (!b.source) return undefined;
  const income = t.income ? incomeFrom(plan, b.source, b.year) : undefined;
  const spend = spendFrom(plan, b.source, b.year);
  const value = b.kind === 'income' ? income : b.kind === 'expenditure' ? spend : income?.minus(spend);
  return value && unitsOf(value, b.scale);
}

function expectedBalance(
  t: LocatedTemplate,
  plan: Plan,
  b: BalanceCell,
): { values: Decimal[]; message: string } | undefined {
  const cells = t.blocks.balances;
  const label = b.source ? sourceOf(b.source).label : 'all sources';
  const statedValue = (kind: BalanceCell['kind']) => {
    const c = cells.find((x) => x.source === b.source && x.year === b.year && x.kind === kind);
    return c && figureValue(c.figure);
  };
  if (!b.source) {
    const column = cells.filter((c) => c.source && c.year === b.year && c.kind === b.kind);
    const stated = sum(column.map((c) => figureValue(c.figure) ?? new Money(0)));
    const truly = column.map((c) => trueBalance(t, plan, c));
    const values = truly.every(Boolean) ? [stated, sum(truly as Decimal[])] : [stated];
    return {
      values,
      message: `${b.year}: the Total row's ${b.kind} should be the sum of the sources above it (${shown(stated)}).`,
    };
  }
  const truly = trueBalance(t, plan, b);
  if (b.kind === 'balance') {
    const [i, e] = [statedValue('income'), statedValue('expenditure')];
    if (!i || !e)
      return truly && { values: [truly], message: `${b.year}: the balance of ${label} should be ${shown(truly)}.` };
    return {
      values: truly ? [i.minus(e), truly] : [i.minus(e)],
      message: `${b.year}: the balance of ${label} should be its income less its expenditure (${shown(i)} − ${shown(e)} = ${shown(i.minus(e))}). Correct it, or make it a formula.`,
    };
  }
  if (!truly) return undefined;
  const from =
    b.kind === 'income' ? `the income tab ('${t.income?.sheet ?? ''}') gives` : 'the lines funded from it add up to';
  return {
    values: [truly],
    message: `${b.year}: the running balance shows ${b.kind} of ${shown(figureValue(b.figure))} from ${label}, but ${from} ${shown(truly)}. Make the two agree.`,
  };
}

/** Planned spend against what the lines give; the under spend against the minimum less the planned. */
function requiredFindings(t: LocatedTemplate, plan: Plan): Finding[] {
  return t.blocks.required.flatMap((r): Finding[] => {
    if (r.kind === 'minimum') return [];
    if (r.kind === 'planned') {
      const value = unitsOf(plannedRequiredSpend(plan, r.spend, r.year), r.scale);
      if (agrees(r.figure, [value])) return [];
      return [
        finding(
          r.figure,
          'required-spend',
          value,
          `${r.year}: the planned spend shown is ${shown(figureValue(r.figure))}, but the lines funded from the minimum NHS contribution give ${shown(value)}. Correct the figure, or make it a formula over the lines.`,
        ),
      ];
    }
    return underSpend(t.blocks.required, r);
  });
}

function underSpend(cells: readonly RequiredCell[], r: RequiredCell): Finding[] {
  const of = (kind: RequiredCell['kind']) =>
    cells.find((c) => c.spend === r.spend && c.year === r.year && c.kind === kind);
  const [minimum, planned] = [of('minimum'), of('planned')];
  const [m, p] = [minimum && figureValue(minimum.figure), planned && figureValue(planned.figure)];
  if (!m || !p) return [];
  const gap = m.minus(p);
  const allowed = [gap, gap.negated(), gap.isNegative() ? new Money(0) : gap];
  if (agrees(r.figure, allowed)) return [];
  return [
    finding(
      r.figure,
      'required-spend',
      gap.isNegative() ? new Money(0) : gap,
      `${r.year}: the under spend should be the minimum required less the planned spend (${shown(m)} − ${shown(p)}). Correct it, or make it a formula.`,
    ),
  ];
}

/** One finding a cell and rule. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.sheet}!${f.cell}!${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
