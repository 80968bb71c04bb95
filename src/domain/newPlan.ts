import { financialYear } from './financialYear';
import { Money } from './money';
import type { Plan, UnitCost } from './plan';

/**
 * The unit costs a new plan starts with: the NEL cost the Barnet plan states, and the three others
 * that reproduce every Annex 1 total saving. They are the commissioner's to change on the
 * Assumptions sheet; these are only a sensible start.
 */
export function defaultUnitCosts(): UnitCost[] {
  return [
    { id: 'NEL', benefit: 'Reduced non-elective admissions', shortLabel: 'NEL adm.', value: new Money(2004), unit: 'per admission', source: 'Average unit cost per emergency admission (Barnet BCF plan 2014-16, section 2)' },
    { id: 'CareHome', benefit: 'Reduced care home admissions', shortLabel: 'Care home adm.', value: new Money(10000), unit: 'per admission', source: 'Worked out from the Barnet plan, Annex 1' },
    { id: 'Reablement', benefit: 'Reablement effectiveness (reduced packages of care after intervention)', shortLabel: 'Reablement', value: new Money(3831), unit: 'per package of care avoided', source: 'Worked out from the Barnet plan, Annex 1' },
    { id: 'DTOC', benefit: 'Delayed transfers of care (reduced excess bed days)', shortLabel: 'DTOC bed days', value: new Money(265), unit: 'per excess bed day', source: 'Worked out from the Barnet plan, Annex 1' },
  ];
}

/** A plan with no schemes yet: the board, `yearCount` financial years from `firstYear`, default unit costs. */
export function emptyPlan(board: string, firstYear: string, yearCount = 2): Plan {
  const first = financialYear(firstYear);
  const years = Array.from({ length: yearCount }, (_, i) => {
    const start = first.startYear + i;
    return { label: `${start}/${String((start + 1) % 100).padStart(2, '0')}` };
  });
  return {
    board,
    title: `${board} Better Care Fund plan ${years[0].label.slice(0, 4)}-${years[years.length - 1].label.slice(5)}`,
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
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
