import { isYearSheet } from './assumptions/names';
import { SUMMARY_SHEET } from './cards/names';

/**
 * Whether the plan reader (planReader.ts) needs the add-in's sheet of this layout name. The year
 * tables and the cards' summary are calculated from the other sheets and hold nothing a person
 * types; every other sheet, including one this does not recognise, is read.
 */
export function readsPlan(logical: string): boolean {
  return !isYearSheet(logical) && logical.toLowerCase() !== SUMMARY_SHEET.toLowerCase();
}
