import type Decimal from 'decimal.js';
import { amountProblem, parseAmount } from '../../../domain/amountText';
import { countsWhole, type Plan } from '../../../domain/plan';
import type { QuarterEntry } from '../../../workbook/cardCommands';

/**
 * What is typed for one quarter's actuals, kept as text until it is saved, and what is wrong or
 * worth a second look in each box: an error blocks saving, a warning only asks.
 */
export type ActualField = 'reduction' | 'baseline' | 'actual';
export type TypedActual = Record<ActualField | 'note', string>;
export interface FieldMessage {
  readonly severity: 'error' | 'warning';
  readonly text: string;
}

export const entryKey = (e: QuarterEntry) => `${e.ref}|${e.metric}`;
const show = (d: Decimal | undefined) => (d === undefined ? '' : d.toString());

export function typedFrom(entries: readonly QuarterEntry[]): Record<string, TypedActual> {
  return Object.fromEntries(
    entries.map((e) => [
      entryKey(e),
      { reduction: show(e.reduction), baseline: show(e.baseline), actual: show(e.actual), note: e.note ?? '' },
    ]),
  );
}

const value = (text: string): Decimal | undefined =>
  text.trim() === '' ? undefined : parseAmount(text.trim().replace(/%$/, ''));

export function fieldMessage(
  plan: Plan,
  entry: QuarterEntry,
  field: ActualField,
  text: string,
): FieldMessage | undefined {
  if (text.trim() === '') return undefined;
  const problem = amountProblem(text.trim().replace(/%$/, ''));
  if (problem) return { severity: 'error', text: problem };
  const n = value(text)!;
  if (entry.kind === 'rate') return n.isNegative() ? { severity: 'error', text: 'A rate is 0 or more.' } : undefined;
  const unit = plan.unitCosts.find((u) => u.id === entry.metric);
  if (field !== 'reduction' && n.isNegative())
    return { severity: 'error', text: 'A count of admissions is 0 or more.' };
  if (unit && countsWhole(unit) && !n.isInteger())
    return {
      severity: 'error',
      text: `Count whole ${unit.unit.replace(/^per /, '')}s: ${n.toString()} is not a whole number.`,
    };
  if (field === 'reduction' && n.isNegative())
    return {
      severity: 'warning',
      text: 'A negative reduction means more, not fewer, than the baseline. Save it only if that is what happened.',
    };
  return undefined;
}

/** The entries as saved: blank boxes clear the quarter's figure. */
export function filledEntries(
  entries: readonly QuarterEntry[],
  typed: Readonly<Record<string, TypedActual>>,
): QuarterEntry[] {
  return entries.map((e) => {
    const t = typed[entryKey(e)];
    return t
      ? {
          ...e,
          reduction: value(t.reduction),
          baseline: value(t.baseline),
          actual: value(t.actual),
          note: t.note.trim() || undefined,
        }
      : e;
  });
}
