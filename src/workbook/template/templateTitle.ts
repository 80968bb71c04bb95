import { rowWidth, textAt, yearOfText } from './cellReading';
import type { WorkbookSnapshot } from '../snapshot';

/**
 * What the template's cover says about the whole workbook: the Health and Wellbeing Board, and
 * the year its title names ("Better Care Fund 2021-22 Template"), which a single unlabelled
 * "Expenditure (£)" column is for.
 */
const TITLE = /better care fund|\bbcf\b/i;
const BOARD = /health (and|&) ?well-?being board|^hwb\b|^hwb name/i;
const SEARCH_ROWS = 40;

export function titleYear(snapshot: WorkbookSnapshot): string | undefined {
  for (const sheet of snapshot.sheets)
    for (let r = 0; r < Math.min(sheet.values.length, SEARCH_ROWS); r++)
      for (let c = 0; c < rowWidth(sheet, r); c++) {
        const text = textAt(sheet, r, c);
        const year = TITLE.test(text) ? yearOfText(text) : undefined;
        if (year) return year;
      }
  return undefined;
}

/** The board named beside "Health and Wellbeing Board:" on any sheet (the cover first, as it comes first). */
export function boardName(snapshot: WorkbookSnapshot): string | undefined {
  for (const sheet of snapshot.sheets)
    for (let r = 0; r < Math.min(sheet.values.length, SEARCH_ROWS); r++)
      for (let c = 0; c < rowWidth(sheet, r); c++) {
        if (!BOARD.test(textAt(sheet, r, c))) continue;
        for (let n = c + 1; n < rowWidth(sheet, r); n++) {
          const name = textAt(sheet, r, n);
          if (name && !/^please select|^select/i.test(name)) return name;
        }
      }
  return undefined;
}
