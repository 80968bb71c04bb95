import type Decimal from 'decimal.js';
import { benefitCards, cardBook, DEFAULT_TOLERANCES, type Actual, type CardRecord } from '../domain/benefitCard';
import type { Plan } from '../domain/plan';
import type { Problem } from '../domain/problems';
import { benefitsSummary, realisedCount, type BenefitsSummary } from '../domain/tracker';
import { updateWorkbook, type Progress, type WorkbookHost } from './host';
import { planToRewrite } from './commands';
import { assumptionsLayout } from './families/assumptions/assumptionsLayout';
import { TRACKER_NAMES } from './families/cards/names';
import { workbookLayout } from './workbookLayout';

/**
 * What the task pane's Benefit Cards panel does, against the WorkbookHost port (Excel or the
 * in-memory preview). Both commands read the whole workbook first, so whatever people typed on
 * the cards is in the plan before anything is written back.
 */

/** Creates the cards, or refreshes them after the plan changed, keeping every kept cell. */
export async function refreshCards(
  host: WorkbookHost,
  onProgress?: (p: Progress) => void,
): Promise<{ plan: Plan; summary: BenefitsSummary; warnings: Problem[] }> {
  const { result } = await updateWorkbook(
    host,
    (snapshot) => {
      const { plan, problems } = planToRewrite(snapshot);
      return { plan: workbookLayout(plan), result: { plan, summary: benefitsSummary(plan), warnings: problems } };
    },
    onProgress,
  );
  return result;
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

/** Writes one quarter's actuals for all cards in one command, after reading what the workbook holds. */
export async function enterQuarterActuals(
  host: WorkbookHost,
  quarter: string,
  entries: readonly QuarterEntry[],
  onProgress?: (p: Progress) => void,
): Promise<{ plan: Plan; summary: BenefitsSummary }> {
  const { result } = await updateWorkbook(
    host,
    (snapshot) => {
      const plan = withQuarterActuals(planToRewrite(snapshot).plan, quarter, entries);
      return { plan: workbookLayout(plan), result: { plan, summary: benefitsSummary(plan) } };
    },
    onProgress,
  );
  return result;
}

/** The plan with its reporting quarter set: the quarter every card, the summary and `bcf track` report as at. */
export function withReportingQuarter(plan: Plan, quarter: string): Plan {
  return { ...plan, cards: { ...cardBook(plan), asAt: quarter } };
}

/** Writes the reporting quarter where the sheets read it (Assumptions, `Tracker_AsAt`), after reading the workbook. */
export async function setReportingQuarter(
  host: WorkbookHost,
  quarter: string,
  onProgress?: (p: Progress) => void,
): Promise<{ plan: Plan; summary: BenefitsSummary }> {
  const { result } = await updateWorkbook(
    host,
    (snapshot) => {
      const plan = withReportingQuarter(planToRewrite(snapshot).plan, quarter);
      return { plan: workbookLayout(plan), result: { plan, summary: benefitsSummary(plan) } };
    },
    onProgress,
  );
  return result;
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
