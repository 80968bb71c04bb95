import { yearSpan } from '../domain/financialYear';
import type { Plan } from '../domain/plan';

/**
 * The pane's subtitle: the plan's title, with its years only when the title doesn't already name
 * them (a new plan's title does, and "… plan 2025/26 · 2025/26" says it twice).
 */
export function planHeading(plan: Pick<Plan, 'title' | 'board' | 'years'>): string {
  const heading = plan.title || plan.board;
  const span = yearSpan(plan.years.map((y) => y.label));
  return !span || heading.includes(plan.years[0].label) ? heading : `${heading} · ${span}`;
}
