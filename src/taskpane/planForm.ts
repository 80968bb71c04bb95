import type Decimal from 'decimal.js';
import type { Plan, Scheme, SchemeYear } from '../domain/plan';
import { jsonLocator } from '../domain/jsonLocator';
import { checkPlan } from '../domain/planRules';
import type { Problem } from '../domain/problems';
import { amountProblem, parseAmount } from '../domain/amountText';
import { amountText } from './shownAmount';
import { templateFormFromPlan, templateFromForm, type TemplateForm } from './templateForm';

export { amountText } from './shownAmount';

/**
 * What the pane's inputs hold while a person types: text, exactly as typed, so "1,05" can be on
 * its way to "1,057,451" without being rejected or rewritten. `planFromForm` turns it into a Plan
 * and names every field that can't be used. Field ids are the plan-file paths the domain rules
 * already use (`schemes[2].years["2014/15"].cost`), so a rule's message lands under its input.
 */
export interface PlanForm {
  /** The plan the form was made from: what the pane does not edit (partners, years, targets) comes from it. */
  readonly source: Plan;
  readonly unitCosts: readonly string[]; // value of each of source.unitCosts, in order
  readonly schemes: readonly SchemeForm[];
  /** The planning template's income, lines and minimums (the Expenditure tab); without it, the source's stand. */
  readonly template?: TemplateForm;
}

export interface SchemeForm {
  /** A React key that survives edits to the ref. */
  readonly key: string;
  readonly ref: string;
  readonly name: string;
  readonly group: string;
  readonly tiers: string;
  readonly description: string;
  readonly inPool: boolean;
  readonly years: Readonly<Record<string, SchemeYearForm>>;
  readonly investments: Scheme['investments'];
}

export interface SchemeYearForm {
  readonly cost: string;
  readonly benefits: Readonly<Record<string, string>>; // by unit-cost id; '' means none expected
}

export type FieldId = string;

let nextKey = 1;
const newKey = () => `scheme-${nextKey++}`;

export function formFromPlan(plan: Plan): PlanForm {
  return {
    source: plan,
    unitCosts: plan.unitCosts.map((u) => amountText(u.value)),
    schemes: plan.schemes.map((s) => ({
      key: newKey(),
      ref: s.ref,
      name: s.name,
      group: s.group,
      tiers: s.tiers,
      description: s.description,
      inPool: s.inPool,
      investments: s.investments,
      years: Object.fromEntries(
        plan.years.map((y) => {
          const entry = s.years[y.label];
          return [
            y.label,
            {
              cost: amountText(entry?.cost),
              benefits: Object.fromEntries(plan.unitCosts.map((u) => [u.id, amountText(entry?.benefits[u.id])])),
            },
          ];
        }),
      ),
    })),
    template: templateFormFromPlan(plan),
  };
}

export const fieldId = {
  unitCost: (index: number) => `unitCosts[${index}].value`,
  schemeRef: (index: number) => `schemes[${index}].ref`,
  schemeName: (index: number) => `schemes[${index}].name`,
  schemeDescription: (index: number) => `schemes[${index}].description`,
  cost: (index: number, year: string) => `schemes[${index}].years["${year}"].cost`,
  benefit: (index: number, year: string, id: string) => `schemes[${index}].years["${year}"].benefits.${id}`,
};

export interface FormResult {
  /** The plan, when no field has an error. */
  readonly plan?: Plan;
  readonly problems: readonly Problem[];
  /** The first error or warning for each field. */
  readonly byField: ReadonlyMap<FieldId, Problem>;
}

/** The plan the form describes, checked by the same rules as a plan file or a workbook. */
export function planFromForm(form: PlanForm): FormResult {
  const problems: Problem[] = [];
  const amount = (text: string, field: FieldId, what: string): Decimal | undefined => {
    const value = parseAmount(text.trim() === '' ? null : text);
    if (value === undefined)
      problems.push({
        severity: 'error',
        where: { path: field },
        message: `${what} must be an amount such as 1,057,451; ${amountProblem(text)}`,
      });
    return value;
  };
  const source = form.source;
  const unitCosts = source.unitCosts.map((u, i) => ({
    ...u,
    value: amount(form.unitCosts[i] ?? '', fieldId.unitCost(i), `The unit cost ${u.id}`) ?? u.value,
  }));
  const schemes: Scheme[] = form.schemes.map((s, index) => {
    const years: Record<string, SchemeYear> = {};
    for (const y of source.years) {
      const entry = s.years[y.label] ?? { cost: '', benefits: {} };
      const benefits: Record<string, Decimal> = {};
      for (const u of source.unitCosts) {
        const text = entry.benefits[u.id] ?? '';
        if (text.trim() === '') continue;
        const count = amount(
          text,
          fieldId.benefit(index, y.label, u.id),
          `The ${y.label} ${u.shortLabel || u.id} reduction for scheme ${s.ref || index + 1}`,
        );
        if (count) benefits[u.id] = count;
      }
      const cost = amount(
        entry.cost,
        fieldId.cost(index, y.label),
        `The ${y.label} cost of scheme ${s.ref || index + 1}`,
      );
      years[y.label] = { cost: cost ?? parseAmount(null)!, benefits };
    }
    return {
      ref: s.ref.trim(),
      name: s.name.trim(),
      group: s.group,
      tiers: s.tiers,
      description: s.description,
      inPool: s.inPool,
      years,
      investments: s.investments,
    };
  });
  const template = form.template ? templateFromForm(form.template, source) : undefined;
  if (template) problems.push(...template.problems);
  const plan: Plan = { ...source, ...template?.values, unitCosts, schemes };
  problems.push(...checkPlan(plan, jsonLocator));
  const byField = new Map<FieldId, Problem>();
  for (const p of problems) {
    const id = 'path' in p.where ? p.where.path : '';
    const already = byField.get(id);
    if (!already || (already.severity === 'warning' && p.severity === 'error')) byField.set(id, p);
  }
  return { plan: problems.some((p) => p.severity === 'error') ? undefined : plan, problems, byField };
}

/** A new scheme row: the next free reference after the last scheme's number, no costs yet. */
export function newScheme(form: PlanForm): SchemeForm {
  const refs = new Set(form.schemes.map((s) => s.ref.toLowerCase()));
  const numbers = form.schemes.map((s) => Number(/^\d+/.exec(s.ref)?.[0] ?? 0));
  const number = Math.max(0, ...numbers) + 1;
  let ref = `${number}a`;
  for (let c = 0; refs.has(ref) && c < 26; c++) ref = `${number}${String.fromCharCode(97 + c)}`;
  return {
    key: newKey(),
    ref,
    name: '',
    group: 'New schemes',
    tiers: '',
    description: '',
    inPool: true,
    investments: [],
    years: Object.fromEntries(
      form.source.years.map((y) => [
        y.label,
        { cost: '', benefits: Object.fromEntries(form.source.unitCosts.map((u) => [u.id, ''])) },
      ]),
    ),
  };
}
