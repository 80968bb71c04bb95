import { useCallback, useEffect, useMemo, useState } from 'react';
import { planQuarters, planReportingQuarter } from '../../../domain/benefitCard';
import { benefitsSummary, combinedCumulative } from '../../../domain/benefitsSummary';
import type { Plan } from '../../../domain/plan';
import { reportingQuarterText, suggestedReportingQuarter } from '../../../domain/reportingQuarter';
import { quarterEntries } from '../../../workbook/cardCommands';
import { REFRESHING_CARDS, refreshCardsInPane, saveQuarterActuals, savingActuals } from '../../cardActions';
import type { PlanSession } from '../../session';
import { entryKey, fieldMessage, filledEntries, typedFrom, type TypedActual } from './actualsForm';

/** The Benefit Cards tab's state: the plan the workbook holds, the quarter it reports as at, and writing the cards. */
export function useBenefitCards(session: PlanSession) {
  const plan = session.base;
  const busy = !!session.busy;
  return {
    plan,
    quarter: plan ? reportingQuarterText(planReportingQuarter(plan)) : undefined,
    busy,
    refreshing: session.busy?.label === REFRESHING_CARDS,
    refresh: () => void refreshCardsInPane(session),
  };
}

export type BenefitCardsState = ReturnType<typeof useBenefitCards>;

/** The cards' summary and chart for a plan: which card is charted, and the quarter the actuals form opens on. */
export function useCardsOfPlan(plan: Plan, today: Date = new Date()) {
  const quarters = useMemo(() => planQuarters(plan).map((q) => q.label), [plan]);
  const summary = useMemo(() => benefitsSummary(plan), [plan]);
  const [charted, chart] = useState<string>('all');
  const chartPoints = useMemo(
    () => combinedCumulative(summary.cards.filter((t) => charted === 'all' || t.card.ref === charted)),
    [summary, charted],
  );
  const initial = suggestedReportingQuarter(summary.quarter, quarters, today) ?? '';
  return { quarters, summary, charted, chart, chartPoints, initial };
}

export type CardsOfPlanState = ReturnType<typeof useCardsOfPlan>;

/**
 * One quarter's actuals as typed, card by card: the quarter chosen, each box's text (kept as typed
 * until saved, and reset to the workbook's figures when the plan or the quarter changes), whether
 * any box blocks saving, and saving through the session.
 */
export function useQuarterActuals(session: PlanSession, plan: Plan, initial: string) {
  const [quarter, setQuarter] = useState(initial);
  const entries = useMemo(() => (quarter ? quarterEntries(plan, quarter) : []), [plan, quarter]);
  const [typed, setTyped] = useState<Record<string, TypedActual>>(() => typedFrom(entries));
  useEffect(() => setTyped(typedFrom(entries)), [entries]);
  const errors = entries.some((e) =>
    (['reduction', 'baseline', 'actual'] as const).some(
      (f) => fieldMessage(plan, e, f, typed[entryKey(e)]?.[f] ?? '')?.severity === 'error',
    ),
  );
  const type = useCallback((key: string, t: TypedActual) => setTyped((all) => ({ ...all, [key]: t })), []);
  return {
    plan,
    quarter,
    setQuarter,
    entries,
    typed,
    type,
    errors,
    cards: [...new Set(entries.map((e) => e.ref))],
    busy: !!session.busy,
    saving: session.busy?.label === savingActuals(quarter),
    save: () => void saveQuarterActuals(session, quarter, filledEntries(entries, typed)),
  };
}

export type QuarterActualsState = ReturnType<typeof useQuarterActuals>;
