import { yearLabel } from './financialYear';

/**
 * The quarter the steering group reviews, as typed on the Assumptions sheet. One reading of it,
 * which the sheet's formulas repeat (TRIM, a case-blind MATCH against the plan's quarters):
 * spaces at either end and runs of spaces inside are forgiven, and so is letter case; a blank
 * cell or a quarter the plan doesn't have is a state of its own, shown as such, never replaced
 * by some other quarter.
 */
export type ReportingQuarter =
  | { readonly state: 'set'; readonly typed: string; readonly label: string; readonly position: number }
  | { readonly state: 'blank'; readonly typed: string; readonly label: null; readonly position: 0 }
  | { readonly state: 'unknown'; readonly typed: string; readonly label: null; readonly position: 0 };

export const NOT_SET = 'Not set';
export const NOT_A_QUARTER = 'Not a quarter of the plan: ';

/** Excel's TRIM: only the space character, ends removed and inner runs cut to one. */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

/** Wildcards make Excel's MATCH find a quarter for "2015/16 Q*"; such text names no one quarter. */
const WILDCARD = /[*?~]/;

export function reportingQuarter(typed: string | undefined, quarters: readonly string[]): ReportingQuarter {
  const raw = typed ?? '';
  const trimmed = excelTrim(raw);
  if (!trimmed) return { state: 'blank', typed: raw, label: null, position: 0 };
  const index = WILDCARD.test(trimmed) ? -1 : quarters.findIndex((q) => q.toUpperCase() === trimmed.toUpperCase());
  if (index < 0) return { state: 'unknown', typed: raw, label: null, position: 0 };
  return { state: 'set', typed: raw, label: quarters[index], position: index + 1 };
}

/** What every sheet, the pane and `bcf track` show for the reporting quarter. */
export function reportingQuarterText(q: ReportingQuarter): string {
  if (q.state === 'set') return q.label;
  if (q.state === 'blank') return NOT_SET;
  return `${NOT_A_QUARTER}${excelTrim(q.typed)}`;
}

/** The financial quarter a day falls in, "2026/27 Q1" for April to June 2026 (the day's local date). */
export function quarterOfDay(day: Date): string {
  const month = day.getMonth(); // 0 is January
  const startYear = month < 3 ? day.getFullYear() - 1 : day.getFullYear();
  const number = month < 3 ? 4 : Math.floor((month - 3) / 3) + 1;
  return `${yearLabel(startYear)} Q${number}`;
}

/**
 * The quarter to offer as the reporting quarter: the one set, else today's, else the plan's
 * nearest to today (its first before it starts, its last after it ends), so a new plan opens on
 * the quarter a finance lead is most likely reporting.
 */
export function suggestedReportingQuarter(
  current: ReportingQuarter,
  quarters: readonly string[],
  today: Date,
): string | undefined {
  if (current.state === 'set') return current.label;
  if (!quarters.length) return undefined;
  const now = quarterOfDay(today);
  // Labels "yyyy/yy Qn" sort as the quarters run.
  return quarters.find((q) => q === now) ?? (now < quarters[0] ? quarters[0] : quarters[quarters.length - 1]);
}
