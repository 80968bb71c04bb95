import { format as excelFormat, parseDate } from 'numfmt';
import type { Scalar } from '../workbook/sheetPlan';

/**
 * Shows a cell's value the way Excel does, for any number format a layout writes (pounds, pence,
 * percentages, counts, sections for negative and zero, dates such as dd/mm/yyyy on a date serial),
 * using numfmt, a library that implements Excel's format codes and its rounding. Preview only: the
 * task pane never shows a cell, so numfmt is not in its bundle (scripts/bundle-size.js).
 */
export function formatValue(value: Scalar, format?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return excelFormat(format && format !== '@' ? format : 'General', value, { locale: 'en-GB' });
}

export function isNumericFormat(format?: string): boolean {
  return !!format && format !== '@' && format !== 'General';
}

/** What a person typed into a cell, as Excel would take it: a formula, a number, TRUE/FALSE or text. */
export function parseTyped(text: string): { formula: string } | { value: Scalar } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (t.startsWith('=') && t.length > 1) return { formula: t };
  const number = /^(-)?£?\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*(%)?$/.exec(t);
  if (number && (number[2] || number[4])) {
    const digits = `${number[1] ?? ''}${(number[2] ?? '0').replace(/,/g, '')}${number[4] ?? ''}`;
    const n = Number(digits);
    return { value: number[5] ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(t)) return { value: /^true$/i.test(t) };
  // A date, as a British user types it, becomes Excel's date serial (shown again through the cell's date format).
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const date = parseDate(t, { locale: 'en-GB' });
    if (date) return { value: date.value };
  }
  return { value: text };
}
