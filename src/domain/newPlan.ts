import { financialYear, PLAN_YEARS, yearLabel } from './financialYear';
import { Money } from './money';
import type { Plan, UnitCost } from './plan';

/**
 * The unit costs a new plan starts with: typical values for England, to be replaced by the plan's
 * own. The source says so, so no plan inherits another council's wording; the commissioner
 * records where their own figure comes from on the Assumptions sheet.
 */
export function defaultUnitCosts(): UnitCost[] {
  const source = 'Starting value: replace with your local unit cost and say where it comes from';
  return [
    {
      id: 'NEL',
      benefit: 'Reduced non-elective admissions',
      shortLabel: 'NEL adm.',
      value: new Money(2004),
      unit: 'per admission',
      source,
    },
    {
      id: 'CareHome',
      benefit: 'Reduced care home admissions',
      shortLabel: 'Care home adm.',
      value: new Money(10000),
      unit: 'per admission',
      source,
    },
    {
      id: 'Reablement',
      benefit: 'Reablement effectiveness (reduced packages of care after intervention)',
      shortLabel: 'Reablement',
      value: new Money(3831),
      unit: 'per package of care avoided',
      source,
    },
    {
      id: 'DTOC',
      benefit: 'Delayed transfers of care (reduced excess bed days)',
      shortLabel: 'DTOC bed days',
      value: new Money(265),
      unit: 'per excess bed day',
      source,
    },
  ];
}

/** A plan with no schemes yet: the board, `yearCount` financial years from `firstYear` (any way of writing it), default unit costs. */
export function emptyPlan(board: string, firstYear: string, yearCount = 2): Plan {
  if (!Number.isInteger(yearCount) || yearCount < PLAN_YEARS.min || yearCount > PLAN_YEARS.max) {
    throw new RangeError(`a plan covers ${PLAN_YEARS.min} to ${PLAN_YEARS.max} financial years, not ${yearCount}`);
  }
  const first = financialYear(firstYear);
  const years = Array.from({ length: yearCount }, (_, i) => ({ label: yearLabel(first.startYear + i) }));
  const last = years[years.length - 1].label;
  return {
    board,
    title: `${board} Better Care Fund plan ${years.length === 1 ? last : `${years[0].label} to ${last}`}`,
    partners: [],
    years,
    unitCosts: defaultUnitCosts(),
    schemes: [],
    targets: [],
    notes: [],
  };
}

/** The financial year (April to March) a date falls in, as "2025/26". */
export function financialYearOf(date: Date): string {
  return yearLabel(date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1);
}
