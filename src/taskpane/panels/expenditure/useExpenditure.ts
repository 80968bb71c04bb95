import { useCallback, useMemo, useState } from 'react';
import { sourceBalances, type SourceBalance } from '../../../domain/expenditure';
import type { Plan } from '../../../domain/plan';
import { templateRules, type TemplateRule } from '../../../domain/templateRules';
import type { SourceId } from '../../../domain/templateVocabulary';
import { templateRuleCell } from '../../../workbook/families/template/templateCells';
import {
  draftFromLine,
  lineFromDraft,
  newDraft,
  type CheckedDraft,
  type DraftField,
  type LineDraft,
} from '../../lineDraft';
import type { PlanForm } from '../../planForm';
import type { PlanSession } from '../../session';
import {
  newIncomeKey,
  templateFieldId,
  templateFormFromPlan,
  templatePlan,
  type MinimumKind,
  type TemplateForm,
} from '../../templateForm';

/** The line being edited: its place in the plan's lines ('new' for one being added) and its text. */
export interface Editing {
  readonly index: number | 'new';
  readonly draft: LineDraft;
  /** Save was pressed: blank required fields are said too. */
  readonly tried: boolean;
  readonly checked: CheckedDraft;
}

/** The template part of the form, made from the plan when the form predates it. */
function templateOf(form: PlanForm): TemplateForm {
  return form.template ?? templateFormFromPlan(form.source);
}

/**
 * The Expenditure tab's state and commands: everything it edits goes into the session's plan
 * (`session.edit`), so the Tables tab's Generate, or "Save to workbook" here, writes it; figures and
 * rules are worked out by the domain on what the pane holds, never recomputed here.
 */
export function useExpenditure(session: PlanSession) {
  const form = session.form;
  const years = useMemo(() => form?.source.years.map((y) => y.label) ?? [], [form?.source.years]);
  const [chosenYear, setChosenYear] = useState<string>();
  const year = chosenYear && years.includes(chosenYear) ? chosenYear : years[0];
  const template = form ? templateOf(form) : undefined;
  // Balances and rules on every figure that reads, even while another field is wrong.
  const plan: Plan | undefined = useMemo(
    () => (form && template ? templatePlan(form.source, template) : undefined),
    [form, template],
  );
  const editTemplate = useCallback(
    (update: (t: TemplateForm) => TemplateForm) => session.edit((f) => ({ ...f, template: update(templateOf(f)) })),
    [session],
  );
  const lines = useLines(years, template, editTemplate);
  const figures = useFigures(session, editTemplate);
  const balances: SourceBalance[] = plan && year ? sourceBalances(plan, year) : [];
  const rules: TemplateRule[] = plan ? templateRules(plan) : [];
  const ruleCell = (rule: TemplateRule) => (plan ? templateRuleCell(plan, rule.subject) : undefined);
  const selectRule = (rule: TemplateRule) => {
    const cell = ruleCell(rule);
    if (cell && session.canSelect) session.selectCell(cell.sheet, cell.cell);
  };
  return {
    ready: !!form,
    years,
    year,
    chooseYear: setChosenYear,
    template,
    plan,
    ...lines,
    ...figures,
    balances,
    rules,
    ruleCell,
    selectRule,
    canSelect: session.canSelect,
    busy: !!session.busy,
    unsaved: session.changes.length,
    /** Writes the pane's plan now, as Generate does (the same merge with what the workbook holds). */
    save: () => session.generate(),
  };
}

export type ExpenditureState = ReturnType<typeof useExpenditure>;

/** Adding, editing and removing expenditure lines: a line reaches the plan only when it has no errors. */
function useLines(
  years: readonly string[],
  template: TemplateForm | undefined,
  editTemplate: (update: (t: TemplateForm) => TemplateForm) => void,
) {
  const [editing, setEditing] = useState<Editing>();
  const [removing, setRemoving] = useState<number>();
  const open = (index: number | 'new', draft: LineDraft) =>
    setEditing({ index, draft, tried: false, checked: lineFromDraft(draft, years) });
  const addLine = () => template && open('new', newDraft(template.expenditure, years));
  const editLine = (index: number) => {
    const line = template?.expenditure[index];
    if (line) open(index, draftFromLine(line, years));
  };
  const changeDraft = (patch: Partial<LineDraft>) =>
    setEditing((e) => {
      if (!e) return e;
      const draft = { ...e.draft, ...patch };
      return { ...e, draft, checked: lineFromDraft(draft, years) };
    });
  /** True when the line was saved into the plan; otherwise every error is now shown. */
  const saveLine = (): boolean => {
    if (!editing) return false;
    const line = editing.checked.line;
    if (!line) {
      setEditing({ ...editing, tried: true });
      return false;
    }
    const at = editing.index;
    editTemplate((t) => ({
      ...t,
      expenditure: at === 'new' ? [...t.expenditure, line] : t.expenditure.map((l, i) => (i === at ? line : l)),
    }));
    setEditing(undefined);
    return true;
  };
  const removeLine = (index: number) => {
    editTemplate((t) => ({ ...t, expenditure: t.expenditure.filter((_, i) => i !== index) }));
    setRemoving(undefined);
  };
  /** The errors the editor shows now: what is wrong with what was typed, and blanks once Save was pressed. */
  const shownErrors: Partial<Record<DraftField, string>> = editing
    ? Object.fromEntries(
        Object.entries(editing.checked.errors).filter(
          ([field]) => editing.tried || !editing.checked.blank.has(field as DraftField),
        ),
      )
    : {};
  return {
    editing,
    shownErrors,
    addLine,
    editLine,
    changeDraft,
    saveLine,
    cancelEdit: () => setEditing(undefined),
    removing,
    askRemove: setRemoving,
    removeLine,
  };
}

/** Income per source per year and the year's minimums, as typed; errors come from the session's check. */
function useFigures(session: PlanSession, editTemplate: (update: (t: TemplateForm) => TemplateForm) => void) {
  const error = (path: string) => {
    const p = session.checked?.byField.get(path);
    return p?.severity === 'error' ? p.message : undefined;
  };
  return {
    setIncome: (index: number, year: string, text: string) =>
      editTemplate((t) => ({
        ...t,
        income: t.income.map((l, i) => (i === index ? { ...l, amounts: { ...l.amounts, [year]: text } } : l)),
      })),
    addIncome: (source: SourceId) =>
      editTemplate((t) => ({ ...t, income: [...t.income, { key: newIncomeKey(), source, detail: '', amounts: {} }] })),
    removeIncome: (index: number) => editTemplate((t) => ({ ...t, income: t.income.filter((_, i) => i !== index) })),
    setMinimum: (year: string, kind: MinimumKind, text: string) =>
      editTemplate((t) => {
        const entry = t.minimums[year] ?? { nhsContribution: '', adultSocialCare: '', outOfHospital: '' };
        return { ...t, minimums: { ...t.minimums, [year]: { ...entry, [kind]: text } } };
      }),
    incomeError: (index: number, year: string) => error(templateFieldId.income(index, year)),
    minimumError: (year: string, kind: MinimumKind) => error(templateFieldId.minimum(year, kind)),
  };
}
