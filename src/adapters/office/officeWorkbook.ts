import {
  PLAN_SHEETS,
  type Decision,
  type SheetChoice,
  type Progress,
  type Updated,
  type WorkbookHost,
} from '../../workbook/host';
import { isBookkeeping, logicalSnapshot, REGISTRY_SHEET, STAGING_PREFIX } from '../../workbook/ownership';
import type { Scalar, WorkbookPlan } from '../../workbook/sheetPlan';
import { sheetFingerprint } from '../../workbook/sheetFingerprint';
import { plannedSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';
import type { CellInput } from '../../workbook/write/cellInput';
import type { ExcelApi } from './excelApi';
import { readSelectedRange } from './readSelection';
import { KeptCards, officeDocumentStore, type DocumentStore, type KeptCard } from './keptCards';
import { SheetCache } from './sheetCache';
import { watchWorkbook } from './watchWorkbook';
import { queueStep } from './queueSteps';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  errorCode,
  readSheets,
  readState,
  releaseReferences,
  type Guess,
  type WorkbookState,
} from './workbookRead';
import { LAST_REQUEST_BYTES, type WritePlan } from '../../workbook/write/writePlan';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  logicalOf,
  ownedSheets,
  sheetsToRead,
  planWorkbookWrite,
  readBytes,
} from '../../workbook/write/workbookWrite';
import { nextBatch, type WriteStep } from '../../workbook/write/writeSteps';

export interface OfficeWorkbookOptions {
  /** Largest request the adapter builds, in bytes (DEFAULT_MAX_REQUEST_BYTES, src/workbook/write). */
  readonly maxRequestBytes?: number;
  /** Largest response a read asks for; Excel on the web refuses responses over 5 MB. */
  readonly maxResponseBytes?: number;
  /** Told each command's planned steps before they are sent: for tests comparing hosts' write paths. */
  readonly onWrites?: (writes: WritePlan) => void;
  /** Where the cards are kept for the next pane (keptCards.ts); by default the document's settings, when in Office. */
  readonly store?: DocumentStore;
}

export { DEFAULT_MAX_REQUEST_BYTES };
/** Below this a refused request is not retried smaller: something else is wrong. */
const MIN_REQUEST_BYTES = 16_000;

/**
 * The workbook open in Excel, through Office.js. This folder is the only code that touches `Excel`.
 *
 * A command runs in one `Excel.run`: its first request learns what exists and which sheets, tables
 * and names are the add-in's (the registry, src/workbook/ownership.ts); the next reads those sheets
 * in requests sized by bytes; then it writes only the cells that differ from what the workbook
 * holds. Sheets that existed are changed only in the command's last request, which is kept small:
 * bigger content is first written to new sheets and copied over at the end (writePlan.ts). Nothing
 * a person made (their "Pool" sheet, their tables, their names) is read, written or renamed.
 */
export type { ExcelApi } from './excelApi';

export class OfficeWorkbook implements WorkbookHost {
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;
  private readonly onWrites?: (writes: WritePlan) => void;
  /** The add-in's sheets as the last command found them: read with the next command's first request. */
  private guess?: Guess;
  /** What those sheets held, so unchanged ones are not read again (sheetCache.ts). */
  private readonly cache = new SheetCache();
  /** The cards as this pane knows them, kept in the document for the next pane that opens it. */
  private readonly kept: KeptCards;
  /** While the pane watches: told the sheets each command's last request finds, with their ids. */
  private learnSheets?: (sheets: readonly { id: string; name: string }[]) => void;

  constructor(
    private readonly excel: ExcelApi = defaultExcel(),
    options: OfficeWorkbookOptions = {},
  ) {
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.onWrites = options.onWrites;
    this.kept = new KeptCards('store' in options ? options.store : officeDocumentStore());
  }

  select(sheet: string, cell: string): Promise<void> {
    return selectCell(sheet, cell, this.excel);
  }

  readSelection() {
    return readSelectedRange(this.excel);
  }

  /** Calls `listener` when a person (here or a co-author) changes the workbook; see watchWorkbook.ts. */
  async watch(listener: () => void): Promise<() => void> {
    // A sheet a person changed is read again by the next command, even where its stamp could not
    // tell (a text changed to another of the same length).
    const watcher = await watchWorkbook(this.excel, listener, (sheet) => this.cache.forget(sheet));
    this.learnSheets = watcher.learn;
    return () => {
      if (this.learnSheets === watcher.learn) this.learnSheets = undefined;
      watcher.stop();
    };
  }

  async apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void> {
    await this.update(() => ({ plan, result: undefined }), onProgress, { readTargetsOnly: plan });
  }

  /**
   * The add-in's sheets under their layout names (renamed sheets included), with EVERY_SHEET a
   * person's own sheets as they are (sheetsToRead, src/workbook/write); or the sheets named.
   */
  async read(sheetNames?: SheetChoice): Promise<WorkbookSnapshot> {
    return this.excel.run(async (context) => {
      const state = await this.readState(context, true);
      const wanted = sheetsToRead(state, sheetNames);
      // Opening a pane: a card unchanged since a pane last knew it is taken as kept (keptCards.ts).
      // Otherwise fresh: the audit judges what the workbook holds now, not what a stamp says is unchanged.
      const kept = sheetNames === PLAN_SHEETS ? this.kept.unchanged(state) : new Map<string, KeptCard>();
      const { sheets } = await this.readSheets(
        context,
        state,
        wanted.filter((n) => !kept.has(n.toLowerCase())),
      );
      this.cache.rememberRead(state, sheets);
      await this.rememberCards(state);
      return logicalSnapshot({ sheets: withKept(wanted, sheets, kept) }, state.registry);
    });
  }

  /**
   * Reads the add-in's sheets, lets `decide` make a plan of them, and writes it, in one Excel.run,
   * so nothing a co-author does between a separate read and write is overwritten unseen. If a cell
   * the last request overwrote had been changed since it was read, `decide` runs again on the
   * workbook with that person's entry and its result is written: merged, not overwritten.
   */
  async update<T>(
    decide: (snapshot: WorkbookSnapshot) => Decision<T>,
    onProgress?: (p: Progress) => void,
    options: { readTargetsOnly?: WorkbookPlan } = {},
  ): Promise<Updated<T>> {
    return this.excel.run(async (context) => {
      let overlay: Overlay = new Map();
      let budget = this.maxRequestBytes;
      for (let round = 0; ; round++) {
        let outcome;
        try {
          outcome = await this.round(context, decide, overlay, budget, onProgress, options.readTargetsOnly);
        } catch (error) {
          // The last request was refused as too large (5103), so nothing of it was applied: start
          // again from what the workbook now holds, with requests half the size.
          if (errorCode(error) !== 'RequestPayloadSizeLimitExceeded' || budget <= MIN_REQUEST_BYTES) throw error;
          budget = Math.floor(budget / 2);
          continue;
        }
        if (!outcome.edited.size || round >= MAX_MERGE_ROUNDS)
          return { result: outcome.result, notices: outcome.notices };
        overlay = outcome.edited;
      }
    });
  }

  private async round<T>(
    context: Excel.RequestContext,
    decide: (snapshot: WorkbookSnapshot) => Decision<T>,
    overlay: Overlay,
    budget: number,
    onProgress: ((p: Progress) => void) | undefined,
    targets: WorkbookPlan | undefined,
  ) {
    onProgress?.({ done: 0, total: 1, step: 'Reading the workbook' });
    const state = await this.readState(context);
    const owned = ownedSheets(state);
    const toRead = targets
      ? owned.filter((s) => targets.sheets.some((t) => t.name.toLowerCase() === logicalOf(state, s).toLowerCase()))
      : owned;
    const { result, planned } = await this.decideOn(context, state, toRead, overlay, decide, budget, !targets);
    if (!planned) {
      // The previous round overwrote a co-author's entries and this one writes nothing (a conflict
      // for the person to decide): put their entries back as they typed them.
      if (overlay.size) await restore(context, overlay);
      return { result, notices: [] as string[], edited: new Map() as Overlay };
    }
    const { placement, writes, current } = planned;
    this.onWrites?.(writes);
    const early = await this.send(context, writes.early, budget, false, onProgress, undefined, writes.last);
    const lastSteps = [...early.tail, ...writes.last];
    // Queued only when there is a last request to ride with: alone it would be a request of its own.
    const stamps = lastSteps.length ? this.cache.queueStamps(context, state) : undefined;
    const registryPlan = placement.plan.sheets.find((sheet) => sheet.name === REGISTRY_SHEET)!;
    let present: Excel.WorksheetCollection | undefined;
    // Sheets an unfinished command made hold no one's entries, and are finished by the early requests.
    const unfinished = new Set(state.registry.pending.map((s) => s.toLowerCase()));
    const { edited, sent } = await this.send(
      context,
      lastSteps,
      early.budget,
      true,
      onProgress,
      new Map([...current].filter(([key]) => !unfinished.has(key))),
      undefined,
      () => {
        stamps?.after(registryPlan);
        // The sheets this command made, for the watcher: read here, not in a round trip of its own.
        if (this.learnSheets) present = context.workbook.worksheets.load('items/id,items/name');
      },
    );
    if (sent && present) this.learnSheets?.(present.items);
    if (sent) stamps?.settle(placement.plan.sheets, registryPlan, new Set(edited.keys()));
    await this.rememberCards(state, placement.sheets);
    // The next command reads these with its first request.
    const written = placement.plan.sheets.filter((sheet) => !isBookkeeping(sheet.name));
    this.guess = {
      sheets: written.map((sheet) => sheet.name),
      sizes: new Map(written.map((sheet) => [sheet.name.toLowerCase(), readBytes(sheet)])),
    };
    return { result, notices: placement.notices, edited };
  }

  /**
   * Reads the sheets of `names` the pane does not know, runs `decide` and plans its writes. A card
   * kept in the document unchanged (keptCards.ts) is not read: `decide` is given its record, and
   * if the plan puts on it exactly the cells it had when kept (the same fingerprint), it needs no
   * write. A card the plan changes is read, and `decide` runs again with it.
   */
  private async decideOn<T>(
    context: Excel.RequestContext,
    state: WorkbookState,
    names: readonly string[],
    overlay: Overlay,
    decide: (snapshot: WorkbookSnapshot) => Decision<T>,
    budget: number,
    useKept: boolean,
  ) {
    const known = this.cache.unchanged(state, names);
    const kept = useKept ? this.kept.unchanged(state, known) : new Map<string, KeptCard>();
    const unread = (n: string) => !kept.has(n.toLowerCase());
    let { sheets: read, fresh } = await this.readSheets(context, state, names.filter(unread), known);
    this.cache.rememberRead(state, fresh);
    for (;;) {
      const sheets = withOverlay(read, overlay);
      const { plan, result } = decide(logicalSnapshot({ sheets: withKept(names, sheets, kept) }, state.registry));
      if (!plan) return { result, planned: undefined };
      const missed: string[] = [];
      const assumed: SheetSnapshot[] = [];
      const planned = planWorkbookWrite(plan, state, sheets, budget, (placed) => {
        const card = kept.get(placed.name.toLowerCase());
        if (!card) return undefined;
        const held = plannedSnapshot(placed);
        if (sheetFingerprint(held) !== card.fingerprint) {
          missed.push(placed.name);
          return undefined;
        }
        assumed.push(held);
        return held;
      });
      if (!missed.length) {
        this.cache.rememberRead(state, assumed);
        return { result, planned };
      }
      for (const name of missed) kept.delete(name.toLowerCase());
      ({ sheets: read, fresh } = await this.readSheets(
        context,
        state,
        names.filter(unread),
        new Map(read.map((s) => [s.name.toLowerCase(), s])),
      ));
      this.cache.rememberRead(state, fresh);
    }
  }

  /** Keeps the cards this pane now knows for sure in the document, for the next pane (keptCards.ts). */
  private rememberCards(state: WorkbookState, placed?: ReadonlyMap<string, string>): Promise<void> {
    const logical = new Map(state.registry.sheets.map((s) => [s.actual.toLowerCase(), s.logical]));
    // Placed under its own name, a sheet's name is its layout name; one placed elsewhere ("BCF Card 1a") is not kept.
    for (const [name, actual] of placed ?? []) if (name === actual.toLowerCase()) logical.set(name, actual);
    return this.kept.remember(
      this.cache.entries().map((e) => ({ ...e, actual: e.name, logical: logical.get(e.name.toLowerCase()) ?? e.name })),
      state,
    );
  }

  private async readState(context: Excel.RequestContext, fresh = false): Promise<WorkbookState> {
    // Sheets known (unchanged if their stamp is) and cards kept in the document are not guessed:
    // reading them is what the stamps spare.
    const guess =
      this.guess && !fresh
        ? { ...this.guess, sheets: this.guess.sheets.filter((s) => !this.cache.has(s) && !this.kept.has(s)) }
        : this.guess;
    const state = await readState(context, guess, this.maxResponseBytes);
    this.guess = { sheets: ownedSheets(state), sizes: state.sizes };
    return state;
  }

  /**
   * The named sheets: unchanged ones as known, those read with the first request, the rest in
   * requests sized by bytes. `fresh` are the ones read now.
   */
  private async readSheets(
    context: Excel.RequestContext,
    state: WorkbookState,
    names: readonly string[],
    known: ReadonlyMap<string, SheetSnapshot> = new Map(),
  ): Promise<{ sheets: SheetSnapshot[]; fresh: SheetSnapshot[] }> {
    const missing = names.filter((n) => !state.prefetched.has(n.toLowerCase()) && !known.has(n.toLowerCase()));
    // A person's own sheets come with their hidden rows (the audit and the import leave them out).
    const owned = new Set(ownedSheets(state).map((n) => n.toLowerCase()));
    const theirs = new Set(missing.map((n) => n.toLowerCase()).filter((n) => !owned.has(n)));
    const read = missing.length ? await readSheets(context, missing, state.sizes, this.maxResponseBytes, theirs) : [];
    const byName = new Map(read.map((s) => [s.name.toLowerCase(), s]));
    const sheets = names
      .map((n) => known.get(n.toLowerCase()) ?? state.prefetched.get(n.toLowerCase()) ?? byName.get(n.toLowerCase())!)
      .map((s, i) => (s.name === names[i] ? s : { ...s, name: names[i] }));
    return { sheets, fresh: sheets.filter((s) => !known.has(s.name.toLowerCase())) };
  }

  /**
   * Sends steps in requests under the byte budget. The last request also reads, before writing,
   * the cells it overwrites, and says which of them someone changed since the command read them.
   */
  private async send(
    context: Excel.RequestContext,
    steps: readonly WriteStep[],
    maxBytes: number,
    last: boolean,
    onProgress?: (p: Progress) => void,
    read?: ReadonlyMap<string, SheetSnapshot>,
    lastSteps?: readonly WriteStep[],
    /** Queued at the end of the last request, after its writes and recalculation. */
    atEnd?: () => void,
  ): Promise<{ edited: Overlay; budget: number; tail: WriteStep[]; sent: boolean }> {
    let budget = maxBytes;
    let pending = [...steps];
    const edited: Overlay = new Map();
    let done = 0;
    while (pending.length > 0) {
      const { batch, rest } = last ? { batch: pending, rest: [] } : nextBatch(pending, budget);
      // The early requests' final batch (new sheets only) rides with the last request when both fit
      // in a request the host has accepted: a workbook just over one request takes two, not three.
      if (lastSteps && !rest.length && fitsWith(batch, lastSteps, budget))
        return { edited, budget, tail: batch, sent: done > 0 };
      // Recalculating after every action of a big write is what makes it slow; the last request
      // (small) asks for one recalculation at its end instead.
      if (!last) context.application.suspendApiCalculationUntilNextSync();
      const sheets = new Map<string, Excel.Worksheet>();
      const checks = read ? batch.flatMap((step) => checkBefore(context, step, read)) : [];
      for (const step of batch) queueStep(context, sheets, step);
      if (last) {
        context.application.calculate('Recalculate' as Excel.CalculationType);
        atEnd?.();
      }
      try {
        // One sync per request-sized batch, not per item: one in all while the plan fits in a request.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        // Excel on the web refused the request as too large (host error 5103): nothing of it was
        // applied, so send the same steps again in requests half the size.
        if (last || errorCode(error) !== 'RequestPayloadSizeLimitExceeded' || budget <= MIN_REQUEST_BYTES) throw error;
        budget = Math.floor(budget / 2);
        continue;
      }
      for (const check of checks) check(edited);
      if (!last) releaseReferences(context);
      pending = rest;
      done += batch.length;
      onProgress?.({
        done,
        total: done + pending.length,
        step: pending.length ? `Wrote ${batch[batch.length - 1].sheet}` : 'Done',
      });
    }
    return { edited, budget, tail: [], sent: done > 0 };
  }
}

function fitsWith(batch: readonly WriteStep[], last: readonly WriteStep[], budget: number): boolean {
  const bytes = (steps: readonly WriteStep[]) => steps.reduce((a, s) => a + s.bytes, 0);
  // The last request's own changes to existing sheets stay small; new sheets may join it, but
  // never the staging sheets whose point is to be written before it.
  if (batch.some((step) => step.sheet.startsWith(STAGING_PREFIX))) return false;
  return bytes(last) <= LAST_REQUEST_BYTES && bytes(batch) + bytes(last) <= budget;
}

/** How many times a command merges again after co-authors' edits before it leaves them for the next. */
const MAX_MERGE_ROUNDS = 2;

/** Cells a co-author changed between the command's read and its write: sheet -> "row,column" -> entry. */
type Overlay = Map<string, Map<string, unknown>>;

/** Before a changed run of cells is written, a read of what it holds, compared after the request. */
function checkBefore(
  context: Excel.RequestContext,
  step: WriteStep,
  read: ReadonlyMap<string, SheetSnapshot>,
): ((edited: Overlay) => void)[] {
  if (step.kind !== 'cells') return [];
  const have = read.get(step.sheet.toLowerCase());
  if (!have) return [];
  const range = context.workbook.worksheets
    .getItem(step.sheet)
    .getRangeByIndexes(step.row, step.column, step.formulas.length, step.formulas[0].length)
    .load('formulas');
  return [
    (edited) => {
      range.formulas.forEach((row, i) =>
        row.forEach((now, j) => {
          const r = step.row + i;
          const c = step.column + j;
          const before = have.formulas?.[r]?.[c] ?? have.values[r]?.[c] ?? '';
          if ((now ?? '') === before) return;
          const cells =
            edited.get(step.sheet.toLowerCase()) ??
            edited.set(step.sheet.toLowerCase(), new Map()).get(step.sheet.toLowerCase())!;
          cells.set(`${r},${c}`, now);
        }),
      );
    },
  ];
}

async function restore(context: Excel.RequestContext, overlay: Overlay): Promise<void> {
  for (const [sheet, cells] of overlay) {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const [key, entry] of cells) {
      const [r, c] = key.split(',').map(Number);
      const text = typeof entry === 'string' && entry !== '' && !entry.startsWith('=');
      worksheet.getRangeByIndexes(r, c, 1, 1).formulas = [[text ? `'${entry as string}` : (entry as CellInput)]];
    }
  }
  await context.sync();
}

/** The sheets of `names` in their order: those read, and each kept card as its record alone (keptCards.ts). */
function withKept(
  names: readonly string[],
  sheets: readonly SheetSnapshot[],
  kept: ReadonlyMap<string, KeptCard>,
): SheetSnapshot[] {
  const read = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  return names.flatMap((n): SheetSnapshot[] => {
    const sheet = read.get(n.toLowerCase());
    const card = kept.get(n.toLowerCase());
    return sheet ? [sheet] : card ? [{ name: n, values: [], keptCard: card.record }] : [];
  });
}

/** The sheets read, with the entries co-authors made that the previous round overwrote put back. */
function withOverlay(sheets: SheetSnapshot[], overlay: Overlay): SheetSnapshot[] {
  if (!overlay.size) return sheets;
  return sheets.map((sheet) => {
    const cells = overlay.get(sheet.name.toLowerCase());
    if (!cells) return sheet;
    const values = sheet.values.map((row) => [...row]);
    const formulas = (sheet.formulas ?? []).map((row) => [...row]);
    for (const [key, entry] of cells) {
      const [r, c] = key.split(',').map(Number);
      while (values.length <= r) values.push([]);
      while (formulas.length <= r) formulas.push([]);
      const isFormula = typeof entry === 'string' && entry.startsWith('=');
      values[r][c] = isFormula || entry === '' ? null : (entry as Scalar);
      formulas[r][c] = isFormula ? (entry as string) : null;
    }
    return { ...sheet, values, formulas };
  });
}

/** Selects a cell for the user, e.g. when they choose an audit finding. */
export async function selectCell(sheet: string, address: string, excel: ExcelApi = defaultExcel()): Promise<void> {
  await excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

function defaultExcel(): ExcelApi {
  const excel = (globalThis as { Excel?: ExcelApi }).Excel;
  // Resolved lazily so that importing this module outside Office (tests, the preview) is harmless.
  return (
    excel ??
    ({
      run: () => Promise.reject(new Error('Excel is not available: open the BCF planner inside Excel.')),
    } as unknown as ExcelApi)
  );
}
