import type Decimal from 'decimal.js';
import { formatPounds, HUNDRED, roundPounds } from './money';
import type { Plan } from './plan';
import {
  expenditureOf,
  incomeFrom,
  type Minimums,
  plannedRequiredSpend,
  REQUIRED_SPEND_KINDS,
  REQUIRED_SPEND_LABELS,
  type RequiredSpendKind,
  sourceBalances,
} from './expenditure';
import { isDischargeType, sourceOf, type SourceId } from './templateVocabulary';

/**
 * The BCF planning template's own rules, worked out on the plan: what the template checks before a
 * board signs off. Each rule is met or not, with its figures; `subject` says which input it is about
 * (a source's year, a line's field, a required figure), so a layout, the audit of a template
 * someone filled in, and the pane can each turn it into the cell it concerns.
 */
export type TemplateRuleId =
  'source-overspent' | 'joint-percent' | 'minimum-spend' | 'minimum-contribution' | 'duplicate-id' | 'discharge-type';

export type TemplateSubject =
  | { readonly kind: 'source'; readonly source: SourceId; readonly year: string }
  | { readonly kind: 'line'; readonly index: number; readonly field: 'id' | 'nhsPercent' | 'schemeType' }
  | { readonly kind: 'required'; readonly spend: RequiredSpendKind; readonly year: string }
  | { readonly kind: 'contribution'; readonly year: string };

export interface TemplateRule {
  readonly rule: TemplateRuleId;
  readonly severity: 'error' | 'warning';
  readonly passed: boolean;
  readonly expected: string;
  readonly found: string;
  /** What is wrong and what to change, or what was met. */
  readonly message: string;
  readonly subject: TemplateSubject;
}

export const TEMPLATE_RULE_TITLES: Readonly<Record<TemplateRuleId, string>> = {
  'source-overspent': 'Spend from each source within its income',
  'joint-percent': '% NHS and % LA of a joint line add up to 100',
  'minimum-spend': 'Required spend from the minimum NHS contribution met',
  'minimum-contribution': 'Minimum NHS contribution met',
  'duplicate-id': 'One scheme to a Scheme ID',
  'discharge-type': 'Discharge funding on discharge-related scheme types',
};

/**
 * Whether a figure reaches the one it must, judged to the penny as the template shows money: a
 * shortfall of a fraction of a penny (binary noise in a cached figure) is no shortfall.
 */
function atLeast(have: Decimal, need: Decimal): boolean {
  return !roundPounds(need.minus(have), true).greaterThan(0);
}

/** Every rule of the template for the plan, met or not, in the order the template's checklist gives them. */
export function templateRules(plan: Plan): TemplateRule[] {
  return [...balanceRules(plan), ...contributionRules(plan), ...requiredSpendRules(plan), ...lineRules(plan)];
}

export function failedTemplateRules(plan: Plan): TemplateRule[] {
  return templateRules(plan).filter((r) => !r.passed);
}

function balanceRules(plan: Plan): TemplateRule[] {
  return plan.years.flatMap((y) =>
    sourceBalances(plan, y.label).map((b): TemplateRule => {
      const label = sourceOf(b.source).label;
      const passed = atLeast(b.income, b.expenditure);
      return {
        rule: 'source-overspent',
        severity: 'error',
        passed,
        expected: `at most ${formatPounds(b.income, true)}`,
        found: formatPounds(b.expenditure, true),
        message: passed
          ? `${y.label}: spend from ${label} (${formatPounds(b.expenditure, true)}) is within its income (${formatPounds(b.income, true)}).`
          : `${y.label}: the lines spend ${formatPounds(b.expenditure, true)} from ${label}, ${formatPounds(b.balance.negated(), true)} more than its income of ${formatPounds(b.income, true)}. Reduce those lines, move some to another source, or add the income.`,
        subject: { kind: 'source', source: b.source, year: y.label },
      };
    }),
  );
}

function minimumsOf(plan: Plan, year: string): Minimums | undefined {
  return plan.minimums?.[year];
}

function contributionRules(plan: Plan): TemplateRule[] {
  return plan.years.flatMap((y) => {
    const minimum = minimumsOf(plan, y.label)?.nhsContribution;
    if (!minimum) return [];
    const income = incomeFrom(plan, 'nhsMinimum', y.label);
    const passed = atLeast(income, minimum);
    return [
      {
        rule: 'minimum-contribution',
        severity: 'error',
        passed,
        expected: `at least ${formatPounds(minimum, true)}`,
        found: formatPounds(income, true),
        message: passed
          ? `${y.label}: the minimum NHS contribution of ${formatPounds(income, true)} meets the required ${formatPounds(minimum, true)}.`
          : `${y.label}: the minimum NHS contribution is ${formatPounds(income, true)}, ${formatPounds(minimum.minus(income), true)} short of the required ${formatPounds(minimum, true)}. Enter the full figure from the allocations.`,
        subject: { kind: 'contribution', year: y.label },
      },
    ];
  });
}

function requiredSpendRules(plan: Plan): TemplateRule[] {
  return plan.years.flatMap((y) =>
    REQUIRED_SPEND_KINDS.flatMap((kind): TemplateRule[] => {
      const minimum = minimumsOf(plan, y.label)?.[kind];
      if (!minimum) return [];
      const planned = plannedRequiredSpend(plan, kind, y.label);
      const passed = atLeast(planned, minimum);
      const label = REQUIRED_SPEND_LABELS[kind];
      // "Adult social care..." reads mid-sentence in lower case; "NHS-commissioned..." keeps its capitals.
      const what = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
      return [
        {
          rule: 'minimum-spend',
          severity: 'error',
          passed,
          expected: `at least ${formatPounds(minimum, true)}`,
          found: formatPounds(planned, true),
          message: passed
            ? `${y.label}: ${what} is ${formatPounds(planned, true)}, at least the required ${formatPounds(minimum, true)}.`
            : `${y.label}: ${what} is ${formatPounds(planned, true)}, ${formatPounds(minimum.minus(planned), true)} under the required ${formatPounds(minimum, true)}. Fund more of it from the Minimum NHS Contribution.`,
          subject: { kind: 'required', spend: kind, year: y.label },
        },
      ];
    }),
  );
}

function lineRules(plan: Plan): TemplateRule[] {
  const rules: TemplateRule[] = [];
  // A scheme funded from several sources, or of several scheme types, takes one line for each under
  // the same Scheme ID and name: only an ID another scheme (another name) already has is a clash.
  const seen = new Map<string, number>();
  const nameOf = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  const lines = expenditureOf(plan);
  lines.forEach((line, index) => {
    const name = line.id ? `Line ${line.id} (${line.name})` : `"${line.name}"`;
    if (line.id) {
      const key = line.id.trim().toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else if (nameOf(lines[first].name) !== nameOf(line.name))
        rules.push({
          rule: 'duplicate-id',
          severity: 'error',
          passed: false,
          expected: 'a scheme ID no other scheme has',
          found: line.id,
          message: `Scheme ID ${line.id} is already scheme "${lines[first].name}"'s (line ${first + 1}), and this line is "${line.name}". Give this scheme its own ID; if it is another line of "${lines[first].name}" (another source or scheme type), give it that name.`,
          subject: { kind: 'line', index, field: 'id' },
        });
    }
    if (line.commissioner === 'Joint') {
      const nhs = line.nhsPercent;
      const la = line.laPercent ?? (nhs ? HUNDRED.minus(nhs) : undefined);
      const passed = !!nhs && !!la && nhs.plus(la).equals(HUNDRED);
      if (!passed)
        rules.push({
          rule: 'joint-percent',
          severity: 'error',
          passed,
          expected: '% NHS + % LA = 100',
          found: nhs
            ? `${nhs.toString()} + ${la?.toString() ?? '(blank)'} = ${nhs.plus(la ?? 0).toString()}`
            : '% NHS blank',
          message: nhs
            ? `${name} is jointly commissioned: % NHS (${nhs.toString()}) and % LA (${la?.toString() ?? 'blank'}) add up to ${nhs.plus(la ?? 0).toString()}, not 100. Correct one of them.`
            : `${name} is jointly commissioned but its % NHS is blank: say what share the NHS commissions (0 to 100).`,
          subject: { kind: 'line', index, field: 'nhsPercent' },
        });
    }
    if (sourceOf(line.source).discharge && !isDischargeType(line.schemeType))
      rules.push({
        rule: 'discharge-type',
        severity: 'warning',
        passed: false,
        expected: 'a discharge-related scheme type',
        found: line.schemeType || '(blank)',
        message: `${name} is paid from ${sourceOf(line.source).label}, but its scheme type "${line.schemeType || '(blank)'}" is not one discharge funding is meant for. Check the source, or choose a discharge-related type.`,
        subject: { kind: 'line', index, field: 'schemeType' },
      });
  });
  return rules;
}
