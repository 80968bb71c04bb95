import Decimal from 'decimal.js';
import { isFinancialYearLabel, PLAN_YEARS } from './financialYear';
import { formatPounds, sum } from './money';
import { countsWhole, type Plan } from './plan';
import { PLAN_LIMITS } from './planLimits';
import type { Location, Problem } from './problems';

/**
 * Rules a plan must satisfy whatever it was read from. `locate` maps a model path to where the
 * user typed it (a JSON path, or a cell), so the message names the place to fix.
 */
export type Locator = (path: PlanPath) => Location;

export type PlanPath =
  | { kind: 'scheme'; index: number; field: 'ref' | 'name' | 'description' }
  | { kind: 'schemeYear'; index: number; year: string; field: string }
  | { kind: 'unitCost'; index: number; field: 'id' | 'value' }
  | { kind: 'year'; index: number; field: 'label' | 'statedPool' };

const REF = /^\d+[a-z]*$/i;
const MAX_NAME = 255;
const MAX_CELL_TEXT = PLAN_LIMITS.text;
const UNIT_ID = /^[A-Za-z][A-Za-z0-9_]{0,30}$/;

export function checkPlan(plan: Plan, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  const report: Report = {
    locate,
    error: (where, message) => problems.push({ severity: 'error', where, message }),
    warning: (where, message) => problems.push({ severity: 'warning', where, message }),
  };
  checkYears(plan, report);
  const ids = checkUnitCosts(plan, report);
  checkSchemes(plan, ids, report);
  checkStatedPools(plan, report);
  return problems;
}

/** Where a check puts what it finds. */
interface Report {
  readonly locate: Locator;
  error(where: Location, message: string): void;
  warning(where: Location, message: string): void;
}

function checkYears(plan: Plan, { locate, error }: Report): void {
  if (plan.years.length < PLAN_YEARS.min || plan.years.length > PLAN_YEARS.max) {
    error(
      locate({ kind: 'year', index: Math.min(plan.years.length, PLAN_YEARS.max), field: 'label' }),
      `a plan covers ${PLAN_YEARS.min} to ${PLAN_YEARS.max} financial years; this one has ${plan.years.length}.`,
    );
  }
  plan.years.forEach((year, index) => {
    if (!isFinancialYearLabel(year.label)) {
      error(
        locate({ kind: 'year', index, field: 'label' }),
        `"${year.label}" is not a financial year; write it as 2014/15.`,
      );
    }
  });
}

/** Checks the unit costs; returns their ids. */
function checkUnitCosts(plan: Plan, { locate, error, warning }: Report): Set<string> {
  const ids = new Set<string>();
  const byCase = new Map<string, string>();
  plan.unitCosts.forEach((unit, index) => {
    if (!UNIT_ID.test(unit.id)) {
      error(
        locate({ kind: 'unitCost', index, field: 'id' }),
        `"${unit.id}" can't be a unit-cost name: use letters, digits and _ only, starting with a letter.`,
      );
    }
    // Each id becomes the defined name UnitCost_<id>, and Excel compares names ignoring case.
    const same = byCase.get(unit.id.toLowerCase());
    if (same === unit.id)
      error(locate({ kind: 'unitCost', index, field: 'id' }), `the unit cost "${unit.id}" is defined twice.`);
    else if (same !== undefined)
      error(
        locate({ kind: 'unitCost', index, field: 'id' }),
        `the unit cost "${unit.id}" differs from "${same}" only in case; Excel treats their names as one, so give it another id.`,
      );
    ids.add(unit.id);
    if (same === undefined) byCase.set(unit.id.toLowerCase(), unit.id);
    if (unit.value.greaterThan(PLAN_LIMITS.money))
      error(
        locate({ kind: 'unitCost', index, field: 'value' }),
        `the unit cost ${unit.id} (${unit.value.toString()}) is beyond ${formatPounds(new Decimal(PLAN_LIMITS.money))}; check the figure.`,
      );
    if (unit.value.lessThan(0))
      error(
        locate({ kind: 'unitCost', index, field: 'value' }),
        `the unit cost ${unit.id} is negative (${unit.value}); a unit cost is £0 or more.`,
      );
    else if (unit.value.isZero())
      warning(
        locate({ kind: 'unitCost', index, field: 'value' }),
        `the unit cost ${unit.id} is £0, so every ${unit.shortLabel || unit.id} saving will be £0; is that intended?`,
      );
  });

  if (!ids.has('NEL')) {
    error(
      locate({ kind: 'unitCost', index: plan.unitCosts.length, field: 'id' }),
      'the plan needs a unit cost with the id NEL (the cost of one non-elective admission); the scheme tables are built on it.',
    );
  }
  return ids;
}

function checkSchemes(plan: Plan, ids: ReadonlySet<string>, { locate, error, warning }: Report): void {
  const refs = new Map<string, number>();
  plan.schemes.forEach((scheme, index) => {
    const refKey = scheme.ref.toLowerCase();
    if (!REF.test(scheme.ref))
      error(
        locate({ kind: 'scheme', index, field: 'ref' }),
        `"${scheme.ref}" is not a scheme reference; write a number and letter such as 2b.`,
      );
    else if (scheme.ref.length > PLAN_LIMITS.schemeRef) {
      error(
        locate({ kind: 'scheme', index, field: 'ref' }),
        `the scheme reference "${scheme.ref.slice(0, 40)}" is ${scheme.ref.length} characters long; at most ${PLAN_LIMITS.schemeRef} fit, since its Benefit Card sheet is "Card <ref>" and Excel sheet names hold 31.`,
      );
    }
    const first = refs.get(refKey);
    if (first !== undefined) {
      error(
        locate({ kind: 'scheme', index, field: 'ref' }),
        `scheme reference ${scheme.ref} is used twice (also by "${plan.schemes[first].name}"); each scheme needs its own reference.`,
      );
    } else refs.set(refKey, index);
    if (!scheme.name.trim())
      error(locate({ kind: 'scheme', index, field: 'name' }), `scheme ${scheme.ref} has no name.`);
    else if (scheme.name.length > MAX_NAME) {
      error(
        locate({ kind: 'scheme', index, field: 'name' }),
        `the name of scheme ${scheme.ref} is ${scheme.name.length.toLocaleString('en-GB')} characters long (it starts "${scheme.name.slice(0, 30)}…"); a scheme name is at most ${MAX_NAME} characters: put the detail in its description.`,
      );
    }
    if (scheme.description.length > MAX_CELL_TEXT) {
      error(
        locate({ kind: 'scheme', index, field: 'description' }),
        `the description of scheme ${scheme.ref} is ${scheme.description.length.toLocaleString('en-GB')} characters long; an Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString('en-GB')}.`,
      );
    }
    const planYears = new Set(plan.years.map((y) => y.label));
    for (const [year, entry] of Object.entries(scheme.years)) {
      if (!planYears.has(year)) {
        error(
          locate({ kind: 'schemeYear', index, year, field: 'cost' }),
          `scheme ${scheme.ref} has figures for "${year.slice(0, 40)}", which is not one of the plan's years (${[...planYears].join(', ')}); correct the year or add it to the plan's years.`,
        );
        continue;
      }
      if (entry.cost.abs().greaterThan(PLAN_LIMITS.money)) {
        error(
          locate({ kind: 'schemeYear', index, year, field: 'cost' }),
          `the ${year} cost of scheme ${scheme.ref} (${entry.cost.toString()}) is beyond ${formatPounds(new Decimal(PLAN_LIMITS.money))}; check the figure.`,
        );
      } else if (entry.cost.lessThan(0)) {
        error(
          locate({ kind: 'schemeYear', index, year, field: 'cost' }),
          `the ${year} cost of scheme ${scheme.ref} is negative (${entry.cost}); a cost is £0 or more.`,
        );
      }
      for (const [id, count] of Object.entries(entry.benefits)) {
        if (!ids.has(id)) {
          error(
            locate({ kind: 'schemeYear', index, year, field: id }),
            `scheme ${scheme.ref} counts a benefit "${id}" in ${year} but there is no unit cost named ${id}; add it to the assumptions or correct the name (known: ${[...ids].join(', ')}).`,
          );
        } else if (count.lessThan(0)) {
          error(
            locate({ kind: 'schemeYear', index, year, field: id }),
            `scheme ${scheme.ref} expects a negative ${id} reduction (${count}) in ${year}; enter the reduction as a positive count.`,
          );
        } else if (!count.isInteger() && countsWhole(plan.unitCosts.find((u) => u.id === id)!)) {
          // A question, not a refusal: an expected reduction is an estimate, but the tables show whole units, so 2.5 would read as 3 there.
          warning(
            locate({ kind: 'schemeYear', index, year, field: id }),
            `scheme ${scheme.ref} expects ${count} ${id} in ${year}; ${plan.unitCosts.find((u) => u.id === id)!.unit.replace(/^per /, '')}s are counted in whole numbers, and the tables will show ${count.toDecimalPlaces(0).toString()}.`,
          );
        }
      }
    }
  });
}

/** A pool the plan states against what its pool schemes add up to. */
function checkStatedPools(plan: Plan, { locate, warning }: Report): void {
  plan.years.forEach((year, index) => {
    if (!year.statedPool) return;
    const computed = sum(plan.schemes.filter((s) => s.inPool).map((s) => s.years[year.label]?.cost ?? new Decimal(0)));
    if (!computed.equals(year.statedPool)) {
      warning(
        locate({ kind: 'year', index, field: 'statedPool' }),
        `the plan states a ${year.label} pool of ${formatPounds(year.statedPool)} but its pool schemes add up to ${formatPounds(computed)} (a difference of ${formatPounds(computed.minus(year.statedPool))}); the tables use ${formatPounds(computed)}.`,
      );
    }
  });
}
