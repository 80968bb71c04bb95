import { useState } from 'react';
import { newScheme, type PlanForm, type SchemeForm } from '../../planForm';
import type { PlanSession } from '../../session';

/** The Plan tab's state once a plan is in the pane: what needs correcting, the edits not in the workbook, and the tab's commands. */
export function usePlanTab(session: PlanSession) {
  const { generate, discardEdits, readWorkbook } = session;
  const busy = !!session.busy;
  return {
    reading: session.phase === 'reading' && !session.form,
    form: session.form,
    busy,
    errors: session.checked?.problems.filter((p) => p.severity === 'error').length ?? 0,
    changes: session.changes.length,
    canGenerate: !busy && !!session.checked?.plan,
    generate: () => generate(),
    discardEdits,
    readWorkbook,
  };
}

export type PlanTabState = ReturnType<typeof usePlanTab>;

/** The first letter a capital: the checks' messages read as sentences under a box. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Editing the pane's plan: unit costs and schemes, each change an edit to the session's form, and
 * what the form's check says of each box (as Fluent's Field wants it).
 */
export function usePlanEditor(session: PlanSession, form: PlanForm) {
  const [open, setOpen] = useState<string[]>([]);
  const { edit, checked } = session;
  const problem = (id: string) => checked?.byField.get(id);
  const update = (index: number, change: Partial<SchemeForm>) =>
    edit((f) => ({ ...f, schemes: f.schemes.map((s, k) => (k === index ? { ...s, ...change } : s)) }));
  return {
    form,
    open,
    setOpen,
    problem,
    fieldState: (id: string) => {
      const p = problem(id);
      return {
        validationState: p ? p.severity : ('none' as const),
        validationMessage: p ? sentence(p.message) : undefined,
      };
    },
    /** Errors in one scheme's boxes, for its header while it is closed. */
    schemeErrors: (index: number) =>
      [...(checked?.byField ?? new Map()).entries()].filter(
        ([id, p]) => id.startsWith(`schemes[${index}]`) && p.severity === 'error',
      ).length,
    setUnitCost: (i: number, value: string) =>
      edit((f) => ({ ...f, unitCosts: f.unitCosts.map((v, k) => (k === i ? value : v)) })),
    update,
    setYear: (index: number, year: string, change: { cost?: string; benefit?: [string, string] }) => {
      const scheme = form.schemes[index];
      const entry = scheme.years[year] ?? { cost: '', benefits: {} };
      update(index, {
        years: {
          ...scheme.years,
          [year]: {
            cost: change.cost ?? entry.cost,
            benefits: change.benefit ? { ...entry.benefits, [change.benefit[0]]: change.benefit[1] } : entry.benefits,
          },
        },
      });
    },
    add: () => {
      const scheme = newScheme(form);
      edit((f) => ({ ...f, schemes: [...f.schemes, scheme] }));
      setOpen((o) => [...o, scheme.key]);
    },
    remove: (index: number) => edit((f) => ({ ...f, schemes: f.schemes.filter((_, k) => k !== index) })),
  };
}

export type PlanEditorState = ReturnType<typeof usePlanEditor>;
