import type Decimal from 'decimal.js';
import { Money } from './money';
import type { Actual, CardRecord, RateMeasure } from './cardRecord';

/**
 * A card's record as text and back, exactly: every field as the card reader returned it (unlike the
 * plan file's "cards" section, which leaves out what equals the plan's defaults), figures as
 * decimal strings. The Office adapter keeps this text in the document beside the card's content
 * stamp, so a pane opened later is told what the card holds without reading its sheet.
 *
 * Domain: text made by `cardRecordText`. Anything else (an older form, a damaged setting) gives
 * undefined, and the card is read from its sheet instead.
 */
export function cardRecordText(record: CardRecord): string {
  // Decimal's toJSON gives its exact decimal string.
  return JSON.stringify(record);
}

export function cardRecordFromText(text: string): CardRecord | undefined {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (!raw || typeof raw !== 'object' || typeof raw.scheme !== 'string') return undefined;
    const record = { ...raw } as Record<string, unknown>;
    if (raw.optimismBias !== undefined) record.optimismBias = decimal(raw.optimismBias);
    if (raw.phasing !== undefined) record.phasing = phasing(raw.phasing);
    if (raw.rateMeasures !== undefined)
      record.rateMeasures = list<RateMeasure>(raw.rateMeasures).map((m) => ({ ...m, target: decimal(m.target) }));
    if (raw.actuals !== undefined) record.actuals = list<Actual>(raw.actuals).map(actual);
    return record as unknown as CardRecord;
  } catch {
    return undefined;
  }
}

function decimal(value: unknown): Decimal {
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error('not a figure');
  return new Money(value);
}

function list<T>(value: unknown): T[] {
  if (!Array.isArray(value)) throw new Error('not a list');
  return value as T[];
}

function actual(a: Actual): Actual {
  const out: Record<string, unknown> = { ...a };
  for (const key of ['reduction', 'baseline', 'actual'] as const) if (a[key] !== undefined) out[key] = decimal(a[key]);
  return out as unknown as Actual;
}

function phasing(value: unknown): CardRecord['phasing'] {
  if (!value || typeof value !== 'object') throw new Error('not a phasing');
  return Object.fromEntries(
    Object.entries(value as Record<string, Record<string, unknown>>).map(([metric, years]) => [
      metric,
      Object.fromEntries(
        Object.entries(years).map(([year, quarters]) => [
          year,
          list<unknown>(quarters).map((q) => (q === null ? null : decimal(q))),
        ]),
      ),
    ]),
  );
}
