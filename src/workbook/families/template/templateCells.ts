import { hasTemplate, incomeOf } from '../../../domain/expenditure';
import type { Plan } from '../../../domain/plan';
import type { TemplateSubject } from '../../../domain/templateRules';
import { cellAddress } from '../../a1';
import { BALANCE_COLUMNS, REQUIRED_COLUMNS, templateGeometry } from './geometry';
import { TEMPLATE_SHEETS } from './names';

/**
 * The cell of the add-in's Income or Expenditure sheet a template rule is about: a source's running
 * balance, a line's cell, a required figure's planned amount, or the minimum NHS contribution's
 * income. The pane's checklist selects it; undefined when the plan has no such sheet or cell.
 */
export function templateRuleCell(plan: Plan, subject: TemplateSubject): { sheet: string; cell: string } | undefined {
  if (!hasTemplate(plan)) return undefined;
  const g = templateGeometry(plan);
  const expenditure = (row: number, column: number) => ({
    sheet: TEMPLATE_SHEETS.expenditure,
    cell: cellAddress(row, column),
  });
  if (subject.kind === 'line') {
    if (subject.index < 0 || subject.index >= (plan.expenditure?.length ?? 0)) return undefined;
    return expenditure(g.lines.first + subject.index, g.lines.columns.field(subject.field));
  }
  const y = g.years.indexOf(subject.year);
  if (y < 0) return undefined;
  if (subject.kind === 'source') {
    const s = g.sources.indexOf(subject.source);
    return s < 0 ? undefined : expenditure(g.balances.row(y, s), BALANCE_COLUMNS.balance);
  }
  if (subject.kind === 'required') return expenditure(g.required.row(y, subject.spend), REQUIRED_COLUMNS.planned);
  // The minimum NHS contribution is typed on the Income sheet: point at its first line's year.
  const line = incomeOf(plan).findIndex((i) => i.source === 'nhsMinimum');
  if (line < 0) return expenditure(g.required.row(y, 'contribution'), REQUIRED_COLUMNS.planned);
  return { sheet: TEMPLATE_SHEETS.income, cell: cellAddress(g.income.first + line, g.income.yearColumn(y)) };
}
