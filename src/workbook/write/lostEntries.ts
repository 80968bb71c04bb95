import type { Plan } from '../../domain/plan';
import { planToJson } from '../../domain/planJson';
import { plural } from '../../domain/plural';
import { readPlan } from '../families/planReader';
import type { WorkbookPlan } from '../sheetPlan';
import { plannedSnapshot } from '../snapshot';

/** Entries a workbook held that a rebuild would not, in words: which, and how many. */
export interface LostEntries {
  readonly cards: readonly string[];
  readonly sentences: readonly string[];
}

type Json = Record<string, unknown>;

/**
 * What `held` (a plan read from a workbook people typed into) has that `layout` would not keep:
 * Benefit Card entries (actuals, milestones, sign-offs...), the pooled budget's contributions and
 * spend, and the risk log. Compared as the new workbook reads back, so a sheet a layout leaves out
 * (the cards, with --tables) or a block it could not place shows here, before anything is written.
 */
export function lostEntries(held: Plan, layout: WorkbookPlan): LostEntries {
  const kept = planToJson(readPlan({ sheets: layout.sheets.map(plannedSnapshot) }).plan) as Json;
  const had = planToJson(held) as Json;
  const sentences: string[] = [];
  const same = (key: string) => JSON.stringify(had[key] ?? null) === JSON.stringify(kept[key] ?? null);
  if (!same('pool')) {
    const pool = (had.pool ?? {}) as { contributions?: unknown[]; spend?: unknown[] };
    sentences.push(
      `the pooled budget (${plural(pool.contributions?.length ?? 0, 'contribution')} and ${plural(pool.spend?.length ?? 0, 'quarter of spend', 'quarters of spend')})`,
    );
  }
  if (!same('risks'))
    sentences.push(`the risk log (${plural((had.risks as unknown[] | undefined)?.length ?? 0, 'risk')})`);
  const cards = lostCards(had, kept);
  if (cards.length) {
    const actuals = cards.reduce((a, c) => a + (c.actuals?.length ?? 0), 0);
    const named = cards.slice(0, 5).map((c) => c.scheme);
    const more = cards.length > 5 ? ` and ${cards.length - 5} more` : '';
    sentences.push(
      `what is entered on ${plural(cards.length, 'Benefit Card')} (${named.join(', ')}${more}: ${plural(actuals, 'quarter of actuals', 'quarters of actuals')}, with their milestones, sign-offs and notes)`,
    );
  }
  return { cards: cards.map((c) => c.scheme), sentences };
}

interface CardJson {
  readonly scheme: string;
  readonly actuals?: readonly unknown[];
}

function lostCards(had: Json, kept: Json): CardJson[] {
  const records = (plan: Json) => ((plan.cards as { records?: CardJson[] } | undefined)?.records ?? []) as CardJson[];
  const now = new Map(records(kept).map((r) => [r.scheme, JSON.stringify(r)]));
  return records(had).filter((r) => now.get(r.scheme) !== JSON.stringify(r));
}
