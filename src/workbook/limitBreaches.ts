import { EXCEL_LIMITS, SHEET_NAME_FORBIDDEN, XML_UNSAFE_CHARS } from '../domain/excelLimits';
import { cellAddress } from './a1';
import type { CellPlan, SheetPlan, WorkbookPlan } from './sheetPlan';

/** A defined or table name Excel accepts: a letter, _ or \ first, then letters, digits, _ and . */
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
/** Names Excel reads as a cell (A1, XFD1048576) or an R1C1 reference, which it refuses as names. */
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

/**
 * Everything in a workbook plan that Excel would refuse or damage, by Excel's limits
 * (domain/excelLimits.ts): formulas over 8,192 characters, cell text over 32,767 or with characters
 * XML can't carry, sheet names too long, unusable or repeated, list validations whose source passes
 * 255 characters, defined names and table names that are invalid or collide (they share one
 * namespace), name comments over 255 characters, cells beyond the grid. Empty when it all fits.
 */
export function limitBreaches(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  const sheetNames = new Set<string>();
  for (const sheet of plan.sheets) {
    const key = sheet.name.toLowerCase();
    if (sheetNames.has(key)) out.push(`sheet "${sheet.name}" appears twice (sheet names ignore case)`);
    sheetNames.add(key);
    out.push(...sheetBreaches(sheet));
  }
  const names = new Map<string, string>();
  const claim = (name: string, what: string) => {
    if (!NAME.test(name) || CELL_LIKE.test(name) || name.length > EXCEL_LIMITS.definedName)
      out.push(`${what} "${name}" is not a name Excel accepts`);
    const clash = names.get(name.toLowerCase());
    if (clash)
      out.push(`${what} "${name}" has the same name as ${clash} (tables and defined names share one namespace)`);
    names.set(name.toLowerCase(), `${what} "${name}"`);
  };
  for (const name of plan.names) {
    claim(name.name, 'defined name');
    if (name.comment.length > EXCEL_LIMITS.nameComment)
      out.push(
        `defined name ${name.name}: its comment is ${name.comment.length} characters (at most ${EXCEL_LIMITS.nameComment})`,
      );
    if (!sheetNames.has(name.sheet.toLowerCase()))
      out.push(`defined name ${name.name} refers to sheet "${name.sheet}", which the plan does not write`);
  }
  for (const sheet of plan.sheets) for (const table of sheet.tables ?? []) claim(table.name, `table on ${sheet.name}`);
  return out;
}

function sheetBreaches(sheet: SheetPlan): string[] {
  const out: string[] = [];
  const name = sheet.name;
  if (
    !name.trim() ||
    name.length > EXCEL_LIMITS.sheetName ||
    new RegExp(SHEET_NAME_FORBIDDEN.source).test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === 'history'
  ) {
    out.push(
      `sheet name "${name}" is not one Excel accepts (1 to ${EXCEL_LIMITS.sheetName} characters, none of : \\ / ? * [ ], no apostrophe at either end, not "History")`,
    );
  }
  if (sheet.rows.length > EXCEL_LIMITS.rows)
    out.push(`${name}: ${sheet.rows.length} rows (at most ${EXCEL_LIMITS.rows})`);
  sheet.rows.forEach((row, r) => {
    if (row.length > EXCEL_LIMITS.columns)
      out.push(`${name} row ${r + 1}: ${row.length} columns (at most ${EXCEL_LIMITS.columns})`);
    row.forEach((cell, c) => {
      if (cell) out.push(...cellBreaches(cell).map((b) => `${name}!${cellAddress(r, c)}: ${b}`));
    });
  });
  for (const v of sheet.validations ?? []) {
    if (v.kind !== 'list' || v.source) continue;
    const source = (v.list ?? []).join(',');
    if (source.length > EXCEL_LIMITS.listValidationSource)
      out.push(
        `${name}!${v.range}: a list validation of ${source.length} characters (at most ${EXCEL_LIMITS.listValidationSource}; take a longer list from a range)`,
      );
  }
  for (const chart of sheet.charts ?? [])
    out.push(...textBreaches(chart.title).map((b) => `${name} chart "${chart.title.slice(0, 30)}": ${b}`));
  return out;
}

function cellBreaches(cell: CellPlan): string[] {
  const out: string[] = [];
  if (cell.formula !== undefined) {
    if (cell.formula.length > EXCEL_LIMITS.formula)
      out.push(`a formula of ${cell.formula.length} characters (at most ${EXCEL_LIMITS.formula})`);
    out.push(...xmlBreaches(cell.formula, 'its formula'));
  }
  for (const v of [cell.value, cell.result]) if (typeof v === 'string') out.push(...textBreaches(v));
  return out;
}

function textBreaches(text: string): string[] {
  const out = xmlBreaches(text, 'its text');
  if (text.length > EXCEL_LIMITS.cellText)
    out.push(`text of ${text.length} characters (at most ${EXCEL_LIMITS.cellText})`);
  return out;
}

function xmlBreaches(text: string, what: string): string[] {
  const bad = text.match(new RegExp(XML_UNSAFE_CHARS.source, 'g'));
  return bad
    ? [
        `${what} holds characters XML can't carry (${[...new Set(bad)].map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ')})`,
      ]
    : [];
}
