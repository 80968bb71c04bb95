import type { CardRecord } from '../../domain/cardRecord';
import { cardRecordFromText, cardRecordText } from '../../domain/cardRecordText';
import { CARD_SHEET_PREFIX, readCardRecord } from '../../workbook/families/cards/reader';
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
  /** Lower-case sheet name -> [content stamp, record text]. */
  readonly cards: Record<string, [number, string]>;
}

/** The document's settings when running in Office; undefined elsewhere (the preview, the CLI, tests). */
export function officeDocumentStore(): DocumentStore | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const settings = office?.context?.document?.settings;
  if (!settings) return undefined;
  return {
    get: () => settings.get(SETTING),
    set: (value) =>
      new Promise((resolve) => {
        settings.set(SETTING, value);
        // A failed save costs only speed: the next pane opening reads the cards.
        settings.saveAsync(() => resolve());
      }),
  };
}

export class KeptCards {
  private saved?: string;

  constructor(private readonly store: DocumentStore | undefined) {}

  /** Card sheets (lower-case name in the workbook -> record) whose stamp in the registry just read is the one kept. */
  unchanged(state: WorkbookState): Map<string, CardRecord> {
    const kept = this.load();
    const out = new Map<string, CardRecord>();
    if (!kept) return out;
    for (const sheet of state.registry.sheets) {
      if (!sheet.logical.startsWith(CARD_SHEET_PREFIX) || sheet.stamp === undefined) continue;
      const entry = kept.cards[sheet.actual.toLowerCase()];
      if (!entry || entry[0] !== sheet.stamp) continue;
      const record = cardRecordFromText(entry[1]);
      if (record) out.set(sheet.actual.toLowerCase(), record);
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
    const cards: Record<string, [number, string]> = {};
    let size = 0;
    const keep = (key: string, stamp: number, text: string) => {
      size += key.length + text.length + 24;
      if (size <= KEPT_LIMIT) cards[key] = [stamp, text];
    };
    for (const { logical, actual, snapshot, stamp } of known) {
      if (!logical.startsWith(CARD_SHEET_PREFIX)) continue;
      const key = actual.toLowerCase();
      let text = before[key]?.[0] === stamp ? before[key][1] : undefined;
      if (text === undefined) {
        const read = readCardRecord({ ...snapshot, name: logical });
        if (read.problems.length) continue;
        text = cardRecordText(read.record);
      }
      keep(key, stamp, text);
    }
    for (const sheet of state.registry.sheets) {
      const key = sheet.actual.toLowerCase();
      const entry = before[key];
      if (!cards[key] && entry && entry[0] === sheet.stamp) keep(key, entry[0], entry[1]);
    }
    const value: Kept = { form: FORM, cards };
    const serial = JSON.stringify(value);
    this.saved ??= JSON.stringify(this.load() ?? null);
    if (serial === this.saved) return;
    this.saved = serial;
    await this.store.set(value);
  }

  private load(): Kept | undefined {
    const value = this.store?.get() as Kept | undefined;
    return value && value.form === FORM && value.cards && typeof value.cards === 'object' ? value : undefined;
  }
}
