import type Decimal from 'decimal.js';
import {
  addShares,
  fullYear,
  NO_SHARES,
  packageFigures,
  sameText,
  yearOf,
  type Basis,
  type Day,
  type IcbRule,
  type JointPackage,
  type Method,
  type PackageFigures,
  type Shares,
} from './jointFunding';

export const BASES: readonly Basis[] = ['s117', 'careAct', 'other'];
export const METHODS: readonly Method[] = ['equal', 'fixed', 'panel', 'timeToTask'];

/** Packages active on the as-at date, and the cost in the year of every package. */
export interface GroupFigures {
  readonly key: string;
  readonly people: number;
  readonly packages: number;
  readonly weekly: Shares;
  readonly annual: Shares;
}

/**
 * The FOI questions councils are asked about joint funding, answered as councils answered them:
 * whether an agreement is in place, which kind (A to D), people covered on the date, the annual
 * cost to the council, and the ICB's contribution for a year (its weekly share x 52, as one
 * council's answer put it: £31,848.11 a week, £1,656,101.72 a year).
 */
export interface JointReturn {
  readonly agreement: 'Yes' | 'No';
  readonly method: string;
  readonly people: number;
  readonly councilAnnual: Decimal;
  readonly icbFullYear: Decimal;
}

export const RETURN_METHODS = {
  none: 'No packages on the date',
  equal: 'A) 50:50 for all cases',
  fixed: 'B) A fixed share (the default rule of each ICB)',
  caseByCase: 'C) Case by case (panel or time to task)',
  mixed: 'D) Other: fixed shares for some cases, case by case for others',
} as const;

export interface JointSummary {
  readonly asAt: Day;
  readonly year: string;
  readonly people: number;
  readonly packages: number;
  readonly weekly: Shares;
  readonly annual: Shares;
  readonly fullYear: Shares;
  readonly byIcb: readonly GroupFigures[];
  readonly byBasis: readonly GroupFigures[];
  readonly byMethod: readonly GroupFigures[];
  readonly answer: JointReturn;
  /** Each usable package's figures, in register order. */
  readonly figures: readonly PackageFigures[];
}

/**
 * The figures for usable packages (see checkJointFunding): people, packages and weekly shares on the
 * as-at date, cost in the year, full-year equivalents, by ICB, funding basis and split method.
 */
export function jointSummary(
  packages: readonly JointPackage[],
  rules: readonly IcbRule[],
  asAt: Day,
  year = yearOf(asAt),
): JointSummary {
  const figures = packages.map((p) => packageFigures(p, rules, asAt, year));
  const all = group('all', figures);
  const icbs = distinct([...rules.map((r) => r.icb), ...packages.map((p) => p.icb)]);
  const byMethod = METHODS.map((m) =>
    group(
      m,
      figures.filter((f) => f.method === m),
    ),
  );
  const count = (m: Method) => byMethod[METHODS.indexOf(m)].packages;
  const caseByCase = count('panel') + count('timeToTask');
  const method =
    all.packages === 0
      ? RETURN_METHODS.none
      : count('equal') === all.packages
        ? RETURN_METHODS.equal
        : caseByCase === 0
          ? RETURN_METHODS.fixed
          : caseByCase === all.packages
            ? RETURN_METHODS.caseByCase
            : RETURN_METHODS.mixed;
  const full = fullYear(all.weekly);
  return {
    asAt,
    year,
    people: all.people,
    packages: all.packages,
    weekly: all.weekly,
    annual: all.annual,
    fullYear: full,
    byIcb: icbs.map((icb) =>
      group(
        icb,
        figures.filter((f) => sameText(f.pkg.icb) === sameText(icb)),
      ),
    ),
    byBasis: BASES.map((b) =>
      group(
        b,
        figures.filter((f) => f.pkg.basis === b),
      ),
    ),
    byMethod,
    answer: {
      agreement: rules.length || all.packages ? 'Yes' : 'No',
      method,
      people: all.people,
      councilAnnual: all.annual.council,
      icbFullYear: full.icb,
    },
    figures,
  };
}

function group(key: string, figures: readonly PackageFigures[]): GroupFigures {
  const active = figures.filter((f) => f.active);
  return {
    key,
    people: new Set(active.map((f) => sameText(f.pkg.person))).size,
    packages: active.length,
    weekly: active.reduce((acc, f) => addShares(acc, f.weekly), NO_SHARES),
    annual: figures.reduce((acc, f) => addShares(acc, f.annual), NO_SHARES),
  };
}

/** Names in the order first met, once each however they are capitalised. */
function distinct(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (n.trim() && !seen.has(sameText(n))) seen.set(sameText(n), n.trim());
  return [...seen.values()];
}
