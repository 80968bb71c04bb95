/**
 * Excel's limits, in one place: layouts, writers, readers and the plan schema check against these,
 * so a workbook we write opens in every Excel (desktop, web, Mac) and in LibreOffice.
 * Sources: Microsoft's "Excel specifications and limits" and the Office Add-ins resource limits.
 */
export const EXCEL_LIMITS = {
  /** Rows and columns of a worksheet (A1:XFD1048576). */
  rows: 1_048_576,
  columns: 16_384,
  /** Characters in a cell's text. */
  cellText: 32_767,
  /** Characters in a formula. */
  formula: 8_192,
  /** Characters in a sheet name (and none of : \ / ? * [ ]). */
  sheetName: 31,
  /** Characters in a defined name, and in its comment. */
  definedName: 255,
  nameComment: 255,
  /** Characters of an in-cell list validation's source ("a,b,c"); longer lists come from a range. */
  listValidationSource: 255,
  /** Excel on the web refuses an Office.js request or response larger than this (bytes). */
  requestBytes: 5_000_000,
} as const;

/** Characters XML 1.0 can't carry (control characters other than tab, LF, CR; unpaired surrogates; U+FFFE, U+FFFF). */
export const XML_UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters a sheet name can't hold. */
export const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/g;

/** Text cut to `limit` characters, ending "…" when cut: for labels and comments built from longer text, never for what a person typed. */
export function fitText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // Don't leave half of a surrogate pair (an emoji) at the cut.
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
  return `${text.slice(0, cut)}…`;
}
