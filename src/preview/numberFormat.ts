import Decimal from 'decimal.js';
import { Money } from '../domain/money';
import type { Scalar } from '../workbook/sheetPlan';

/**
 * Shows a cell's value the way Excel does for the number formats the layouts write
 * ('"£"#,##0;-"£"#,##0', '0.00%', '#,##0', '@'): sections for positive;negative;zero, quoted
 * literals, thousands separators, decimal places and percentages. Rounding is half-up on the
 * decimal value, the same rule as the add-in's own figures, so £1,544,010.9999999 shows £1,544,011.
 */
export function formatValue(value: Scalar, format?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === 'General' || format === '@') return general(value);
  const sections = splitSections(format);
  if (value < 0 && sections[1] !== undefined) return applySection(-value, sections[1], false);
  if (value === 0 && sections[2] !== undefined) return applySection(0, sections[2], false);
  return applySection(value, sections[0], value < 0);
}

export function isNumericFormat(format?: string): boolean {
  return !!format && format !== '@' && format !== 'General';
}

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function applySection(value: number, section: string, minus: boolean): string {
  const pattern = /[#0,.]+/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  const percent = /%/.test(section.replace(/"[^"]*"/g, ''));
  if (!pattern) return literal(section);
  const spec = pattern[0];
  const decimals = spec.includes('.') ? spec.split('.')[1].replace(/[^0#]/g, '').length : 0;
  const scaled = new Money(String(value)).times(percent ? 100 : 1).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const digits = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: spec.includes(',') }).format(scaled.abs().toNumber());
  const before = literal(section.slice(0, pattern.index));
  const after = literal(section.slice(pattern.index + spec.length));
  return `${minus && !scaled.isZero() ? '-' : ''}${before}${digits}${after}`;
}

/** The literal parts of a format section: quoted text, escaped characters and symbols such as £ or %. */
function literal(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)|_.|\*./g, (_, quoted: string | undefined, escaped: string | undefined) => quoted ?? escaped ?? '');
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
  return { value: text };
}
