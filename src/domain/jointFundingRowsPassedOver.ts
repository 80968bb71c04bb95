import type { CellValue } from './jointFundingInput';

// Rows of a case-management export that are not packages: totals, sub-totals, headings and notes.

/** The label of a totals row a spreadsheet export ends with: "Total", "Totals", "Grand total:", "Sub-total". */
const TOTALS_LABEL = /^(grand\s*|sub-?\s*)?totals?:?$/i;

/** A label with the word total in it, as reports head a team's sub-total: "North Team Total", "Total for South". */
const TOTAL_WORD = /\b(sub-?\s*)?totals?\b/i;

/**
 * Why a row is a total, not a package, or undefined: a row labelled "Total" or "Grand total"; a
 * team's sub-total ("North Team Total") with no start date; or a row of amounts with no person,
 * funding basis or start date, the sub-total some reports print with no label. A package always
 * has a start date, so a row with one is read as a package, its problems reported. A row with one
 * cell and no basis or start is a heading or a footer.
 */
export function totalsRow(
  row: readonly CellValue[],
  columns: Readonly<Partial<Record<string, number>>>,
): string | undefined {
  const blank = (field: 'person' | 'basis' | 'start') => {
    const c = columns[field];
    return c === undefined || String(row[c] ?? '').trim() === '';
  };
  const label = String(row.find((v) => v !== null && v !== undefined && String(v).trim() !== '') ?? '').trim();
  if (TOTALS_LABEL.test(label) || (TOTAL_WORD.test(label) && blank('start')))
    return `the row starting "${label}" is a totals row, not a package, so it was not read.`;
  // A lone cell is a group's heading ("North Team") or a page footer ("Page 1 of 2"), never a package.
  const filled = row.filter((v) => v !== null && v !== undefined && String(v).trim() !== '').length;
  if (filled === 1 && blank('basis') && blank('start'))
    return `the row holding only "${label}" is a heading or a note, not a package, so it was not read.`;
  if (blank('person') && blank('basis') && blank('start'))
    return `this row has no person, funding basis or start date, so it was taken for a sub-total or a note, not a package; if it is a package, fill those in.`;
  return undefined;
}
