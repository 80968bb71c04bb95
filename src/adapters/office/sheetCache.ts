import { REGISTRY_SHEET, sheetOfLocator, STAMP_COLUMN, isBookkeeping } from '../../workbook/ownership';
import type { SheetPlan } from '../../workbook/sheetPlan';
import { plannedSnapshot, type SheetSnapshot } from '../../workbook/snapshot';
import type { WorkbookState } from './workbookRead';

/**
 * What the add-in's sheets held at the end of the pane's last command, each with its content stamp
 * then (src/workbook/sheetStamp.ts). A command's first request reads every stamp with the registry;
 * a sheet whose stamp is unchanged is taken from here instead of being read again. So a refresh of
 * a plan with a card sheet per scheme reads what changed, not every card.
 *
 * Knowledge is only kept when it is sure: a sheet is forgotten when its stamp changed between the
 * command's first request and its last (someone typed in it meanwhile), when the last request found
 * a co-author's entry under a cell it overwrote, or when its stamp is not a number (an error cell).
 * Written sheets are remembered as written: the plan's cells, as Excel stores them.
 */
export class SheetCache {
  private readonly known = new Map<string, { snapshot: SheetSnapshot; stamp: number }>();

  forget(sheet: string): void {
    this.known.delete(sheet.toLowerCase());
  }

  has(sheet: string): boolean {
    return this.known.has(sheet.toLowerCase());
  }

  /** Every sheet known for sure, with its stamp. */
  entries(): { name: string; snapshot: SheetSnapshot; stamp: number }[] {
    return [...this.known.values()].map(({ snapshot, stamp }) => ({ name: snapshot.name, snapshot, stamp }));
  }

  /** The named sheets whose stamp in the registry just read is the one remembered with them. */
  unchanged(state: WorkbookState, names: readonly string[]): Map<string, SheetSnapshot> {
    const stamps = stampsNow(state);
    const out = new Map<string, SheetSnapshot>();
    for (const name of names) {
      const key = name.toLowerCase();
      const known = this.known.get(key);
      if (known && stamps.get(key) === known.stamp) out.set(key, known.snapshot);
    }
    return out;
  }

  /** Sheets just read, with the stamps of the command's first request (read no later than they were). */
  rememberRead(state: WorkbookState, sheets: readonly SheetSnapshot[]): void {
    const stamps = stampsNow(state);
    for (const sheet of sheets) this.set(sheet.name, sheet, stamps.get(sheet.name.toLowerCase()));
  }

  /**
   * Queues, in the command's last request and before its writes, a read of the stamps as they are
   * then; `after` queues the read after its writes. `settle` then updates what is known.
   */
  queueStamps(context: Excel.RequestContext, state: WorkbookState) {
    const before = state.registrySheet ? stampRange(context, state.registrySheet.values.length) : undefined;
    let after: Excel.Range | undefined;
    return {
      after: (registryPlan: SheetPlan) => {
        after = stampRange(context, registryPlan.rows.length);
      },
      settle: (written: readonly SheetPlan[], registryPlan: SheetPlan, edited: ReadonlySet<string>) => {
        const then = stampsNow(state);
        const rows = before && state.registrySheet ? stampsAt(state.registrySheet.formulas, before.values) : new Map();
        const now = after ? stampsAt(formulasOf(registryPlan), after.values) : new Map<string, number | undefined>();
        const plans = new Map(written.map((s) => [s.name.toLowerCase(), s]));
        for (const [key, stamp] of now) {
          const plan = plans.get(key);
          const changedMeanwhile = rows.get(key) !== then.get(key);
          if (changedMeanwhile || edited.has(key)) this.known.delete(key);
          else if (plan) this.set(plan.name, plannedSnapshot(plan), stamp);
          else {
            const known = this.known.get(key);
            if (known) this.set(known.snapshot.name, known.snapshot, stamp);
          }
        }
      },
    };
  }

  private set(name: string, snapshot: SheetSnapshot, stamp: number | undefined): void {
    const key = name.toLowerCase();
    if (isBookkeeping(name) || stamp === undefined) this.known.delete(key);
    else this.known.set(key, { snapshot, stamp });
  }
}

function stampRange(context: Excel.RequestContext, rows: number): Excel.Range {
  return context.workbook.worksheets
    .getItem(REGISTRY_SHEET)
    .getRangeByIndexes(0, STAMP_COLUMN, Math.max(rows, 1), 1)
    .load('values');
}

/** Lower-case sheet name -> stamp, from the registry as the command's first request read it. */
function stampsNow(state: WorkbookState): Map<string, number | undefined> {
  return new Map(state.registry.sheets.map((s) => [s.actual.toLowerCase(), s.stamp]));
}

/** Lower-case sheet name -> stamp, from the registry's locator formulas and a column of stamp values. */
function stampsAt(
  formulas: readonly (readonly (string | null)[])[] | undefined,
  values: readonly unknown[][],
): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  (formulas ?? []).forEach((row, r) => {
    const sheet = sheetOfLocator(row[2] ?? null);
    const value = values[r]?.[0];
    if (sheet) out.set(sheet.toLowerCase(), typeof value === 'number' ? value : undefined);
  });
  return out;
}

function formulasOf(plan: SheetPlan): (string | null)[][] {
  return plan.rows.map((row) => row.map((cell) => cell?.formula ?? null));
}
