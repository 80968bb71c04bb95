import type { Plan } from '../../../domain/plan';
import type { TemplateSubject } from '../../../domain/templateRules';

/**
 * Placeholder so the pane compiles: the Income/Expenditure sheets' helper writes the real module
 * (where each template rule's subject sits on those sheets); the lead takes that version at merge.
 */
export function templateRuleCell(plan: Plan, subject: TemplateSubject): { sheet: string; cell: string } | undefined {
  void plan;
  void subject;
  return undefined;
}
