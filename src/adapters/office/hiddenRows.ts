/**
 * Which rows of a range a person has hidden (or a filter hides), asked in the same request as the
 * range's cells: no request of its own, and a few bytes, not one answer per row. The caller loads
 * the range with its own properties and `address,rowHidden` in one load (a second load would be a
 * second query of the range); the function returned gives the hidden rows (zero-based rows of the
 * sheet) once the request is answered, or undefined when they can't be told.
 *
 * Two answers of the ExcelApi 1.9 the manifest requires: Range.rowHidden (1.2) says whether all,
 * none or some of the range's rows are hidden; when some are, the range's visible cells
 * (getSpecialCellsOrNullObject("Visible"), 1.9) come as areas whose address names the rows shown,
 * so the hidden rows are the ones no area covers. Range.getRowProperties (1.9) would answer
 * per row, every row of every sheet read, hidden or not; getVisibleView (1.3) sends the visible
 * rows' values a second time.
 */
export function queueHiddenRows(range: Excel.Range): () => number[] | undefined {
  const visible = range.getSpecialCellsOrNullObject('Visible' as Excel.SpecialCellType).load('address');
  return () => {
    if (range.isNullObject) return undefined;
    if (range.rowHidden === false) return [];
    const rows = rowSpan(range.address);
    // Whole columns (a selection of columns): rows past the cells are not worth listing.
    if (!rows || rows.last === WHOLE) return undefined;
    const all = Array.from({ length: rows.last - rows.first + 1 }, (_, i) => rows.first + i);
    if (range.rowHidden === true) return all;
    // Some rows hidden and no cell visible: every column is hidden too, so which rows are can't be told.
    if (visible.isNullObject) return undefined;
    const shown = areasOf(visible.address).map(rowSpan);
    if (shown.some((s) => !s)) return undefined;
    return all.filter((r) => !shown.some((s) => r >= s!.first && r <= s!.last));
  };
}

const WHOLE = Number.MAX_SAFE_INTEGER;

/** "Sheet1!A3:F9" -> rows 2 to 8 (zero-based); "A:F" -> every row; undefined when not an address. */
function rowSpan(address: string | undefined): { first: number; last: number } | undefined {
  if (typeof address !== 'string') return undefined;
  const text = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const m = /^([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/i.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  if (!m[2]) return { first: 0, last: WHOLE };
  const first = Number(m[2]) - 1;
  if (m[3] !== undefined && !m[4]) return undefined;
  return { first, last: m[4] ? Number(m[4]) - 1 : first };
}

/** A RangeAreas address ("Sheet1!A1:F5, Sheet1!A7:F9") as its areas; a comma inside a quoted sheet name is kept. */
function areasOf(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === ',' && !quoted) {
      out.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(address.slice(start).trim());
  return out.filter(Boolean);
}
