import { financialYear } from '../../../domain/financialYear';
import { figuresInYear, withYearAdded, withYearRemoved } from '../../../domain/planYears';
import type { PlanForm } from '../../planForm';
import type { PlanSession } from '../../session';

/** The form with one more year: every scheme gets empty inputs for it, filled in like any other year. */
export function formWithYearAdded(form: PlanForm, typed: string): PlanForm {
  const label = financialYear(typed).label;
  const empty = { cost: '', benefits: Object.fromEntries(form.source.unitCosts.map((u) => [u.id, ''])) };
  return {
    ...form,
    source: withYearAdded(form.source, typed),
    schemes: form.schemes.map((s) => ({ ...s, years: { ...s.years, [label]: empty } })),
  };
}

/** The form without a year and what was typed for it. */
export function formWithYearRemoved(form: PlanForm, label: string): PlanForm {
  return {
    ...form,
    source: withYearRemoved(form.source, label),
    schemes: form.schemes.map((s) => ({
      ...s,
      years: Object.fromEntries(Object.entries(s.years).filter(([year]) => year !== label)),
    })),
  };
}

/** What removing a year would lose: from what is typed in the pane when it reads as a plan, else from what was read. */
export function figuresToLose(session: Pick<PlanSession, 'form' | 'checked'>, label: string): string[] {
  const plan = session.checked?.plan ?? session.form?.source;
  return plan ? figuresInYear(plan, label) : [];
}
