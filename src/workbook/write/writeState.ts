import type { Inventory, Registry } from '../ownership';
import type { SheetSnapshot } from '../snapshot';

/** What a host tells the write path about a workbook before a command writes: what exists, and what is the add-in's. */
export interface WriteState {
  readonly inventory: Inventory;
  readonly registry: Registry;
  /** Defined names as they are, so unchanged ones are not written again. */
  readonly names: ReadonlyMap<string, { readonly formula: string; readonly comment: string }>;
  readonly charts: readonly { readonly name: string; readonly sheet: string }[];
  readonly registrySheet?: SheetSnapshot;
  readonly pendingSheet?: SheetSnapshot;
}
