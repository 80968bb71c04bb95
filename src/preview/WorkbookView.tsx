import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cellAddress, columnLetter, parseAddress } from '../workbook/a1';
import type { CellStyle } from '../workbook/sheetPlan';
import type { LiveWorkbook } from './liveWorkbook';
import { formatValue, isNumericFormat } from './numberFormat';

const GRID_LINE = '#e1dfdd';
const EXCEL_GREEN = '#107c41';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    flexGrow: 1,
    backgroundColor: '#ffffff',
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  nameBox: {
    width: '88px',
    height: '26px',
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 6px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
  },
  fx: { fontStyle: 'italic', color: tokens.colorNeutralForeground3, fontFamily: 'Georgia, serif', padding: '0 4px' },
  formula: {
    flexGrow: 1,
    height: '26px',
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: '0 8px',
    fontFamily: 'Consolas, "Cascadia Mono", monospace',
    fontSize: tokens.fontSizeBase200,
  },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0, position: 'relative', outline: 'none' },
  grid: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    fontFamily: '"Aptos Narrow", Calibri, "Segoe UI", Arial, sans-serif',
    fontSize: '13px',
    color: '#201f1e',
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 5,
    backgroundColor: '#f3f2f1',
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    width: '44px',
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 4,
    backgroundColor: '#f3f2f1',
    color: '#605e5c',
    fontWeight: 400,
    height: '22px',
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    textAlign: 'center',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 3,
    backgroundColor: '#f3f2f1',
    color: '#605e5c',
    fontWeight: 400,
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    textAlign: 'center',
    width: '44px',
  },
  headActive: { backgroundColor: '#d2d0ce', color: '#201f1e', fontWeight: 600 },
  cell: {
    height: '22px',
    padding: '0 5px',
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'clip',
    cursor: 'cell',
    position: 'relative',
  },
  spill: { overflow: 'visible', zIndex: 1 },
  // Spilled text hides the grid lines it crosses, as in Excel.
  spillText: { backgroundColor: '#ffffff', paddingRight: '2px' },
  number: { textAlign: 'right' },
  selected: {
    outline: `2px solid ${EXCEL_GREEN}`,
    outlineOffset: '-2px',
    zIndex: 2,
    ':focus-visible': { outline: `3px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-3px' },
  },
  editor: {
    position: 'absolute',
    inset: 0,
    width: '100%',
    boxSizing: 'border-box',
    border: `2px solid ${EXCEL_GREEN}`,
    font: 'inherit',
    padding: '0 3px',
    minWidth: '120px',
    zIndex: 2,
  },
  title: { fontWeight: 700, fontSize: '15px', color: '#1f4e79' },
  subtitle: { fontWeight: 600, color: '#1f4e79' },
  header: {
    fontWeight: 600,
    backgroundColor: '#dde7f3',
    color: '#1f3b57',
    borderBottom: '1px solid #9fb6cf',
    whiteSpace: 'normal',
    lineHeight: '16px',
    verticalAlign: 'bottom',
    paddingTop: '3px',
    paddingBottom: '3px',
  },
  group: { fontWeight: 600, backgroundColor: '#f3f2f1' },
  total: { fontWeight: 700, borderTop: '1px solid #605e5c', borderBottom: '3px double #605e5c' },
  input: { backgroundColor: '#eaf3fc', color: '#0b3a66' },
  note: { fontStyle: 'italic', color: '#605e5c' },
  warning: { backgroundColor: '#fff4ce', color: '#8a3707', fontWeight: 600 },
  computed: {},
  tabs: {
    display: 'flex',
    alignItems: 'stretch',
    gap: '2px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `1px solid ${GRID_LINE}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowX: 'auto',
    minHeight: '32px',
  },
  tab: {
    border: 'none',
    borderBottom: '3px solid transparent',
    background: 'transparent',
    padding: '4px 14px',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  tabActive: { backgroundColor: '#ffffff', color: EXCEL_GREEN, fontWeight: 600, boxShadow: tokens.shadow2 },
});

const MIN_ROWS = 40;
const MIN_COLUMNS = 12;

/**
 * The simulated workbook: sheet tabs, a Name Box and formula bar, and a grid with column letters
 * and row numbers showing each cell's value in its number format. Click or arrow to a cell to see
 * its formula; type, press Enter or F2, or double-click to edit it. Edits go to HyperFormula, which
 * recalculates every dependent formula, as Excel would.
 */
export function WorkbookView({ workbook }: { readonly workbook: LiveWorkbook }) {
  const styles = useStyles();
  const grid = useGrid(workbook);
  const { sheet, names, selection, rowCount, columnCount, looks } = grid;
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
                  className={mergeClasses(styles.colHead, c === selection.column && styles.headActive)}
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
                  className={mergeClasses(styles.rowHead, r === selection.row && styles.headActive)}
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
  const [selection, setSelection] = useState({ row: 0, column: 0 });
  const [editing, setEditing] = useState<string | undefined>();
  const cells = useSheetCells(workbook, sheet, version);
  const { rowCount, columnCount } = cells;
  useShowAskedCell(workbook, names, setSheet, setSelection);
  const { scroller, returnFocus } = useGridFocus(selection, sheet, editing);

  const select = (row: number, column: number) =>
    setSelection({
      row: Math.max(0, Math.min(rowCount - 1, row)),
      column: Math.max(0, Math.min(columnCount - 1, column)),
    });
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
    else if (e.key === 'Delete' || e.key === 'Backspace') workbook.type(sheet, row, column, '');
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) setEditing(e.key);
    else if (move) select(row + move[0], column + move[1]);
    else return;
    e.preventDefault();
  };
  return {
    sheet,
    names,
    selection,
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
  return { rowCount, columnCount, looks, valueAt, formulaAt, contents };
}

/**
 * The pane asked to show a cell (choosing an audit finding): go to its sheet and select it, once per
 * request (state adjusted while rendering, as React advises, rather than in an effect).
 */
function useShowAskedCell(
  workbook: LiveWorkbook,
  names: readonly string[],
  setSheet: (sheet: string) => void,
  setSelection: (selection: { row: number; column: number }) => void,
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
function useGridFocus(selection: { row: number; column: number }, sheet: string, editing: string | undefined) {
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

/** The Name Box (type an address to go there) and the formula bar (the selected cell's formula, editable). */
function FormulaBar({ grid }: { readonly grid: Grid }) {
  const styles = useStyles();
  const { sheet, selection } = grid;
  const address = cellAddress(selection.row, selection.column);
  const [bar, setBar] = useState('');
  const shown = grid.contents(selection.row, selection.column);
  useEffect(() => setBar(shown), [shown, address, sheet]);
  return (
    <div className={styles.bar}>
      <input
        className={styles.nameBox}
        aria-label="Name Box"
        defaultValue={address}
        key={`${sheet}!${address}`}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          try {
            const { row, column } = parseAddress(e.currentTarget.value.trim());
            grid.select(row, column);
          } catch {
            e.currentTarget.value = address;
          }
        }}
      />
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <input
        className={styles.formula}
        aria-label="Formula bar"
        value={bar}
        onChange={(e) => setBar(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') grid.commit(bar, [0, 0]);
          if (e.key === 'Escape') setBar(shown);
        }}
      />
    </div>
  );
}

/** One cell: its value in its number format, its style, and the editor while it is being typed into. */
function GridCell({ grid, row: r, column: c }: { readonly grid: Grid; readonly row: number; readonly column: number }) {
  const styles = useStyles();
  const { selection, editing } = grid;
  const look = grid.looks?.rows[r]?.[c] ?? null;
  const value = grid.valueAt(r, c);
  const isSelected = r === selection.row && c === selection.column;
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
        isSelected && styles.selected,
      )}
      onMouseDown={() => {
        if (editing !== undefined && !isSelected) grid.commit(editing, [0, 0]);
        grid.select(r, c);
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

/** The sheet tabs along the bottom: click, or arrow between them, to show a sheet. */
function SheetTabs({ workbook, grid }: { readonly workbook: LiveWorkbook; readonly grid: Grid }) {
  const styles = useStyles();
  const { names, sheet } = grid;
  return (
    <div className={styles.tabs} role="tablist" aria-label="Sheets">
      {names.map((name, i) => {
        const color = workbook.sheetLooks(name)?.tabColor;
        return (
          <button
            key={name}
            id={`sheet-tab-${i}`}
            role="tab"
            aria-selected={name === sheet}
            aria-controls="sheet-panel"
            tabIndex={name === sheet ? 0 : -1}
            className={mergeClasses(styles.tab, name === sheet && styles.tabActive)}
            style={color ? { borderBottomColor: `#${color}` } : undefined}
            onClick={() => grid.showSheet(name)}
            onKeyDown={(e) => {
              const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
              if (next >= 0 && next < names.length) {
                grid.showSheet(names[next]);
                (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
              }
            }}
          >
            {name}
          </button>
        );
      })}
    </div>
  );
}
