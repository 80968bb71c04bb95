/** An English public-sector financial year, April to March, labelled "2014/15". */
export interface FinancialYear {
  readonly label: string;
  readonly startYear: number;
}

export type QuarterNumber = 1 | 2 | 3 | 4;

/** Q1 is April to June. */
export interface Quarter {
  readonly year: FinancialYear;
  readonly number: QuarterNumber;
  readonly label: string; // "2014/15 Q1"
  readonly months: string; // "Apr-Jun 2014"
}

/** How many financial years a plan may cover. */
export const PLAN_YEARS = { min: 1, max: 10 } as const;

// "2014/15", "2014-15", "2014/2015", "2014-2015", "2014 to 2015" (and an en dash): all the same year, shown as "2014/15".
const LABEL = /^(\d{4})\s*(?:[/\-–]|\sto\s)\s*(\d{2}|\d{4})$/i;

export function financialYear(label: string): FinancialYear {
  const match = LABEL.exec(label.trim());
  if (!match) throw new RangeError(`"${label}" is not a financial year; write it as 2014/15`);
  const startYear = Number(match[1]);
  const end = Number(match[2]);
  const expected = match[2].length === 4 ? startYear + 1 : (startYear + 1) % 100;
  if (end !== expected) {
    throw new RangeError(`"${label}" is not a financial year: ${yearLabel(startYear)} follows ${startYear}`);
  }
  return { label: yearLabel(startYear), startYear };
}

/** The one way a financial year is shown: "2014/15". */
export function yearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The label as the product shows it, or the text unchanged when it is not a financial year. */
export function canonicalYear(label: string): string {
  try {
    return financialYear(label).label;
  } catch {
    return label;
  }
}

/** The years a plan covers, as people name them: "2026/27", or "2026/27 to 2028/29". */
export function yearSpan(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels[0]} to ${labels[labels.length - 1]}`;
}

export function isFinancialYearLabel(label: string): boolean {
  try {
    financialYear(label);
    return true;
  } catch {
    return false;
  }
}

const MONTHS: Record<QuarterNumber, [string, number]> = {
  1: ['Apr-Jun', 0],
  2: ['Jul-Sep', 0],
  3: ['Oct-Dec', 0],
  4: ['Jan-Mar', 1],
};

export function quartersOf(year: FinancialYear): Quarter[] {
  return ([1, 2, 3, 4] as QuarterNumber[]).map((number) => ({
    year,
    number,
    label: `${year.label} Q${number}`,
    months: `${MONTHS[number][0]} ${year.startYear + MONTHS[number][1]}`,
  }));
}
