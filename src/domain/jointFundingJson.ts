import type Decimal from 'decimal.js';
import { z } from 'zod';
import { dayFromIso, isoOf, type Basis, type IcbRule, type JointFunding, type JointPackage, type Split, type Task } from './jointFunding';
import { checkJointFunding, type PackageField, type PackageIssue } from './jointFundingChecks';
import { isFinancialYearLabel } from './financialYear';
import { Money } from './money';
import type { Problem } from './problems';

/**
 * The "jointFunding" section of a plan file (or a packages.json file holding only that section), as
 * a zod schema. Packages are read one at a time, so one bad package is reported with its path and
 * the others still count; `jointFundingSchema` is the whole section, for composing into the plan's
 * schema. Split methods are written as people write them: "50:50", "Fixed", "Panel", "Time to task".
 */

const amount = z.union([z.number(), z.string()]).transform((value, ctx): Decimal => {
  const parsed = parseMoney(value);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected an amount such as 1234.50 or "£1,234.50", found ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

const percent = amount.refine((d) => !d.isNegative() && d.lessThanOrEqualTo(100), { message: 'expected a percentage from 0 to 100' });

const date = z.string().transform((value, ctx) => {
  const day = dayFromIso(value);
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a date written YYYY-MM-DD, found ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return day;
});

const year = z.string().refine(isFinancialYearLabel, { message: 'expected a financial year such as 2023/24' });

export const BASIS_JSON: Readonly<Record<string, Basis>> = { s117: 's117', 'Care Act': 'careAct', Other: 'other' };

const basis = z.enum(Object.keys(BASIS_JSON) as [string, ...string[]]).transform((b) => BASIS_JSON[b]);

const task = z.strictObject({ task: z.string(), minutes: amount, kind: z.enum(['health', 'social care']) }).transform((t): Task => ({ task: t.task, minutes: t.minutes, health: t.kind === 'health' }));

const split = z
  .discriminatedUnion('method', [
    z.strictObject({ method: z.literal('50:50') }),
    z.strictObject({ method: z.literal('Fixed'), icbPercent: percent }),
    z.strictObject({ method: z.literal('Panel'), icbPercent: percent, decided: date }),
    z.strictObject({ method: z.literal('Time to task'), tasks: z.array(task).min(1) }),
  ])
  .transform((s): Split => {
    switch (s.method) {
      case '50:50':
        return { method: 'equal' };
      case 'Fixed':
        return { method: 'fixed', icbPercent: s.icbPercent };
      case 'Panel':
        return { method: 'panel', icbPercent: s.icbPercent, decided: s.decided };
      case 'Time to task':
        return { method: 'timeToTask', tasks: s.tasks };
    }
  });

export const jointPackageSchema = z
  .strictObject({
    ref: z.string().min(1),
    person: z.string().min(1, { message: 'a pseudonymous person reference, never a name' }),
    basis,
    icb: z.string().min(1),
    start: date,
    end: date.nullable().optional(),
    weeklyCost: amount,
    split: split.optional(),
  })
  .transform((p): JointPackage => ({ ref: p.ref, person: p.person, basis: p.basis, icb: p.icb, start: p.start, end: p.end ?? null, weeklyCost: p.weeklyCost, split: p.split ?? { method: 'default' } }));

export const icbRuleSchema = z
  .discriminatedUnion('split', [z.strictObject({ icb: z.string().min(1), split: z.literal('50:50') }), z.strictObject({ icb: z.string().min(1), split: z.literal('Fixed'), icbPercent: percent })])
  .transform((r): IcbRule => (r.split === '50:50' ? { icb: r.icb, method: 'equal', icbPercent: new Money(50) } : { icb: r.icb, method: 'fixed', icbPercent: r.icbPercent }));

const settings = { asAt: date.optional(), year: year.optional() };

/** The whole section, strictly: for the plan's schema. Reading a plan goes through readJointFundingJson. */
export const jointFundingSchema = z.strictObject({ ...settings, rules: z.array(icbRuleSchema).default([]), packages: z.array(jointPackageSchema) });

/** A problem with a package, as `bcf joint --json` lists them: the package's number (1-based) and field. */
export interface RegisterProblem extends Problem {
  readonly row: number | null;
  readonly field: string;
}

/**
 * Reads the section leniently: the settings and rules must be right (errors), but each package
 * stands alone, so a bad one is reported at its path and left out while the others count.
 */
export function readJointFundingJson(json: unknown, path = 'jointFunding'): { jointFunding: JointFunding; problems: RegisterProblem[] } {
  const problems: RegisterProblem[] = [];
  const shell = z.strictObject({ ...settings, rules: z.array(icbRuleSchema).default([]), packages: z.array(z.unknown()) }).safeParse(json);
  if (!shell.success) {
    problems.push(...shell.error.issues.map((i) => problemAt(path, i.path, i.message, null)));
    return { jointFunding: { rules: [], packages: [] }, problems };
  }
  const packages: JointPackage[] = [];
  const indexOf: number[] = [];
  shell.data.packages.forEach((raw, i) => {
    const parsed = jointPackageSchema.safeParse(raw);
    if (parsed.success) {
      packages.push(parsed.data);
      indexOf.push(i);
    } else problems.push(...parsed.error.issues.map((issue) => problemAt(`${path}.packages[${i}]`, issue.path, issue.message, i + 1)));
  });
  const jf: JointFunding = { asAt: shell.data.asAt, year: shell.data.year, rules: shell.data.rules, packages };
  const { usable, issues } = checkJointFunding(jf);
  problems.push(...issues.map((issue) => issueProblem(issue, path, indexOf)));
  return { jointFunding: { ...jf, packages: usable }, problems };
}

function issueProblem(issue: PackageIssue, path: string, indexOf: readonly number[]): RegisterProblem {
  const i = issue.kind === 'package' ? indexOf[issue.index] : issue.index;
  const field = JSON_FIELDS[issue.field];
  return { severity: 'error', where: { path: `${path}.${issue.kind === 'package' ? 'packages' : 'rules'}[${i}].${field}` }, message: issue.message, row: issue.kind === 'package' ? i + 1 : null, field };
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
  return { severity: 'error', where: { path: `${base}${suffix}` }, message, row, field: path.filter((k) => typeof k === 'string').join('.') };
}

/** Numbers, or text as exports write money: "1234.5", "£1,234.50". At most two decimal places is checked later. */
export function parseMoney(value: unknown): Decimal | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Money(String(value)) : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[£,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? new Money(cleaned) : undefined;
}

/** The section as it is written in a plan file. */
export function jointFundingToJson(jf: JointFunding): unknown {
  const n = (d: Decimal) => d.toNumber();
  return {
    ...(jf.asAt !== undefined ? { asAt: isoOf(jf.asAt) } : {}),
    ...(jf.year ? { year: jf.year } : {}),
    rules: jf.rules.map((r) => (r.method === 'equal' ? { icb: r.icb, split: '50:50' } : { icb: r.icb, split: 'Fixed', icbPercent: n(r.icbPercent) })),
    packages: jf.packages.map((p) => ({
      ref: p.ref,
      person: p.person,
      basis: Object.keys(BASIS_JSON).find((k) => BASIS_JSON[k] === p.basis),
      icb: p.icb,
      start: isoOf(p.start),
      ...(p.end !== null ? { end: isoOf(p.end) } : {}),
      weeklyCost: n(p.weeklyCost),
      ...(p.split.method === 'default' ? {} : { split: splitToJson(p.split) }),
    })),
  };
}

function splitToJson(s: Exclude<Split, { method: 'default' }>): unknown {
  switch (s.method) {
    case 'equal':
      return { method: '50:50' };
    case 'fixed':
      return { method: 'Fixed', icbPercent: s.icbPercent.toNumber() };
    case 'panel':
      return { method: 'Panel', icbPercent: s.icbPercent.toNumber(), decided: isoOf(s.decided) };
    case 'timeToTask':
      return { method: 'Time to task', tasks: s.tasks.map((t) => ({ task: t.task, minutes: t.minutes.toNumber(), kind: t.health ? 'health' : 'social care' })) };
  }
}
