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

const LABEL = /^(\d{4})\/(\d{2})$/;

export function financialYear(label: string): FinancialYear {
  const match = LABEL.exec(label.trim());
  if (!match) throw new RangeError(`"${label}" is not a financial year; write it as 2014/15`);
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`"${label}" is not a financial year: ${startYear}/${String((startYear + 1) % 100).padStart(2, '0')} follows ${startYear}`);
  }
  return { label: `${startYear}/${match[2]}`, startYear };
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
