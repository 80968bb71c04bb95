import type Decimal from 'decimal.js';
import { Money, roundPounds, sum, ZERO } from './money';

/**
 * Care packages paid partly by the council and partly by the ICB: section 117 aftercare, and Care
 * Act packages for people with health needs who are not eligible for NHS Continuing Healthcare.
 * Each package has a weekly cost and a split; the ICB's weekly share is the cost times the health
 * share, rounded half-up to the penny, and the council pays the rest, so the two always add up.
 *
 * Dates are whole days counted as Excel does (days since 30 Dec 1899), so the workbook's date cells
 * and the model hold the same numbers and no date arithmetic depends on a time zone.
 */
export type Day = number;

export type Basis = 's117' | 'careAct' | 'other';
export type Method = 'equal' | 'fixed' | 'panel' | 'timeToTask';

/** How the FOI answers and `bcf joint --json` name them. */
export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  s117: 's117 aftercare',
  careAct: 'Care Act',
  other: 'Other',
};
export const METHOD_LABELS: Readonly<Record<Method, string>> = {
  equal: '50:50',
  fixed: 'Fixed',
  panel: 'Panel',
  timeToTask: 'Time to task',
};

/** One task in a package's care plan, with the minutes a week it takes ("time to task"). */
export interface Task {
  readonly task: string;
  readonly minutes: Decimal;
  readonly health: boolean; // a health-related task, or a social care task
}

/**
 * A package's own split, overriding its ICB's default rule: a fixed ICB share, a percentage a joint
 * funding panel agreed on a date, or time to task (health minutes over all minutes).
 */
export type Split =
  | { readonly method: 'default' }
  | { readonly method: 'equal' }
  | { readonly method: 'fixed'; readonly icbPercent: Decimal }
  | { readonly method: 'panel'; readonly icbPercent: Decimal; readonly decided: Day | null }
  | { readonly method: 'timeToTask'; readonly tasks: readonly Task[] };

/** The partnership's default split with one ICB: 50:50, or a fixed ICB share such as 40%. */
export interface IcbRule {
  readonly icb: string;
  readonly method: 'equal' | 'fixed';
  readonly icbPercent: Decimal; // 50 for "equal"
}

export interface JointPackage {
  readonly ref: string; // the package's reference
  /** A pseudonymous person reference from the case-management system, never a name. */
  readonly person: string;
  readonly basis: Basis;
  readonly icb: string;
  readonly start: Day;
  readonly end: Day | null; // null while the package is ongoing
  readonly weeklyCost: Decimal;
  readonly split: Split;
}

/** The register: the default rules, the packages, and the date and year the figures are for. */
export interface JointFunding {
  readonly asAt?: Day;
  readonly year?: string; // "2023/24"
  readonly rules: readonly IcbRule[];
  readonly packages: readonly JointPackage[];
}

export interface Shares {
  readonly total: Decimal;
  readonly council: Decimal;
  readonly icb: Decimal;
}

export const NO_SHARES: Shares = { total: ZERO, council: ZERO, icb: ZERO };

export function addShares(a: Shares, b: Shares): Shares {
  return { total: a.total.plus(b.total), council: a.council.plus(b.council), icb: a.icb.plus(b.icb) };
}

export const WEEKS_IN_FULL_YEAR = 52;
export const DAYS_IN_WEEK = 7;
const HUNDRED = new Money(100);

/**
 * A typed percentage as the split uses it: as typed, to six decimal places of a per cent (33.333% is
 * 33.333%), the precision the workbook's share columns keep so a half penny stays exact in every engine.
 */
export const PERCENT_PLACES = 6;
const typedPercent = (percent: Decimal) => percent.toDecimalPlaces(PERCENT_PLACES);

/** The rule for an ICB, matched as Excel matches text: ignoring case and surrounding spaces. */
export function ruleFor(rules: readonly IcbRule[], icb: string): IcbRule | undefined {
  const key = sameText(icb);
  return rules.find((r) => sameText(r.icb) === key);
}

export function sameText(value: string): string {
  return value.trim().toLowerCase();
}

/** The method a package's split follows once its ICB's default is applied; undefined without a rule. */
export function methodOf(pkg: JointPackage, rules: readonly IcbRule[]): Method | undefined {
  return pkg.split.method === 'default' ? ruleFor(rules, pkg.icb)?.method : pkg.split.method;
}

/** The health share as a fraction: numerator over denominator, kept apart so the ICB share is one exact division. */
export function healthShareParts(
  pkg: JointPackage,
  rules: readonly IcbRule[],
): { numerator: Decimal; denominator: Decimal } | undefined {
  const split = pkg.split;
  switch (split.method) {
    case 'default': {
      const rule = ruleFor(rules, pkg.icb);
      return rule
        ? { numerator: rule.method === 'equal' ? new Money(50) : typedPercent(rule.icbPercent), denominator: HUNDRED }
        : undefined;
    }
    case 'equal':
      return { numerator: new Money(50), denominator: HUNDRED };
    case 'fixed':
    case 'panel':
      return { numerator: typedPercent(split.icbPercent), denominator: HUNDRED };
    case 'timeToTask': {
      const health = sum(split.tasks.filter((t) => t.health).map((t) => t.minutes));
      const all = sum(split.tasks.map((t) => t.minutes));
      return all.isZero() ? undefined : { numerator: health, denominator: all };
    }
  }
}

export function healthMinutes(split: Split): { health: Decimal; social: Decimal } {
  if (split.method !== 'timeToTask') return { health: ZERO, social: ZERO };
  return {
    health: sum(split.tasks.filter((t) => t.health).map((t) => t.minutes)),
    social: sum(split.tasks.filter((t) => !t.health).map((t) => t.minutes)),
  };
}

/** The ICB pays cost x health share rounded half-up to the penny; the council pays the rest. */
export function weeklyShares(pkg: JointPackage, rules: readonly IcbRule[]): Shares {
  const parts = healthShareParts(pkg, rules);
  if (!parts) throw new RangeError(`package ${pkg.ref} has no split: give it one or set a default rule for ${pkg.icb}`);
  const icb = roundPounds(pkg.weeklyCost.times(parts.numerator).dividedBy(parts.denominator), true);
  return { total: pkg.weeklyCost, council: pkg.weeklyCost.minus(icb), icb };
}

/** First and last day of a financial year "2023/24": 1 April 2023 to 31 March 2024. */
export function yearBounds(year: string): { first: Day; last: Day } {
  const start = Number(year.slice(0, 4));
  return { first: dayOf(start, 4, 1), last: dayOf(start + 1, 3, 31) };
}

/** The financial year holding a day, "2024/25" for 18 April 2024. */
export function yearOf(day: Day): string {
  const iso = isoOf(day);
  const y = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Days a package is active in a period, both ends inclusive (0 when it doesn't overlap). */
export function daysActive(pkg: Pick<JointPackage, 'start' | 'end'>, first: Day, last: Day): number {
  const from = Math.max(pkg.start, first);
  const to = Math.min(pkg.end ?? last, last);
  return Math.max(0, to - from + 1);
}

export function isActive(pkg: Pick<JointPackage, 'start' | 'end'>, day: Day): boolean {
  return pkg.start <= day && (pkg.end === null || pkg.end >= day);
}

/** A weekly share over some days: share x days / 7, rounded half-up to the penny. */
export function forDays(weekly: Decimal, days: number): Decimal {
  return roundPounds(weekly.times(days).dividedBy(DAYS_IN_WEEK), true);
}

export function fullYear(weekly: Shares): Shares {
  return {
    total: weekly.total.times(WEEKS_IN_FULL_YEAR),
    council: weekly.council.times(WEEKS_IN_FULL_YEAR),
    icb: weekly.icb.times(WEEKS_IN_FULL_YEAR),
  };
}

export interface PackageFigures {
  readonly pkg: JointPackage;
  readonly method: Method;
  /** The health (ICB) share as a fraction, as the register shows it. */
  readonly share: Decimal;
  readonly weekly: Shares;
  readonly active: boolean;
  readonly days: number;
  /** Cost in the year: each partner's weekly share x days active / 7, to the penny; total = council + ICB. */
  readonly annual: Shares;
}

export function packageFigures(pkg: JointPackage, rules: readonly IcbRule[], asAt: Day, year: string): PackageFigures {
  const weekly = weeklyShares(pkg, rules);
  const parts = healthShareParts(pkg, rules)!;
  const { first, last } = yearBounds(year);
  const days = daysActive(pkg, first, last);
  const icb = forDays(weekly.icb, days);
  const council = forDays(weekly.council, days);
  return {
    pkg,
    method: methodOf(pkg, rules)!,
    share: parts.numerator.dividedBy(parts.denominator),
    weekly,
    active: isActive(pkg, asAt),
    days,
    annual: { total: icb.plus(council), council, icb },
  };
}

// Dates -------------------------------------------------------------------------------------------

const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  // UTC has no daylight saving, so every day is exactly DAY_MS and the division is a whole number.
  return (Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS;
}

/** "2024-04-18" as a day, or undefined when it isn't a real date in that form. */
export function dayFromIso(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? realDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A day from year, month and day, refusing 31 February and the like. */
export function realDay(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? dayOf(year, month, day) : undefined;
}

export function isoOf(day: Day): string {
  return new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
}

/** 18/04/2024, as the FOI answers and case-management exports write dates. */
export function ukDate(day: Day): string {
  const iso = isoOf(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
