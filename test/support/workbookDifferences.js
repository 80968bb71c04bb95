'use strict';
/**
 * What differs between two states of the recording double (officeRecorder.js's FakeWorkbook):
 * cells (values, formulas, the typed-text apostrophe), number formats, charts, frozen panes, tab
 * colour, visibility, the tables on each sheet, and defined names. Compared field by field rather
 * than through dump(): at 1,000 schemes with cards the double holds 700,000 cells, and the failure
 * check compares them after every failed request.
 *
 *   bookDifferences(before, after, { only })  -> ['sheet "Schemes": cell 4,6 ...', ...]
 *   leftovers(before, after, isBookkeeping)    -> sheets and names the command added, other than bookkeeping
 */

function cellText(cell) {
  return cell === undefined ? 'empty' : JSON.stringify(cell);
}

function sameCell(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => a[k] === b[k]);
}

/** The first difference between two maps of cells (or formats), by key, or undefined. */
function mapDifference(a, b, same, show) {
  for (const [key, value] of a) {
    if (!same(value, b.get(key))) return `${key}: ${show(value)} -> ${show(b.get(key))}`;
  }
  for (const [key, value] of b) if (!a.has(key)) return `${key}: empty -> ${show(value)}`;
  return undefined;
}

function tablesOn(book, sheetName) {
  const key = sheetName.toLowerCase();
  return JSON.stringify(
    [...book.tables.values()]
      .filter((t) => t.sheet.toLowerCase() === key)
      .map((t) => [t.name, t.address])
      .sort(),
  );
}

/** Everything but the cells and formats of one sheet, as text. */
function sheetLooks(sheet, chartNames) {
  const charts = chartNames ? sheet.charts : sheet.charts.map((c) => c.type);
  return JSON.stringify([sheet.name, charts, sheet.freeze, sheet.tabColor, sheet.visibility, sheet.block]);
}

function sheetDifferences(before, after, key, chartNames) {
  const a = before.sheets.get(key);
  const b = after.sheets.get(key);
  const label = `sheet "${a ? a.name : b.name}"`;
  if (!b) return [`${label} is gone`];
  if (!a) return [`${label} is new`];
  const out = [];
  const cells = mapDifference(a.cells, b.cells, sameCell, cellText);
  if (cells) out.push(`${label}: cell ${cells}`);
  const formats = mapDifference(a.formats, b.formats, (x, y) => x === y, String);
  if (formats) out.push(`${label}: format ${formats}`);
  const looks = [sheetLooks(a, chartNames), sheetLooks(b, chartNames)];
  if (looks[0] !== looks[1]) out.push(`${label}: ${looks[0]} -> ${looks[1]}`);
  const tables = [tablesOn(before, a.name), tablesOn(after, b.name)];
  if (tables[0] !== tables[1]) out.push(`${label}: tables ${tables[0]} -> ${tables[1]}`);
  return out;
}

function nameText(name) {
  return name ? JSON.stringify([name.name, name.formula, name.comment || '']) : 'none';
}

/**
 * Differences from `before` to `after`: of the sheets keyed in `only` (lower-case names, as the
 * double keys them) and the names that existed before, or, without `only`, of every sheet and name
 * either holds. `chartNames: false` compares charts by type only (the host names them in the order
 * they are made).
 */
function bookDifferences(before, after, { only, chartNames = true } = {}) {
  const keys = only ? [...only] : [...new Set([...before.sheets.keys(), ...after.sheets.keys()])];
  const out = keys.flatMap((key) => sheetDifferences(before, after, key, chartNames));
  const names = only ? [...before.names.keys()] : [...new Set([...before.names.keys(), ...after.names.keys()])];
  for (const key of names) {
    const [a, b] = [nameText(before.names.get(key)), nameText(after.names.get(key))];
    if (a !== b) out.push(`name ${a} -> ${b}`);
  }
  return out;
}

/** Sheets and defined names in `after` that `before` did not have, other than the add-in's bookkeeping. */
function leftovers(before, after, isBookkeeping) {
  return [
    ...[...after.sheets.values()]
      .filter((s) => !before.sheets.has(s.name.toLowerCase()) && !isBookkeeping(s.name))
      .map((s) => `sheet "${s.name}"`),
    ...[...after.names.values()].filter((n) => !before.names.has(n.name.toLowerCase())).map((n) => `name ${n.name}`),
  ];
}

module.exports = { bookDifferences, leftovers };
