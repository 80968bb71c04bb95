import { columnIndex, columnLetter } from '../../workbook/a1';

const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

/**
 * The formula of a cell that shares another cell's formula, as Excel saves filled-down formulas:
 * the first cell's text with every relative reference moved by the distance between the cells
 * ($-anchored parts stay). Text in quotes, quoted sheet names, function names and defined names
 * are left alone; a reference moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      const end = formula.indexOf(']', i);
      out += formula.slice(i, end < 0 ? formula.length : end + 1);
      i = end < 0 ? formula.length : end + 1;
      continue;
    }
    if (!isTokenChar(formula.charCodeAt(i))) {
      out += ch;
      i++;
      continue;
    }
    let end = i;
    while (end < formula.length && isTokenChar(formula.charCodeAt(end))) end++;
    const token = formula.slice(i, end);
    const next = formula[end];
    const previous = formula[i - 1];
    if (next === '(' || next === '!') out += token;
    else if (next === ':' || previous === ':') out += shiftRangeEnd(token, rows, columns, formula, i, end);
    else out += shiftCell(token, rows, columns) ?? token;
    i = end;
  }
  return out;
}

/** Letters, digits, _ . $ and \: what references, names and numbers are made of. */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 46 ||
    code === 36 ||
    code === 92
  );
}

/** The index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

function shiftCell(token: string, rows: number, columns: number): string | undefined {
  const m = CELL.exec(token);
  if (!m) return undefined;
  const column = columnIndex(m[2]) + 1;
  const row = Number(m[4]);
  if (column > MAX_COLUMN || row > MAX_ROW || row < 1) return undefined; // a name such as ABCD1 or LOG10
  const newColumn = m[1] ? column : column + columns;
  const newRow = m[3] ? row : row + rows;
  if (newColumn < 1 || newColumn > MAX_COLUMN || newRow < 1 || newRow > MAX_ROW) return '#REF!';
  return `${m[1]}${columnLetter(newColumn - 1)}${m[3]}${newRow}`;
}

/** One end of a range: a cell (A1:B2), a whole column (A:C) or a whole row (1:3). */
function shiftRangeEnd(
  token: string,
  rows: number,
  columns: number,
  formula: string,
  start: number,
  end: number,
): string {
  const cell = shiftCell(token, rows, columns);
  if (cell !== undefined) return cell;
  // Whole columns and rows only when both ends are of the same kind: "4:5" could be nothing else.
  const other =
    formula[end] === ':'
      ? formula.slice(end + 1).match(/^[A-Za-z0-9$]+/)?.[0]
      : formula.slice(0, start - 1).match(/[A-Za-z0-9$]+$/)?.[0];
  const column = COLUMN.exec(token);
  if (column && other && COLUMN.test(other)) {
    const index = columnIndex(column[2]) + 1;
    const moved = column[1] ? index : index + columns;
    return moved < 1 || moved > MAX_COLUMN ? '#REF!' : `${column[1]}${columnLetter(moved - 1)}`;
  }
  const row = ROW.exec(token);
  if (row && other && ROW.test(other)) {
    const moved = row[1] ? Number(row[2]) : Number(row[2]) + rows;
    return moved < 1 || moved > MAX_ROW ? '#REF!' : `${row[1]}${moved}`;
  }
  return token;
}
