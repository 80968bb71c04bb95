import { mergeClasses } from '@fluentui/react-components';
import { useState } from 'react';
import { useGridStyles } from './gridStyles';
import type { LiveWorkbook } from './liveWorkbook';
import type { GridControls as Grid } from './gridTypes';

type Asking = { readonly kind: 'menu' | 'rename' | 'delete'; readonly name: string } | undefined;

/**
 * The sheet tabs along the bottom: click, or arrow between them, to show a sheet; double-click to
 * rename it; right-click (or Shift+F10) for Rename and Delete, as on Excel's tabs.
 */
export function SheetTabs({ workbook, grid }: { readonly workbook: LiveWorkbook; readonly grid: Grid }) {
  const styles = useGridStyles();
  const { names, sheet } = grid;
  const [asking, setAsking] = useState<Asking>();
  const [problem, setProblem] = useState<string>();
  const act = (work: () => void) => {
    try {
      work();
      setAsking(undefined);
      setProblem(undefined);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <div className={styles.tabsArea}>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {names.map((name, i) =>
          asking?.kind === 'rename' && asking.name === name ? (
            <input
              key={name}
              className={styles.tabRename}
              aria-label={`New name for the ${name} sheet`}
              defaultValue={name}
              autoFocus
              onFocus={(e) => e.currentTarget.select()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') act(() => workbook.renameSheet(name, e.currentTarget.value));
                if (e.key === 'Escape') act(() => undefined);
              }}
              onBlur={(e) => act(() => workbook.renameSheet(name, e.currentTarget.value))}
            />
          ) : (
            <button
              key={name}
              id={`sheet-tab-${i}`}
              role="tab"
              aria-selected={name === sheet}
              aria-controls="sheet-panel"
              aria-haspopup="menu"
              tabIndex={name === sheet ? 0 : -1}
              className={mergeClasses(styles.tab, name === sheet && styles.tabActive)}
              style={tabColour(workbook, name)}
              onClick={() => grid.showSheet(name)}
              onDoubleClick={() => setAsking({ kind: 'rename', name })}
              onContextMenu={(e) => {
                e.preventDefault();
                grid.showSheet(name);
                setAsking({ kind: 'menu', name });
              }}
              onKeyDown={(e) => {
                if (e.key === 'F10' && e.shiftKey) return setAsking({ kind: 'menu', name });
                const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
                if (next >= 0 && next < names.length) {
                  grid.showSheet(names[next]);
                  (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
                }
              }}
            >
              {name}
            </button>
          ),
        )}
      </div>
      {asking?.kind === 'menu' && (
        <div className={styles.tabMenu} role="menu" aria-label={`The ${asking.name} sheet`}>
          <button role="menuitem" autoFocus onClick={() => setAsking({ kind: 'rename', name: asking.name })}>
            Rename
          </button>
          <button role="menuitem" onClick={() => setAsking({ kind: 'delete', name: asking.name })}>
            Delete
          </button>
          <button role="menuitem" onClick={() => setAsking(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {asking?.kind === 'delete' && (
        <div className={styles.tabMenu} role="alertdialog" aria-label={`Delete the ${asking.name} sheet`}>
          <span>Delete the {asking.name} sheet and everything on it?</span>
          <button autoFocus onClick={() => act(() => workbook.deleteSheet(asking.name))}>
            Delete
          </button>
          <button onClick={() => setAsking(undefined)}>Keep it</button>
        </div>
      )}
      {problem && (
        <div className={styles.tabProblem} role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

function tabColour(workbook: LiveWorkbook, name: string) {
  const color = workbook.sheetLooks(name)?.tabColor;
  return color ? { borderBottomColor: `#${color}` } : undefined;
}
