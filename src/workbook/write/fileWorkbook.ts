import { SHEET } from '../families/assumptions/names';
import { logicalSnapshot, PENDING_SHEET, readRegistry, REGISTRY_SHEET, type Registry } from '../ownership';
import type { WorkbookPlan } from '../sheetPlan';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { EVERY_SHEET } from '../host';
import { planWorkbookWrite, sheetsToRead } from './workbookWrite';
import type { WriteState } from './writeState';

/**
 * The file route's side of the one write path. A file is written whole, so a build is the plan Excel
 * would write into a new workbook: placed, with the registry that lets the file find its own sheets
 * after a person renames one in Excel or LibreOffice (both rewrite the registry's formula pointing
 * at the sheet). And a file is read as Excel's read gives a workbook: the add-in's sheets under their
 * layout names, a person's own as they are.
 */
const NO_REGISTRY: Registry = { found: false, sheets: [], tables: new Map(), names: new Map(), pending: [] };

const NEW_WORKBOOK: WriteState = {
  inventory: { sheets: [], tables: [], names: [] },
  registry: NO_REGISTRY,
  names: new Map(),
  charts: [],
};

/** What a new workbook holds once `plan` is written to it: every sheet, name and the registry. */
export function fileWorkbook(plan: WorkbookPlan): WorkbookPlan {
  return planWorkbookWrite(plan, NEW_WORKBOOK, []).placement.plan;
}

/** The registry a file holds, checked against its sheets (tables and names a file reader can't list are left out). */
export function fileRegistry(snapshot: WorkbookSnapshot): Pick<WriteState, 'inventory' | 'registry'> {
  const inventory = { sheets: snapshot.sheets.map((s) => s.name), tables: [], names: [] };
  const title = findSheet(snapshot, SHEET.assumptions)?.values[0]?.[0];
  const registry = readRegistry(inventory, findSheet(snapshot, REGISTRY_SHEET), findSheet(snapshot, PENDING_SHEET), {
    title,
  });
  return { inventory, registry };
}

/** A workbook read from a file as a host reads it: a renamed sheet of the add-in's found by its layout name. */
export function readAsHost(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const state = fileRegistry(snapshot);
  // A file is read whole and cheaply: a person's own sheets stay in, as EVERY_SHEET gives them in a host.
  const wanted = sheetsToRead(state, EVERY_SHEET).map((name) => findSheet(snapshot, name)!);
  return logicalSnapshot({ ...snapshot, sheets: wanted }, state.registry);
}
