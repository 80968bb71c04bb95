import { z } from 'zod';
import { dayFromIso, type IcbRule, type JointFunding, type JointPackage, type Split, type Task } from './jointFunding';
import { checkJointFunding, type PackageField, type PackageIssue } from './jointFundingChecks';
import { BASIS_JSON, type RegisterProblem } from './jointFundingJson';
import { isFinancialYearLabel } from './financialYear';
import { Money } from './money';
import { count, fields, list, money, optional, percent, text } from './planFields';
import { issueMessage } from './planIssues';

/**
 * The "jointFunding" section of a plan file (or a packages.json file holding only that section), as
 * a zod schema. Packages are read one at a time, so one bad package is reported with its path and
 * the others still count; `jointFundingSchema` is the whole section, for composing into the plan's
 * schema. Split methods are written as people write them: "50:50", "Fixed", "Panel", "Time to task".
 */

const date = z
  .string()
  .transform((value, ctx) => {
    const day = dayFromIso(value);
    if (day === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a date written YYYY-MM-DD, found ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return day;
  })
  .meta({
    description: 'A date written YYYY-MM-DD, e.g. "2024-04-18".',
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  });

const year = z.string().refine(isFinancialYearLabel, { message: 'expected a financial year such as 2023/24' });

const basis = z
  .enum(Object.keys(BASIS_JSON) as [string, ...string[]])
  .transform((b) => BASIS_JSON[b])
  .describe('"s117" (Mental Health Act aftercare), "Care Act" (health needs, not eligible for CHC) or "Other".');

const task = fields({
  task: text.describe('What the task is, e.g. "Medication administration".'),
  minutes: count.describe('Minutes a week, a whole number.'),
  kind: z.enum(['health', 'social care']).describe('"health" for a health-related task, "social care" otherwise.'),
}).transform((t): Task => ({ task: t.task, minutes: t.minutes, health: t.kind === 'health' }));

const icbPercent = percent.describe(
  "The ICB's share in per cent (the council pays the rest), to any decimal places: 40 for 40%, 33.333 for 33.333%.",
);

const split = z
  .discriminatedUnion('method', [
    fields({ method: z.literal('50:50') }),
    fields({ method: z.literal('Fixed'), icbPercent }),
    fields({
      method: z.literal('Panel'),
      icbPercent,
      decided: optional(date).describe('The date the joint funding panel agreed the share; left out, a warning.'),
    }),
    fields({ method: z.literal('Time to task'), tasks: list(task).min(1) }),
  ])
  .transform((s): Split => {
    switch (s.method) {
      case '50:50':
        return { method: 'equal' };
      case 'Fixed':
        return { method: 'fixed', icbPercent: s.icbPercent };
      case 'Panel':
        return { method: 'panel', icbPercent: s.icbPercent, decided: s.decided ?? null };
      case 'Time to task':
        return { method: 'timeToTask', tasks: s.tasks };
    }
  })
  .describe(
    'The package\'s own split, overriding its ICB\'s default rule: {"method": "50:50"}, {"method": "Fixed", "icbPercent": 40}, {"method": "Panel", "icbPercent": 35, "decided": "2023-02-10"} or {"method": "Time to task", "tasks": [...]}.',
  );

export const jointPackageSchema = fields({
  // Their length is checked with the rest of the package (checkPackage), the same rule as an import's.
  ref: z.string().describe('The package reference, unique in the register.'),
  person: z.string().describe('A pseudonymous person reference from the case-management system, never a name.'),
  basis,
  icb: text.min(1).describe('The ICB (formerly CCG) sharing the cost.'),
  start: date.describe('The first day of the package.'),
  end: optional(date).describe('The last day of the package; left out while it is ongoing.'),
  weeklyCost: money.describe('The weekly cost of the package in pounds.'),
  split: optional(split),
}).transform((p): JointPackage => ({
  ref: p.ref,
  person: p.person,
  basis: p.basis,
  icb: p.icb,
  start: p.start,
  end: p.end ?? null,
  weeklyCost: p.weeklyCost,
  split: p.split ?? { method: 'default' },
}));

export const icbRuleSchema = z
  .discriminatedUnion('split', [
    fields({ icb: text.min(1), split: z.literal('50:50') }),
    fields({ icb: text.min(1), split: z.literal('Fixed'), icbPercent }),
  ])
  .transform((r): IcbRule =>
    r.split === '50:50'
      ? { icb: r.icb, method: 'equal', icbPercent: new Money(50) }
      : { icb: r.icb, method: 'fixed', icbPercent: r.icbPercent },
  )
  .describe(
    'The partnership\'s default split with one ICB: {"icb": "...", "split": "50:50"} or {"icb": "...", "split": "Fixed", "icbPercent": 40}.',
  );

const settings = {
  asAt: optional(date).describe('The date people and weekly figures are counted on; today if left out.'),
  year: optional(year).describe(
    'The financial year of the annual cost, e.g. "2023/24"; the year holding the as-at date if left out.',
  ),
  rules: optional(list(icbRuleSchema)).describe('Default rules, one per ICB.'),
};

/**
 * The whole section, strictly, for the plan's schema (src/domain/planSchema.ts): a package with a
 * problem (an end before its start, a share over 100%, no split and no rule) is an error at its path.
 */
export const jointFundingSchema = fields({
  ...settings,
  packages: list(jointPackageSchema, 100_000).describe('The jointly funded packages.'),
})
  .transform((j): JointFunding => ({
    ...(j.asAt !== undefined ? { asAt: j.asAt } : {}),
    ...(j.year ? { year: j.year } : {}),
    rules: j.rules ?? [],
    packages: j.packages,
  }))
  .superRefine((jf, ctx) => {
    for (const issue of checkJointFunding(jf).issues.filter((i) => i.severity !== 'warning')) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: [issue.kind === 'package' ? 'packages' : 'rules', issue.index, ...JSON_FIELDS[issue.field].split('.')],
      });
    }
  })
  .describe(
    'Jointly funded care packages (s117 aftercare, Care Act with health needs) and how each is split between the council and the ICB; see examples/joint-funding.json.',
  );

/**
 * Reads the section leniently: the settings and rules must be right (errors), but each package
 * stands alone, so a bad one is reported at its path and left out while the others count.
 */
export function readJointFundingJson(
  json: unknown,
  path = 'jointFunding',
): { jointFunding: JointFunding; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const shell = fields({ ...settings, packages: list(z.unknown(), 100_000) }).safeParse(json, { reportInput: true });
  if (!shell.success) {
    problems.push(...shell.error.issues.map((i) => problemAt(path, i.path, issueMessage(i), null)));
    return { jointFunding: { rules: [], packages: [] }, problems };
  }
  const packages: JointPackage[] = [];
  const indexOf: number[] = [];
  shell.data.packages.forEach((raw, i) => {
    const parsed = jointPackageSchema.safeParse(raw, { reportInput: true });
    if (parsed.success) {
      packages.push(parsed.data);
      indexOf.push(i);
    } else
      problems.push(
        ...parsed.error.issues.map((issue) =>
          problemAt(`${path}.packages[${i}]`, issue.path, issueMessage(issue), i + 1),
        ),
      );
  });
  const jf: JointFunding = { asAt: shell.data.asAt, year: shell.data.year, rules: shell.data.rules ?? [], packages };
  const { usable, issues } = checkJointFunding(jf);
  problems.push(...issues.map((issue) => issueProblem(issue, path, indexOf)));
  return { jointFunding: { ...jf, packages: usable }, problems };
}

function issueProblem(issue: PackageIssue, path: string, indexOf: readonly number[]): RegisterProblem {
  const i = issue.kind === 'package' ? indexOf[issue.index] : issue.index;
  const field = JSON_FIELDS[issue.field];
  return {
    severity: issue.severity ?? 'error',
    where: { path: `${path}.${issue.kind === 'package' ? 'packages' : 'rules'}[${i}].${field}` },
    message: issue.message,
    row: issue.kind === 'package' ? i + 1 : null,
    field,
  };
}

const JSON_FIELDS: Readonly<Record<PackageField, string>> = {
  ref: 'ref',
  person: 'person',
  basis: 'basis',
  icb: 'icb',
  start: 'start',
  end: 'end',
  weeklyCost: 'weeklyCost',
  method: 'split',
  icbPercent: 'split.icbPercent',
  decided: 'split.decided',
  tasks: 'split.tasks',
};

function problemAt(base: string, path: readonly PropertyKey[], message: string, row: number | null): RegisterProblem {
  const suffix = path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  return {
    severity: 'error',
    where: { path: `${base}${suffix}` },
    message,
    row,
    field: path.filter((k) => typeof k === 'string').join('.'),
  };
}
