'use strict';
/**
 * The generic formula-parity comparison: every formula cell of every sheet a WorkbookPlan describes
 * must calculate, in an independent spreadsheet engine, to the `result` the layout computed in
 * decimal.js (the value cached in the files we write). Literal cells are checked too, so a writer
 * that drops or mangles an input shows up. It knows nothing about particular sheets: new sheets in
 * workbookLayout (Benefit Cards, pool reconciliation...) are covered as soon as they appear.
 *
 * Shared by test/formulaParity.test.ts (HyperFormula) and scripts/libreoffice-check.js (LibreOffice).
 */

const { figureDifference: difference, MONEY_TOLERANCE, SHARE_TOLERANCE } = require('./figures');

function columnLetter(index) {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function address(sheet, row, column) {
  return `${sheet}!${columnLetter(column)}${row + 1}`;
}

function show(value) {
  return value === undefined ? '(nothing)' : JSON.stringify(value);
}

/**
 * @param workbookPlan  what workbookLayout returned
 * @param read          (sheetName, row, column) => { value, error?: string, isFormula?: boolean },
 *                      or undefined when the engine has no such sheet
 * @returns {{formulas: number, literals: number, failures: {where: string, message: string}[]}}
 */
function compareWithCachedResults(workbookPlan, read) {
  const failures = [];
  let formulas = 0;
  let literals = 0;
  for (const sheet of workbookPlan.sheets) {
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const isFormula = typeof cell.formula === 'string';
        if (!isFormula && (cell.value === undefined || cell.value === null)) return; // a formatted blank
        const where = address(sheet.name, r, c);
        const got = read(sheet.name, r, c);
        if (got === undefined) {
          failures.push({ where, message: `sheet "${sheet.name}" is missing` });
          return;
        }
        const expected = isFormula ? cell.result : cell.value;
        if (isFormula) formulas += 1;
        else literals += 1;
        if (got.error) {
          failures.push({
            where,
            message: `shows the error ${got.error}; expected ${show(expected)}${isFormula ? ` from ${cell.formula}` : ''}`,
          });
          return;
        }
        if (isFormula && got.isFormula === false) {
          failures.push({
            where,
            message: `is not a formula in the engine (value ${show(got.value)}); the layout wrote ${cell.formula}`,
          });
          return;
        }
        const why = difference(expected, got.value, cell.format);
        if (why) {
          failures.push({
            where,
            message: `${why}: engine ${show(got.value)}, decimal.js ${show(expected)}${isFormula ? ` (${cell.formula})` : ' (literal)'}`,
          });
        }
      });
    });
  }
  return { formulas, literals, failures };
}

/**
 * Cells whose cached result differs between two layouts: the cells that a workbook built from
 * `before` and then edited holds stale, which the engine must recalculate. A sheet whose formulas
 * differ between the two (its shape depends on the edited inputs, e.g. a list of pool schemes) can't
 * be recalculated into the new layout by any engine; it is returned in `reshaped` instead.
 */
function staleCells(before, after) {
  const stale = [];
  const reshaped = [];
  for (const sheet of after.sheets) {
    const old = before.sheets.find((s) => s.name === sheet.name);
    if (!old) {
      reshaped.push(sheet.name);
      continue;
    }
    const here = [];
    let same = old.rows.length === sheet.rows.length;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const was = old.rows[r] && old.rows[r][c];
        if (((cell && cell.formula) || undefined) !== ((was && was.formula) || undefined)) same = false;
        else if (cell && cell.formula && difference(cell.result, was.result, cell.format))
          here.push(address(sheet.name, r, c));
      });
    });
    if (same) stale.push(...here);
    else reshaped.push(sheet.name);
  }
  return { stale, reshaped };
}

module.exports = {
  compareWithCachedResults,
  staleCells,
  columnLetter,
  address,
  difference,
  MONEY_TOLERANCE,
  SHARE_TOLERANCE,
};
