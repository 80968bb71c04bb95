import type { CardRecord } from '../../domain/cardRecord';
import { cardRecordFromText, cardRecordText } from '../../domain/cardRecordText';
import { CARD_SHEET_PREFIX, readCardRecord } from '../../workbook/families/cards/reader';
import { sheetFingerprint } from '../../workbook/sheetFingerprint';
import type { SheetSnapshot } from '../../workbook/snapshot';
import type { WorkbookState } from './workbookRead';

/**
 * Where the pane keeps, inside the document, what it knew of each Benefit Card when it last ran a
 * command: the card's record (what people typed on it) and the sheet's content stamp then. A pane
 * opened later, by this person or a co-author, reads the stamps with the registry in its first
 * request, and a card whose stamp is still the one kept is taken as kept instead of read: opening a
 * pane on 1,000 cards then reads the plan's other sheets and not 50 MB of cards. A card whose
 * stamp changed (someone typed on it) is read as before, so what people typed is never passed over,
 * to the stamp's confidence (sheetStamp.ts); and every command that writes checks each cell it
 * overwrites in its own request, as it always has.
 *
 * Office keeps add-in settings in the document itself (Office.context.document.settings), so
 * nothing leaves the workbook. Settings have a size limit (about 2 MB); past KEPT_LIMIT characters
 * the cards are not kept and a pane opening reads them.
 */
export interface DocumentStore {
  get(): unknown;
  set(value: unknown): Promise<void>;
}

const SETTING = 'bcfKeptCards';
/** Kept text beyond this is not saved: Office's settings are limited to about 2 MB a document. */
export const KEPT_LIMIT = 1_500_000;
/** The form of what is kept; another form is ignored (the cards are read). */
const FORM = 1;

interface Kept {
  readonly form: number;
  /** Lower-case sheet name -> [content stamp, record text, fingerprint of its cells (sheetFingerprint.ts)]. */
  readonly cards: Record<string, Entry>;
}

type Entry = [number, string, string];

/** A card taken as kept: what people keep on it, and the fingerprint of its cells when kept. */
export interface KeptCard {
  readonly record: CardRecord;
  readonly fingerprint: string;
}

/**
 * The document's settings when running in Office (looked up when first used, after Office has
 * started); undefined elsewhere (the preview, the CLI, tests).
 */
export function officeDocumentStore(): DocumentStore | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office) return undefined;
  const settings = () => office.context?.document?.settings;
  return {
    get: () => settings()?.get(SETTING),
    set: (value) =>
      new Promise((resolve) => {
        const s = settings();
        if (!s) return resolve();
        s.set(SETTING, value);
        // A failed save costs only speed: the next pane opening reads the cards.
        s.saveAsync(() => resolve());
      }),
  };
}

export class KeptCards {
  private saved?: string;

  constructor(private readonly store: DocumentStore | undefined) {}

  /** Whether a card of this name is kept, whatever its stamp now. */
  has(sheet: string): boolean {
    return this.load()?.cards[sheet.toLowerCase()] !== undefined;
  }

  /**
   * Card sheets (lower-case name in the workbook ->) whose stamp in the registry just read is the
   * one kept, other than those `known` already (the pane's cache): their records are not parsed.
   */
  unchanged(state: WorkbookState, known: ReadonlyMap<string, unknown> = new Map()): Map<string, KeptCard> {
    const kept = this.load();
    const out = new Map<string, KeptCard>();
    if (!kept) return out;
    for (const sheet of state.registry.sheets) {
      if (!sheet.logical.startsWith(CARD_SHEET_PREFIX) || sheet.stamp === undefined) continue;
      if (known.has(sheet.actual.toLowerCase())) continue;
      const entry = kept.cards[sheet.actual.toLowerCase()];
      if (!entry || entry[0] !== sheet.stamp) continue;
      const record = cardRecordFromText(entry[1]);
      if (record && typeof entry[2] === 'string')
        out.set(sheet.actual.toLowerCase(), { record, fingerprint: entry[2] });
    }
    return out;
  }

  /**
   * After a command: keeps every card sheet the pane now knows for sure (sheetCache.ts: what it
   * read or wrote, with its stamp), as the card reader reads it, and every card kept before whose
   * stamp in `state` is still the one kept with it (a pane that opened on kept cards keeps them). A
   * card whose reading has problems is left for the next pane to read and show them. Saves only
   * when something changed.
   */
  async remember(
    known: Iterable<{ logical: string; actual: string; snapshot: SheetSnapshot; stamp: number }>,
    state: WorkbookState,
  ) {
    if (!this.store) return;
    const before = this.load()?.cards ?? {};
    const cards: Record<string, Entry> = {};
    let size = 0;
    const keep = (key: string, entry: Entry) => {
      size += key.length + entry[1].length + 48;
      if (size <= KEPT_LIMIT) cards[key] = entry;
    };
    for (const { logical, actual, snapshot, stamp } of known) {
      if (!logical.startsWith(CARD_SHEET_PREFIX)) continue;
      const key = actual.toLowerCase();
      if (before[key]?.[0] === stamp) {
        keep(key, before[key]);
        continue;
      }
      const read = readCardRecord({ ...snapshot, name: logical });
      if (!read.problems.length) keep(key, [stamp, cardRecordText(read.record), sheetFingerprint(snapshot)]);
    }
    for (const sheet of state.registry.sheets) {
      const key = sheet.actual.toLowerCase();
      const entry = before[key];
      if (!cards[key] && entry && entry[0] === sheet.stamp) keep(key, entry);
    }
    const value: Kept = { form: FORM, cards };
    const serial = JSON.stringify(value);
    this.saved ??= JSON.stringify(this.load() ?? null);
    if (serial === this.saved) return;
    this.saved = serial;
    this.loaded = { value };
    await this.store.set(value);
  }

  /** Read from the document once: only this pane's own saves change it while it runs. */
  private loaded?: { value: Kept | undefined };

  private load(): Kept | undefined {
    if (!this.loaded) {
      const value = this.store?.get() as Kept | undefined;
      const usable = value && value.form === FORM && value.cards && typeof value.cards === 'object';
      this.loaded = { value: usable ? value : undefined };
    }
    return this.loaded.value;
  }
}
