import type Decimal from 'decimal.js';
import {
  incomeFrom,
  plannedRequiredSpend,
  REQUIRED_SPEND_LABELS,
  sourceBalances,
  totalIncome,
  totalSpend,
  lineTotal,
  expenditureOf,
} from '../../../domain/expenditure';
import { sum, ZERO } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { TEMPLATE_RULE_TITLES, templateRules } from '../../../domain/templateRules';
import { sourceOf } from '../../../domain/templateVocabulary';
import { columnLetter, sheetRef } from '../../a1';
import { formula, num, text } from '../../grid';
import { FAIL, PASS } from '../pool/names';
import { FORMAT, type CellPlan } from '../../sheetPlan';
import { REQUIRED_ROWS, type TemplateGeometry } from './geometry';
import {
  ALL_YEARS,
  BALANCE_HEADERS,
  CHECKLIST_HEADERS,
  CONTRIBUTION_LABEL,
  MINIMUM_FIELDS,
  MINIMUM_HEADERS,
  REQUIRED_HEADERS,
  TEMPLATE_SHEETS,
  TOTAL,
} from './names';
import { templateRuleCell } from './templateCells';

type Row = (CellPlan | null)[];
const MIN_LABEL = sourceOf('nhsMinimum').label;
const whole = (c: number) => `$${columnLetter(c)}:$${columnLetter(c)}`;
const income = (c: number) => sheetRef(TEMPLATE_SHEETS.income, whole(c));
const pounds = (f: string, v: Decimal) => formula(f, v, FORMAT.pence);

/** The minimums the plan must meet, a row per year: inputs. */
export function minimumRows(plan: Plan, g: TemplateGeometry): Row[] {
  return [
    MINIMUM_HEADERS.map((h) => text(h, 'header')),
    ...g.years.map((y): Row => {
      const m = plan.minimums?.[y];
      return [
        text(y),
        ...MINIMUM_FIELDS.map((f): CellPlan => {
          const v = m?.[f];
          return v ? num(v, FORMAT.pence, 'input') : { style: 'input', format: FORMAT.pence };
        }),
      ];
    }),
  ];
}

/**
 * Running balances per source and year: income from the Income sheet, expenditure as the SUMIFS of
 * the lines by source (the sub-totals by source), the balance between them, a total per year and
 * for all years. Whole columns, so a line or a source's income typed in the room to grow counts.
 */
export function balanceRows(plan: Plan, g: TemplateGeometry): Row[] {
  const c = g.lines.columns;
  const rows: Row[] = [BALANCE_HEADERS.map((h) => text(h, 'header'))];
  g.years.forEach((year, y) => {
    const first = g.balances.row(y, 0) + 1;
    for (const [s, b] of sourceBalances(plan, year).entries()) {
      const r = first + s;
      rows.push([
        text(sourceOf(b.source).label),
        text(year),
        pounds(`SUMIFS(${income(g.income.yearColumn(y))},${income(0)},$A${r})`, b.income),
        pounds(`SUMIFS(${whole(c.spend(y))},${whole(c.field('source'))},$A${r})`, b.expenditure),
        pounds(`C${r}-D${r}`, b.balance),
      ]);
    }
    const r = first + g.sources.length;
    const last = r - 1;
    const [inc, exp] = [totalIncome(plan, year), totalSpend(plan, year)];
    rows.push([
      text(TOTAL, 'total'),
      text(year, 'total'),
      pounds(g.sources.length ? `SUM(C${first}:C${last})` : '0', inc),
      pounds(g.sources.length ? `SUM(D${first}:D${last})` : '0', exp),
      pounds(`C${r}-D${r}`, inc.minus(exp)),
    ]);
  });
  const r = g.balances.allYears + 1;
  const inc = sum(g.years.map((y) => totalIncome(plan, y)));
  const exp = sum(expenditureOf(plan).map((l) => lineTotal(l, g.years)));
  rows.push([
    text(TOTAL, 'total'),
    text(ALL_YEARS, 'total'),
    pounds(`SUM(${income(g.income.total)})`, inc),
    pounds(`SUM(${whole(c.field('total'))})`, exp),
    pounds(`C${r}-D${r}`, inc.minus(exp)),
  ]);
  return rows;
}

/** The required figures from the minimum NHS contribution, per year: minimum, planned as plannedRequiredSpend counts it, under spend. */
export function requiredRows(plan: Plan, g: TemplateGeometry): Row[] {
  const c = g.lines.columns;
  const rows: Row[] = [REQUIRED_HEADERS.map((h) => text(h, 'header'))];
  g.years.forEach((year, y) => {
    const minRow = g.minimums.row(y) + 1;
    for (const kind of REQUIRED_ROWS) {
      const r = g.required.row(y, kind) + 1;
      const field = kind === 'contribution' ? 'nhsContribution' : kind;
      const minimum = plan.minimums?.[year]?.[field] ?? ZERO;
      const planned =
        kind === 'contribution' ? incomeFrom(plan, 'nhsMinimum', year) : plannedRequiredSpend(plan, kind, year);
      const plannedFormula =
        kind === 'contribution'
          ? `SUMIFS(${income(g.income.yearColumn(y))},${income(0)},"${MIN_LABEL}")`
          : kind === 'adultSocialCare'
            ? `SUMIFS(${whole(c.spend(y))},${whole(c.field('source'))},"${MIN_LABEL}",${whole(c.field('areaOfSpend'))},"Social Care")`
            : `SUM(${whole(c.ooh(y))})`;
      const minColumn = columnLetter(1 + MINIMUM_FIELDS.indexOf(field));
      rows.push([
        text(kind === 'contribution' ? CONTRIBUTION_LABEL : REQUIRED_SPEND_LABELS[kind]),
        text(year),
        pounds(`0+$${minColumn}$${minRow}`, minimum),
        pounds(plannedFormula, planned),
        pounds(`MAX(0,C${r}-D${r})`, ZERO.plus(minimum.minus(planned)).greaterThan(0) ? minimum.minus(planned) : ZERO),
      ]);
    }
  });
  return rows;
}

/**
 * The template's checklist: each rule, PASS or FAIL (a live formula over the balances and required
 * figures; the computed result for the rules about a line's text), and the cell it concerns.
 */
export function checklistRows(plan: Plan, g: TemplateGeometry): Row[] {
  const rows: Row[] = [CHECKLIST_HEADERS.map((h) => text(h, 'header'))];
  for (const rule of templateRules(plan)) {
    const s = rule.subject;
    const shown = rule.passed ? PASS : FAIL;
    const style = rule.passed ? 'computed' : 'warning';
    let status: CellPlan = text(shown, style);
    if (s.kind === 'source') {
      const r = g.balances.row(g.years.indexOf(s.year), g.sources.indexOf(s.source)) + 1;
      status = formula(`IF(ROUND(E${r},2)>=0,"${PASS}","${FAIL}")`, shown, FORMAT.text, style);
    } else if (s.kind === 'required' || s.kind === 'contribution') {
      const r = g.required.row(g.years.indexOf(s.year), s.kind === 'required' ? s.spend : 'contribution') + 1;
      status = formula(`IF(ROUND(D${r}-C${r},6)>=0,"${PASS}","${FAIL}")`, shown, FORMAT.text, style);
    }
    const at = templateRuleCell(plan, s);
    rows.push([
      text(TEMPLATE_RULE_TITLES[rule.rule]),
      status,
      text(rule.expected),
      text(rule.found),
      text(at ? sheetRef(at.sheet, at.cell) : ''),
      text(rule.message),
    ]);
  }
  return rows;
}

/** The template rules as rows of the plan's Checks sheet: the status follows the Expenditure sheet's checklist. */
export function templateCheckRows(plan: Plan, g: TemplateGeometry): Row[] {
  return templateRules(plan).map((rule, i) => [
    text(`${rule.rule}: ${TEMPLATE_RULE_TITLES[rule.rule]}`),
    formula(
      sheetRef(TEMPLATE_SHEETS.expenditure, `$B$${g.checklist.row(i) + 1}`),
      rule.passed ? PASS : FAIL,
      FORMAT.text,
      rule.passed ? 'computed' : 'warning',
    ),
    text(rule.expected),
    text(rule.found),
    text(rule.message),
  ]);
}
