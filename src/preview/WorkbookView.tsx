import { mergeClasses } from '@fluentui/react-components';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { cellAddress, columnLetter } from '../workbook/a1';
import type { CellStyle } from '../workbook/sheetPlan';
import type { LiveWorkbook } from './liveWorkbook';
import { FormulaBar } from './FormulaBar';
import { useGridStyles } from './gridStyles';
import type { Cell, CellRange } from './gridTypes';
import { formatValue, isNumericFormat } from './numberFormat';
import { SheetTabs } from './SheetTabs';

const MIN_ROWS = 40;
const MIN_COLUMNS = 12;

/**
 * The simulated workbook: sheet tabs, a Name Box and formula bar, and a grid with column letters
 * and row numbers showing each cell's value in its number format. Click or arrow to a cell to see
 * its formula; type, press Enter or F2, or double-click to edit it. Edits go to HyperFormula, which
 * recalculates every dependent formula, as Excel would.
 */
export function WorkbookView({ workbook }: { readonly workbook: LiveWorkbook }) {
  const styles = useGridStyles();
  const grid = useGrid(workbook);
  const { sheet, names, rowCount, columnCount, looks } = grid;
  const columns = Array.from({ length: columnCount }, (_, c) => c);
  const widthOf = (c: number) => {
    const chars = looks?.columnWidths?.[c];
    return chars ? Math.min(360, Math.round(chars * 7 + 12)) : 72;
  };
  return (
    <div className={styles.root}>
      <FormulaBar grid={grid} />
      <div
        className={styles.scroller}
        ref={grid.scroller}
        role="tabpanel"
        id="sheet-panel"
        aria-labelledby={`sheet-tab-${names.indexOf(sheet)}`}
      >
        <table
          className={styles.grid}
          style={{ width: `${44 + columns.reduce((w, c) => w + widthOf(c), 0)}px` }}
          role="grid"
          aria-label={`${sheet} sheet`}
          aria-rowcount={rowCount}
          aria-colcount={columnCount}
          onKeyDown={grid.onGridKey}
          onPaste={grid.onPaste}
          onCopy={grid.onCopy}
        >
          <colgroup>
            <col style={{ width: '44px' }} />
            {columns.map((c) => (
              <col key={c} style={{ width: `${widthOf(c)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row">
              <td className={styles.corner} aria-hidden="true" />
              {columns.map((c) => (
                <th
                  key={c}
                  role="columnheader"
                  scope="col"
                  className={mergeClasses(
                    styles.colHead,
                    c >= grid.range.left && c <= grid.range.right && styles.headActive,
                  )}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rowCount }, (_, r) => (
              <tr key={r} role="row">
                <th
                  role="rowheader"
                  scope="row"
                  className={mergeClasses(
                    styles.rowHead,
                    r >= grid.range.top && r <= grid.range.bottom && styles.headActive,
                  )}
                >
                  {r + 1}
                </th>
                {columns.map((c) => (
                  <GridCell key={c} grid={grid} row={r} column={c} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SheetTabs workbook={workbook} grid={grid} />
    </div>
  );
}

type Grid = ReturnType<typeof useGrid>;

/** The grid's state: which sheet and cell, what is being typed, and the keys that move and edit as in Excel. */
function useGrid(workbook: LiveWorkbook) {
  const { version, names, sheet, setSheet } = useSheets(workbook);
  const [editing, setEditing] = useState<string | undefined>();
  const cells = useSheetCells(workbook, sheet, version);
  const { selection, anchor, range, select, show } = useSelection(cells.rowCount, cells.columnCount);
  useShowAskedCell(workbook, names, setSheet, (cell) => show(cell, cell));
  const { scroller, returnFocus } = useGridFocus(selection, sheet, editing);

  /** From the Name Box: select the range and go back to the grid, as Excel does on Enter. */
  const selectRange = (from: Cell, to: Cell) => {
    returnFocus.current = true;
    show(from, to);
  };
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (editing !== undefined || !text) return;
    e.preventDefault();
    const pasted = workbook.paste(sheet, range.top, range.left, text);
    // Not kept inside the grid drawn now: the paste may run past its last row, and the grid grows to show it.
    show(
      { row: range.top, column: range.left },
      { row: range.top + pasted.rows - 1, column: range.left + pasted.columns - 1 },
      false,
    );
  };
  // Copies what the cells show, tab-separated, as Excel puts a range on the clipboard for other programs.
  const onCopy = (e: ClipboardEvent) => {
    if (editing !== undefined) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', cells.shownBlock(range));
  };
  const commit = (text: string, move: [number, number] = [1, 0], refocusGrid = false) => {
    returnFocus.current = refocusGrid;
    workbook.type(sheet, selection.row, selection.column, text);
    setEditing(undefined);
    select(selection.row + move[0], selection.column + move[1]);
  };
  const cancelEdit = () => {
    returnFocus.current = true;
    setEditing(undefined);
  };
  const showSheet = (name: string) => {
    setSheet(name);
    setEditing(undefined);
  };
  const onGridKey = (e: KeyboardEvent) => {
    if (editing !== undefined) return;
    const { row, column } = selection;
    const move = GRID_MOVES[e.key];
    if (e.key === 'F2') setEditing(cells.contents(row, column));
    else if (e.key === 'Delete' || e.key === 'Backspace') workbook.clear(sheet, range);
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) setEditing(e.key);
    else if (move) select(row + move[0], column + move[1], e.shiftKey && e.key !== 'Enter');
    else return;
    e.preventDefault();
  };
  return {
    sheet,
    names,
    selection,
    anchor,
    range,
    selectRange,
    onPaste,
    onCopy,
    editing,
    setEditing,
    ...cells,
    select,
    commit,
    cancelEdit,
    showSheet,
    onGridKey,
    scroller,
  };
}

/** The selected cell and the range from the anchor (where a Shift+click or Shift+arrow started) to it. */
function useSelection(rowCount: number, columnCount: number) {
  const [selection, setSelection] = useState<Cell>({ row: 0, column: 0 });
  const [anchor, setAnchor] = useState<Cell>({ row: 0, column: 0 });
  const inGrid = ({ row, column }: Cell) => ({
    row: Math.max(0, Math.min(rowCount - 1, row)),
    column: Math.max(0, Math.min(columnCount - 1, column)),
  });
  const select = (row: number, column: number, extend = false) => {
    const cell = inGrid({ row, column });
    setSelection(cell);
    if (!extend) setAnchor(cell);
  };
  const show = (from: Cell, to: Cell, keepInGrid = true) => {
    setAnchor(keepInGrid ? inGrid(from) : from);
    setSelection(keepInGrid ? inGrid(to) : to);
  };
  const range = {
    top: Math.min(anchor.row, selection.row),
    bottom: Math.max(anchor.row, selection.row),
    left: Math.min(anchor.column, selection.column),
    right: Math.max(anchor.column, selection.column),
  };
  return { selection, anchor, range, select, show };
}

// Arrows and Enter move as in Excel; Tab leaves the grid (one stop for the keyboard), so the sheet tabs stay reachable.
const GRID_MOVES: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  Enter: [1, 0],
};

/** The workbook's sheet names (read again at each version) and the sheet shown. */
function useSheets(workbook: LiveWorkbook) {
  const version = useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  // The workbook changes in place: its version, not its identity, says when to read it again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const names = useMemo(() => workbook.sheetNames(), [workbook, version]);
  const [sheet, setSheet] = useState(names[0]);
  const known = useRef(names);

  // When new sheets appear (the pane generated tables), show the first year table, as a person would look.
  useEffect(() => {
    const added = names.filter((n) => !known.current.includes(n));
    known.current = names;
    if (added.length) setSheet(added.find((n) => n.startsWith('BCF ')) ?? added[0]);
    else if (!names.includes(sheet)) setSheet(names[0]);
  }, [names, sheet]);
  return { version, names, sheet, setSheet };
}

/** The shown sheet's cells as the grid reads them, its looks, and how many rows and columns to draw. */
function useSheetCells(workbook: LiveWorkbook, sheet: string, version: number) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read again at each new version, as above
  const snapshot = useMemo(() => workbook.book.snapshot([sheet]).sheets[0], [workbook, sheet, version]);
  const looks = workbook.sheetLooks(sheet);
  const rowCount = Math.max(MIN_ROWS, (snapshot?.values.length ?? 0) + 8);
  const columnCount = Math.max(MIN_COLUMNS, ...(snapshot?.values.map((r) => r.length + 2) ?? [0]));
  const valueAt = (r: number, c: number) => snapshot?.values[r]?.[c] ?? null;
  const formulaAt = (r: number, c: number) => snapshot?.formulas?.[r]?.[c] ?? null;
  const contents = (r: number, c: number) => formulaAt(r, c) ?? (valueAt(r, c) === null ? '' : String(valueAt(r, c)));
  const shownBlock = ({ top, bottom, left, right }: CellRange) =>
    Array.from({ length: bottom - top + 1 }, (_, i) =>
      Array.from({ length: right - left + 1 }, (_, j) =>
        formatValue(valueAt(top + i, left + j), looks?.rows[top + i]?.[left + j]?.format),
      ).join('\t'),
    ).join('\r\n');
  return { rowCount, columnCount, looks, valueAt, formulaAt, contents, shownBlock };
}

/**
 * The pane asked to show a cell (choosing an audit finding): go to its sheet and select it, once per
 * request (state adjusted while rendering, as React advises, rather than in an effect).
 */
function useShowAskedCell(
  workbook: LiveWorkbook,
  names: readonly string[],
  setSheet: (sheet: string) => void,
  setSelection: (selection: Cell) => void,
) {
  const asked = workbook.selection;
  const [shown, setShown] = useState(asked);
  if (asked !== shown) {
    setShown(asked);
    if (asked && names.includes(asked.sheet)) {
      setSheet(asked.sheet);
      setSelection({ row: asked.row, column: asked.column });
    }
  }
}

/** The grid's scroller, and focus on the selected cell while the person works in the grid. */
function useGridFocus(selection: Cell, sheet: string, editing: string | undefined) {
  const scroller = useRef<HTMLDivElement>(null);
  // Set when an edit in the grid ends, so focus returns to the grid and the arrow keys carry on working.
  const returnFocus = useRef(false);
  useEffect(() => {
    // Follow the selection with focus only while the person is working in the grid, never stealing it from the pane.
    if (editing !== undefined || !(returnFocus.current || scroller.current?.contains(document.activeElement))) return;
    returnFocus.current = false;
    scroller.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus({ preventScroll: false });
  }, [selection, sheet, editing]);
  return { scroller, returnFocus };
}

/** One cell: its value in its number format, its style, and the editor while it is being typed into. */
function GridCell({ grid, row: r, column: c }: { readonly grid: Grid; readonly row: number; readonly column: number }) {
  const styles = useGridStyles();
  const { selection, editing } = grid;
  const look = grid.looks?.rows[r]?.[c] ?? null;
  const value = grid.valueAt(r, c);
  const isSelected = r === selection.row && c === selection.column;
  const { range } = grid;
  const inRange = r >= range.top && r <= range.bottom && c >= range.left && c <= range.right;
  const text = formatValue(value, look?.format);
  const numeric = typeof value === 'number' || (isNumericFormat(look?.format) && value !== null);
  // Like Excel, text in a cell whose right-hand neighbours are empty spills over them.
  const spills = typeof value === 'string' && !numeric && grid.valueAt(r, c + 1) === null && look?.style !== 'header';
  return (
    <td
      role="gridcell"
      aria-selected={isSelected}
      aria-label={text ? undefined : `${cellAddress(r, c)} empty`}
      data-address={cellAddress(r, c)}
      tabIndex={isSelected ? 0 : -1}
      title={grid.formulaAt(r, c) ?? undefined}
      className={mergeClasses(
        styles.cell,
        spills && styles.spill,
        numeric && styles.number,
        look?.style && styles[look.style as CellStyle],
        inRange && !isSelected && styles.inRange,
        isSelected && styles.selected,
      )}
      onMouseDown={(e) => {
        if (editing !== undefined && !isSelected) grid.commit(editing, [0, 0]);
        grid.select(r, c, e.shiftKey);
      }}
      onDoubleClick={() => grid.setEditing(grid.contents(r, c))}
    >
      {isSelected && editing !== undefined ? (
        <input
          className={styles.editor}
          aria-label={`Edit cell ${cellAddress(r, c)}`}
          autoFocus
          value={editing}
          onChange={(e) => grid.setEditing(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') grid.commit(editing, [1, 0], true);
            else if (e.key === 'Tab') {
              e.preventDefault();
              grid.commit(editing, [0, e.shiftKey ? -1 : 1], true);
            } else if (e.key === 'Escape') grid.cancelEdit();
          }}
        />
      ) : spills && !look?.style?.match(/^(input|group|warning)$/) ? (
        <span className={styles.spillText}>{text}</span>
      ) : (
        text
      )}
    </td>
  );
}
