import { useState } from 'react';
import { financialYear } from '../../../domain/financialYear';
import { figuresInYear, nextYear, withYearAdded, withYearRemoved, yearToAddProblem } from '../../../domain/planYears';
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

/**
 * The Years section's state: the year typed to add (the next one until the person types), what is
 * wrong with it, and adding or removing a year as an edit to the pane's form; removing a year that
 * holds figures asks first.
 */
export function usePlanYears(session: PlanSession) {
  const { form, edit } = session;
  const [typed, setTyped] = useState<string | undefined>();
  const [removing, setRemoving] = useState<{ label: string; figures: string[] } | undefined>();
  const suggested = (form && nextYear(form.source)) ?? '';
  const text = typed ?? suggested;
  const problem = form && text.trim() ? yearToAddProblem(form.source, text) : undefined;
  const shownAs = !problem && text.trim() && financialYear(text).label !== text.trim() ? financialYear(text).label : '';
  const remove = (label: string) => {
    edit((f) => formWithYearRemoved(f, label));
    setRemoving(undefined);
  };
  return {
    years: form?.source.years.map((y) => y.label),
    suggested,
    text,
    type: setTyped,
    problem,
    shownAs,
    canAdd: !problem && !!text.trim(),
    add: () => {
      if (problem || !text.trim()) return;
      edit((f) => formWithYearAdded(f, text));
      setTyped(undefined);
    },
    removing,
    ask: (label: string) => {
      const figures = figuresToLose(session, label);
      if (figures.length) setRemoving({ label, figures });
      else remove(label);
    },
    remove,
    keep: () => setRemoving(undefined),
  };
}

export type PlanYearsState = ReturnType<typeof usePlanYears>;
