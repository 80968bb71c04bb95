import type Decimal from 'decimal.js';
import { benefitCards, cardBook, DEFAULT_TOLERANCES, type Actual, type CardRecord } from '../domain/benefitCard';
import type { Day } from '../domain/jointFunding';
import type { Plan } from '../domain/plan';
import { realisedCount } from '../domain/tracker';
import { benefitsSummary, type BenefitsSummary } from '../domain/benefitsSummary';
import type { Progress, WorkbookHost } from './host';
import { onWorkbookPlan } from './commands';
import { assumptionsLayout } from './families/assumptions/assumptionsLayout';
import { TRACKER_NAMES } from './families/cards/names';
import { runCommand, writePlan, type CommandOutcome, type WorkbookCommand } from './workbookCommand';

/**
 * What the task pane's Benefit Cards panel does, against the WorkbookHost port (Excel or the
 * in-memory preview). Both commands read the whole workbook first, so whatever people typed on
 * the cards is in the plan before anything is written back.
 */

type CardsWritten = { readonly summary: BenefitsSummary };

/** Writes the workbook's plan as `change` leaves it, cards and all, with the steering group's summary. */
function cardsCommand(label: string, change: (plan: Plan) => Plan): WorkbookCommand<CardsWritten> {
  return {
    label,
    decide: (snapshot, today) =>
      onWorkbookPlan(snapshot, (current) => {
        const plan = change(current);
        return writePlan(plan, { cards: true, today, detail: { summary: benefitsSummary(plan) } });
      }),
  };
}

/** Creates the cards, or refreshes them after the plan changed, keeping every kept cell. */
export const refreshCardsCommand = () => cardsCommand('Creating or refreshing the cards', (plan) => plan);

export async function refreshCards(
  host: WorkbookHost,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<CardsWritten>> {
  return runCommand(host, refreshCardsCommand(), today, onProgress);
}

/** One line of the "enter a quarter's actuals" form: a card's metric and what was typed for it. */
export interface QuarterEntry {
  readonly ref: string;
  readonly metric: string;
  readonly label: string; // "2b NEL: Reduced non-elective admissions"
  readonly kind: 'count' | 'rate';
  readonly planned?: Decimal; // the profile's count, or the rate's target
  readonly reduction?: Decimal;
  readonly baseline?: Decimal;
  readonly actual?: Decimal;
  readonly note?: string;
}

/** Every card's metrics for one quarter, with what is already entered, for the form. */
export function quarterEntries(plan: Plan, quarter: string): QuarterEntry[] {
  const summary = benefitsSummary(plan);
  return summary.cards.flatMap(({ card, metrics, rates }) => [
    ...metrics.map((m) => {
      const q = m.quarters.find((x) => x.quarter === quarter);
      const a = q?.actual;
      return {
        ref: card.ref,
        metric: m.metric.unit.id,
        label: `${card.ref} ${m.metric.unit.shortLabel}`,
        kind: 'count' as const,
        planned: q?.planned,
        reduction: a?.reduction,
        baseline: a?.baseline,
        actual: a?.actual,
        note: a?.note,
      };
    }),
    ...rates.map((r) => {
      const q = r.quarters.find((x) => x.quarter === quarter);
      return {
        ref: card.ref,
        metric: r.measure.id,
        label: `${card.ref} ${r.measure.name}`,
        kind: 'rate' as const,
        planned: r.measure.target,
        actual: q?.actual?.actual,
        note: q?.actual?.note,
      };
    }),
  ]);
}

/** The plan with one quarter's actuals set for every card: an entry replaces that quarter's actual; a blank entry clears it. */
export function withQuarterActuals(plan: Plan, quarter: string, entries: readonly QuarterEntry[]): Plan {
  const book = plan.cards ?? { tolerances: DEFAULT_TOLERANCES, records: [] };
  const refs = new Set(benefitCards(plan).map((c) => c.ref.toLowerCase()));
  const records: CardRecord[] = [...book.records];
  for (const ref of refs)
    if (!records.some((r) => r.scheme.toLowerCase() === ref))
      records.push({ scheme: plan.schemes.find((s) => s.ref.toLowerCase() === ref)?.ref ?? ref });
  const updated = records.map((record) => {
    const mine = entries.filter((e) => e.ref.toLowerCase() === record.scheme.toLowerCase());
    if (!mine.length) return record;
    const replaced = new Set(mine.map((e) => e.metric));
    const kept = (record.actuals ?? []).filter((a) => !(a.quarter === quarter && replaced.has(a.metric)));
    const added: Actual[] = mine
      .map((e) => ({
        quarter,
        metric: e.metric,
        reduction: e.reduction,
        baseline: e.baseline,
        actual: e.actual,
        note: e.note || undefined,
      }))
      .filter((a) => a.reduction !== undefined || a.baseline !== undefined || a.actual !== undefined || a.note);
    return { ...record, actuals: [...kept, ...added] };
  });
  return { ...plan, cards: { ...book, asAt: book.asAt, records: updated } };
}

/** Writes one quarter's actuals for all cards, on the plan the workbook holds when it writes. */
export const quarterActualsCommand = (quarter: string, entries: readonly QuarterEntry[]) =>
  cardsCommand(`Saving ${quarter} actuals`, (plan) => withQuarterActuals(plan, quarter, entries));

export async function enterQuarterActuals(
  host: WorkbookHost,
  quarter: string,
  entries: readonly QuarterEntry[],
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<CardsWritten>> {
  return runCommand(host, quarterActualsCommand(quarter, entries), today, onProgress);
}

/** The plan with its reporting quarter set: the quarter every card, the summary and `bcf track` report as at. */
export function withReportingQuarter(plan: Plan, quarter: string): Plan {
  return { ...plan, cards: { ...cardBook(plan), asAt: quarter } };
}

/** Writes the reporting quarter where the sheets read it (Assumptions, `Tracker_AsAt`). */
export const reportingQuarterCommand = (quarter: string) =>
  cardsCommand('Setting the reporting quarter', (plan) => withReportingQuarter(plan, quarter));

export async function setReportingQuarter(
  host: WorkbookHost,
  quarter: string,
  today: Day,
  onProgress?: (p: Progress) => void,
): Promise<CommandOutcome<CardsWritten>> {
  return runCommand(host, reportingQuarterCommand(quarter), today, onProgress);
}

/** The cell a person types the reporting quarter in, "Assumptions!B41": the pane says where it is. */
export function reportingQuarterCell(plan: Plan): string {
  const assumptions = assumptionsLayout(plan);
  const name = assumptions.names.find((n) => n.name === TRACKER_NAMES.asAt);
  return `${assumptions.sheet.name}!${(name?.cell ?? '').replace(/\$/g, '')}`;
}

/** The realised count an entry gives, as the card will show it. */
export function entryRealised(entry: QuarterEntry): Decimal | null {
  return entry.kind === 'rate'
    ? (entry.actual ?? null)
    : realisedCount({
        quarter: '',
        metric: entry.metric,
        reduction: entry.reduction,
        baseline: entry.baseline,
        actual: entry.actual,
      });
}

export { cardBook };
