import { canonicalYear } from './financialYear';
import type { Plan } from './plan';

const YEARISH = /^\d{4}\s*(?:[/\-–]|\sto\s)\s*\d{2,4}$/i;
const QUARTERISH = /^(\d{4}\s*[/\-–]\s*\d{2,4})(\s+Q[1-4])$/i;

function canonical(text: string): string {
  if (YEARISH.test(text.trim())) return canonicalYear(text.trim());
  const q = QUARTERISH.exec(text.trim());
  return q ? `${canonicalYear(q[1])}${q[2].toUpperCase()}` : text;
}

/**
 * The plan with every financial-year label written one way ("2026-27" and "2026/2027" become
 * "2026/27"), wherever it appears: the years, each scheme's years, targets, the pool, the cards'
 * quarters. A plan file may then be written either way and still match its own years.
 */
export function withCanonicalYears(plan: Plan): Plan {
  return rewrite(plan) as Plan;
}

function rewrite(value: unknown): unknown {
  if (typeof value === 'string') return canonical(value);
  if (Array.isArray(value)) return value.map(rewrite);
  // Only plain objects and maps: a Decimal (or any class instance) is a figure, kept as it is.
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    // Keyed maps (a scheme's years) are made without a prototype, so a year label can't clash with one; keep it so.
    const entries = Object.entries(value as object).map(([k, v]) => [canonical(k), rewrite(v)] as const);
    return proto === null
      ? Object.assign(Object.create(null) as object, Object.fromEntries(entries))
      : Object.fromEntries(entries);
  }
  return value;
}
