import { useEffect, useState } from 'react';
import { cellAddress, parseAddress } from '../workbook/a1';
import { useGridStyles } from './gridStyles';
import type { Cell, GridControls as Grid } from './gridTypes';

/**
 * The Name Box (type an address or a range, Enter goes there and back to the grid, as in Excel)
 * and the formula bar (the selected cell's formula, editable).
 */
export function FormulaBar({ grid }: { readonly grid: Grid }) {
  const styles = useGridStyles();
  const { sheet, selection, anchor } = grid;
  const active = cellAddress(selection.row, selection.column);
  const corner = cellAddress(anchor.row, anchor.column);
  const address = corner === active ? active : rangeAddress(anchor, selection);
  const [bar, setBar] = useState('');
  const shown = grid.contents(selection.row, selection.column);
  useEffect(() => setBar(shown), [shown, active, sheet]);
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
            const [from, to = from] = e.currentTarget.value.trim().toUpperCase().split(':').map(parseAddress);
            grid.selectRange(from, to);
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

function rangeAddress(a: Cell, b: Cell): string {
  const top = cellAddress(Math.min(a.row, b.row), Math.min(a.column, b.column));
  return `${top}:${cellAddress(Math.max(a.row, b.row), Math.max(a.column, b.column))}`;
}
