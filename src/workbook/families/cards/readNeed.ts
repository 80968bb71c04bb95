import type { SheetNeed } from '../../host';
import { MILESTONE_HEADERS, QUARTER_HEADERS, RATE_HEADERS, SIGN_OFF_HEADERS, UNMATCHED_HEADERS } from './names';

/**
 * The columns of a card sheet that `readCardBook` (reader.ts) takes anything from: A and B (section
 * titles, labels, header rows' first words, the identity and case entries, a rate's settings) and,
 * in each table, the columns of what people type. Every other column is calculated; with the
 * formulas, it is most of a card's bytes (the bench's cards: 52 KB whole, 22 KB these columns' values).
 */
const LABELS_AND_ENTRIES = [0, 1];

const inputs = <T extends readonly string[]>(headers: T, names: readonly T[number][]) =>
  names.map((name) => headers.indexOf(name));
/** Every column of a table but its calculated ones. */
const allBut = <T extends readonly string[]>(headers: T, calculated: readonly T[number][]) =>
  headers.flatMap((name, i) => (calculated.includes(name) ? [] : [i]));

const CARD_INPUT_COLUMNS = [
  ...LABELS_AND_ENTRIES,
  ...inputs(QUARTER_HEADERS, ['Phasing %', 'Realised reduction', 'Baseline admissions', 'Actual admissions', 'Note']),
  ...inputs(RATE_HEADERS, ['Actual', 'Note']),
  ...allBut(MILESTONE_HEADERS, ['Open due']),
  ...SIGN_OFF_HEADERS.map((_, i) => i),
  ...allBut(UNMATCHED_HEADERS, ['Why it no longer fits']),
];

/** What reading the plan needs of a card sheet: its input columns, as runs of adjacent columns. */
export const CARD_READ_NEED: SheetNeed = { columns: spans(CARD_INPUT_COLUMNS) };

function spans(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
