import type Decimal from 'decimal.js';
import { isoOf, type Basis, type JointFunding, type Split } from './jointFunding';
import type { Problem } from './problems';

/**
 * The "jointFunding" section as a plan file writes it (jointFundingSchema.ts reads it), free of zod
 * so code on the pane's first screen can use it without loading the plan file's schema.
 */

/** How a plan file spells each funding basis. */
export const BASIS_JSON: Readonly<Record<string, Basis>> = { s117: 's117', 'Care Act': 'careAct', Other: 'other' };

/** A problem with a package, as `bcf joint --json` lists them: the package's number (1-based) and field. */
export interface RegisterProblem extends Problem {
  readonly row: number | null;
  readonly field: string;
}

/** The section as it is written in a plan file. */
export function jointFundingToJson(jf: JointFunding): unknown {
  const n = (d: Decimal) => d.toNumber();
  return {
    ...(jf.asAt !== undefined ? { asAt: isoOf(jf.asAt) } : {}),
    ...(jf.year ? { year: jf.year } : {}),
    rules: jf.rules.map((r) =>
      r.method === 'equal'
        ? { icb: r.icb, split: '50:50' }
        : { icb: r.icb, split: 'Fixed', icbPercent: n(r.icbPercent) },
    ),
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
      return {
        method: 'Panel',
        icbPercent: s.icbPercent.toNumber(),
        ...(s.decided === null ? {} : { decided: isoOf(s.decided) }),
      };
    case 'timeToTask':
      return {
        method: 'Time to task',
        tasks: s.tasks.map((t) => ({
          task: t.task,
          minutes: t.minutes.toNumber(),
          kind: t.health ? 'health' : 'social care',
        })),
      };
  }
}
