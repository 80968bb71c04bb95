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
