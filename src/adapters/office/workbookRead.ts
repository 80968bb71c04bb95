import { positionOf } from '../../workbook/a1';
import { readRegistry, PENDING_SHEET, REGISTRY_SHEET, type Inventory, type Registry } from '../../workbook/ownership';
import { SHEET } from '../../workbook/families/assumptions/names';
import type { Scalar } from '../../workbook/sheetPlan';
import type { SheetSnapshot } from '../../workbook/snapshot';
import { queueHiddenRows } from './hiddenRows';

/**
 * Reading a workbook through Office.js without asking for more than the host will answer: the
 * command's first request learns what exists and what the add-in owns (a few KB whatever else is
 * in the workbook); the owned sheets are then read in requests sized by bytes, and a request the
 * host refuses as too large (5104) is asked again in halves.
 */
export interface WorkbookState {
  readonly inventory: Inventory;
  readonly registry: Registry;
  /** Defined names as they are, so unchanged ones are not written again. */
  readonly names: ReadonlyMap<string, { readonly formula: string; readonly comment: string }>;
  readonly charts: readonly { readonly name: string; readonly sheet: string }[];
  /** Response bytes each owned sheet took when last written (from the registry), to size reads. */
  readonly sizes: ReadonlyMap<string, number>;
  readonly registrySheet?: SheetSnapshot;
  readonly pendingSheet?: SheetSnapshot;
  /** Sheets read in the same request, on the guess that they are still the add-in's (lower-case name ->). */
  readonly prefetched: ReadonlyMap<string, SheetSnapshot>;
}

/** What the previous command found: the sheets to read with the next command's first request. */
export interface Guess {
  readonly sheets: readonly string[];
  readonly sizes: ReadonlyMap<string, number>;
}

/** The most a read request asks for; Excel on the web refuses responses over 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4_000_000;
/** A sheet with no recorded size is read alone first; if refused, in bands of this many rows. */
const FIRST_BAND_ROWS = 2000;

/**
 * The command's first request. With a guess (the sheets the add-in owned at its last command, when
 * they fit in one response), their contents come in the same request, saving a round trip; whatever
 * the registry now says, only the sheets it lists are used.
 */
export async function readState(
  context: Excel.RequestContext,
  guess?: Guess,
  budget = DEFAULT_MAX_RESPONSE_BYTES,
): Promise<WorkbookState> {
  const bytes = guess ? guess.sheets.reduce((a, s) => a + (guess.sizes.get(s.toLowerCase()) ?? budget), 0) : 0;
  if (guess && guess.sheets.length && bytes <= budget) {
    try {
      return await readStateWith(context, guess.sheets);
    } catch (error) {
      if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
    }
  }
  return readStateWith(context, []);
}

async function readStateWith(context: Excel.RequestContext, guessed: readonly string[]): Promise<WorkbookState> {
  const workbook = context.workbook;
  // The registry's content stamps are live formulas: with calculation set to manual they would still
  // describe the sheets before people's last edits, and a changed sheet would pass for unchanged.
  context.application.calculate('Recalculate' as Excel.CalculationType);
  const early = guessed.map((name) =>
    workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true).load('address,values,formulas'),
  );
  const sheets = workbook.worksheets.load('items/name,items/charts/items/name');
  const tables = workbook.tables.load('items/name,items/worksheet/name');
  const names = workbook.names.load('items/name,items/formula,items/comment');
  // Null objects, so a workbook without them costs no error and no extra round trip.
  const registry = workbook.worksheets
    .getItemOrNullObject(REGISTRY_SHEET)
    .getUsedRangeOrNullObject(true)
    .load('address,values,formulas');
  const pending = workbook.worksheets
    .getItemOrNullObject(PENDING_SHEET)
    .getUsedRangeOrNullObject(true)
    .load('address,values,formulas');
  const title = workbook.worksheets.getItemOrNullObject(SHEET.assumptions).getRange('A1').load('values');
  await context.sync();
  const inventory: Inventory = {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names: names.items.map((n) => n.name),
  };
  const registrySheet = registry.isNullObject
    ? undefined
    : snapshotOf(REGISTRY_SHEET, [{ address: registry.address, values: registry.values, formulas: registry.formulas }]);
  const pendingSheet = pending.isNullObject
    ? undefined
    : snapshotOf(PENDING_SHEET, [{ address: pending.address, values: pending.values, formulas: pending.formulas }]);
  const owned = readRegistry(inventory, registrySheet, pendingSheet, {
    title: title.isNullObject ? undefined : title.values?.[0]?.[0],
  });
  releaseReferences(context);
  const sizes = new Map(owned.sheets.filter((s) => s.bytes).map((s) => [s.actual.toLowerCase(), s.bytes!]));
  return {
    inventory,
    registry: owned,
    names: new Map(names.items.map((n) => [n.name.toLowerCase(), { formula: n.formula, comment: n.comment ?? '' }])),
    charts: sheets.items.flatMap((s) => s.charts.items.map((c) => ({ name: c.name, sheet: s.name }))),
    sizes,
    registrySheet,
    pendingSheet,
    prefetched: new Map(
      guessed.flatMap((name, i) =>
        early[i].isNullObject
          ? []
          : [
              [
                name.toLowerCase(),
                snapshotOf(name, [{ address: early[i].address, values: early[i].values, formulas: early[i].formulas }]),
              ] as const,
            ],
      ),
    ),
  };
}

interface Piece {
  readonly sheet: string;
  /** Rows from `row` (zero-based), `rows` of them, or to the end of the sheet when undefined. */
  readonly row: number;
  readonly rows?: number;
  readonly bytes: number;
}

interface Read {
  readonly address: string;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
  /** Rows of the sheet (zero-based) hidden in this piece, where asked for and known. */
  readonly hidden?: readonly number[];
}

/**
 * Values and formulas of the named sheets' used ranges, padded from A1, in requests under `budget`
 * bytes; with the rows hidden in the sheets of `hiddenOf` (lower-case names), asked in the same
 * requests: the audit and the import leave a person's hidden rows out, the add-in's sheets have none.
 */
export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  sizes: ReadonlyMap<string, number>,
  budget = DEFAULT_MAX_RESPONSE_BYTES,
  hiddenOf: ReadonlySet<string> = new Set(),
): Promise<SheetSnapshot[]> {
  const parts = new Map<string, Read[]>(names.map((n) => [n.toLowerCase(), []]));
  let queue: Piece[] = names.map((sheet) => ({ sheet, row: 0, bytes: sizes.get(sheet.toLowerCase()) ?? budget }));
  while (queue.length > 0) {
    const batch: Piece[] = [];
    let bytes = 0;
    while (queue.length > 0 && (batch.length === 0 || bytes + queue[0].bytes <= budget)) {
      bytes += queue[0].bytes;
      batch.push(queue.shift()!);
    }
    const withHidden = batch.map((piece) => hiddenOf.has(piece.sheet.toLowerCase()));
    const ranges = batch.map((piece, i) =>
      pieceRange(context, piece).load(withHidden[i] ? 'address,values,formulas,rowHidden' : 'address,values,formulas'),
    );
    const hidden = ranges.map((range, i) => (withHidden[i] ? queueHiddenRows(range) : () => undefined));
    try {
      // One request per batch of pieces sized by bytes, never one per sheet.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded') throw error;
      queue = [...smaller(batch), ...queue];
      continue;
    }
    batch.forEach((piece, i) => {
      if (!ranges[i].isNullObject)
        parts.get(piece.sheet.toLowerCase())!.push({
          address: ranges[i].address,
          values: ranges[i].values,
          formulas: ranges[i].formulas,
          hidden: hidden[i](),
        });
    });
    releaseReferences(context);
  }
  return names.map((name) => snapshotOf(name, parts.get(name.toLowerCase())!));
}

function pieceRange(context: Excel.RequestContext, piece: Piece): Excel.Range {
  const sheet = context.workbook.worksheets.getItem(piece.sheet);
  if (piece.row === 0 && piece.rows === undefined) return sheet.getUsedRangeOrNullObject(true);
  const last = piece.rows === undefined ? 1048576 : piece.row + piece.rows;
  return sheet.getRange(`${piece.row + 1}:${last}`).getUsedRangeOrNullObject(true);
}

/**
 * What to ask for after a refusal: several pieces are each taken to be twice the size estimated, so
 * fewer go in one request; a single piece is cut into two bands of rows.
 */
function smaller(batch: readonly Piece[]): Piece[] {
  if (batch.length > 1) return batch.map((p) => ({ ...p, bytes: p.bytes * 2 }));
  const piece = batch[0];
  const rows = piece.rows ?? FIRST_BAND_ROWS * 2;
  if (rows < 2) throw new Error(`Row ${piece.row + 1} of sheet ${piece.sheet} is too large for Excel to return.`);
  const half = Math.ceil(rows / 2);
  const bytes = Math.max(1, piece.bytes / 2);
  const tail: Piece =
    piece.rows === undefined
      ? { sheet: piece.sheet, row: piece.row + half, bytes }
      : { sheet: piece.sheet, row: piece.row + half, rows: rows - half, bytes };
  return [{ sheet: piece.sheet, row: piece.row, rows: half, bytes }, tail];
}

/**
 * Excel.run keeps a reference to every object a request made and frees them all in one clean-up
 * request at its end: 4 MB after writing 1,000 card sheets, near the 5 MB limit. Freeing each
 * request's objects once it is answered (as Excel.run itself does at the end) puts the releases in
 * the next request instead. Uses the client's own clean-up list; without it, Excel.run does it all.
 */
export function releaseReferences(context: Excel.RequestContext): void {
  const tracked = context.trackedObjects as unknown as {
    _retrieveAndClearAutoCleanupList?: () => Record<string, OfficeExtension.ClientObject>;
  };
  if (typeof tracked._retrieveAndClearAutoCleanupList !== 'function') return;
  const list = tracked._retrieveAndClearAutoCleanupList();
  for (const key of Object.keys(list)) context.trackedObjects.remove(list[key]);
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code) : undefined;
}

/** A sheet from the pieces read of it, each placed at its own address, from A1. */
export function snapshotOf(name: string, pieces: readonly Read[]): SheetSnapshot {
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const hiddenRows = new Set(pieces.flatMap((piece) => piece.hidden ?? []));
  for (const piece of pieces) {
    const origin = topLeft(piece.address);
    piece.values.forEach((row, r) => {
      const at = origin.row + r;
      for (let i = values.length; i <= at; i++) {
        values.push([]);
        formulas.push([]);
      }
      row.forEach((value, c) => {
        const column = origin.column + c;
        const f = piece.formulas[r]?.[c];
        values[at][column] = toScalar(value);
        // Text the user typed as '=1+1 reads back as "=1+1" in both arrays: only a formula's value differs from its text.
        formulas[at][column] = typeof f === 'string' && f.startsWith('=') && f !== value ? f : null;
      });
    });
  }
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      if (values[r][c] === undefined) values[r][c] = null;
      if (formulas[r][c] === undefined) formulas[r][c] = null;
    }
  }
  return hiddenRows.size
    ? { name, values, formulas, hiddenRows: [...hiddenRows].sort((a, b) => a - b) }
    : { name, values, formulas };
}

/** Excel gives an empty cell as "", the snapshot as null, like the other hosts. */
function toScalar(value: unknown): Scalar {
  if (value === '' || value === undefined) return null;
  return value as Scalar;
}

function topLeft(address: string): { row: number; column: number } {
  return positionOf(address.slice(address.lastIndexOf('!') + 1).split(':')[0]) ?? { row: 0, column: 0 };
}
