import { useMemo, useState } from 'react';
import { planQuarters, planReportingQuarter } from '../domain/benefitCard';
import type { Plan } from '../domain/plan';
import { plural } from '../domain/plural';
import { reportingQuarterText, suggestedReportingQuarter, type ReportingQuarter } from '../domain/reportingQuarter';
import {
  quarterActualsCommand,
  refreshCardsCommand,
  reportingQuarterCell,
  reportingQuarterCommand,
  type QuarterEntry,
} from '../workbook/cardCommands';
import type { PlanSession } from './session';

/**
 * The Benefit Cards panel's commands. They live outside the panels so that no panel calls the
 * host itself: each goes through the session's one runner, and the workbook's new plan becomes
 * the pane's.
 */

/** The labels the runner shows while each runs: the commands' own. */
export const REFRESHING_CARDS = refreshCardsCommand().label;
export const SETTING_QUARTER = reportingQuarterCommand('').label;
export const savingActuals = (quarter: string) => quarterActualsCommand(quarter, []).label;

export async function refreshCardsInPane(session: PlanSession): Promise<void> {
  await session.execute(refreshCardsCommand(), {
    done: (outcome) => ({
      intent: outcome.warnings.length ? 'warning' : 'success',
      title: `Benefit Cards written: ${plural(outcome.summary.cards.length, 'card')}`,
      details: outcome.warnings.map((w) => w.message),
    }),
  });
}

export async function chooseReportingQuarter(session: PlanSession, quarter: string): Promise<void> {
  await session.execute(reportingQuarterCommand(quarter), {
    done: () => ({
      intent: 'success',
      title: `Reporting quarter set to ${quarter}`,
      body: 'The cards, the steering-group summary and the chart now report as at this quarter.',
    }),
  });
}

/** Saves a quarter's actuals; when that quarter is not the reporting quarter, the notice offers to make it so. */
export async function saveQuarterActuals(
  session: PlanSession,
  quarter: string,
  entries: readonly QuarterEntry[],
): Promise<void> {
  await session.execute(quarterActualsCommand(quarter, entries), {
    done: ({ plan }) => {
      const reporting = planReportingQuarter(plan);
      const title = `${quarter} actuals saved on the cards`;
      if (reporting.state === 'set' && reporting.label === quarter) return { intent: 'success', title };
      return {
        intent: 'success',
        title,
        body: reportingNote(plan, reporting, quarter),
        actions: [
          { label: `Make ${quarter} the reporting quarter`, run: () => void chooseReportingQuarter(session, quarter) },
        ],
      };
    },
  });
}

/** What a quarter's actuals mean for the summary, as at the reporting quarter the workbook holds. */
function reportingNote(plan: Plan, reporting: ReportingQuarter, quarter: string): string {
  if (reporting.state !== 'set')
    return `No reporting quarter is set (${reportingQuarterText(reporting)}), so the summary shows no figures. Make ${quarter} the reporting quarter to see them.`;
  const saved = planQuarters(plan).findIndex((q) => q.label === quarter) + 1;
  return saved < reporting.position
    ? `The cards report as at ${reporting.label}, which already counts them.`
    : `The cards report as at ${reporting.label}, so these figures are not in the summary yet. Make ${quarter} the reporting quarter to see them.`;
}

export interface ReportingQuarterChoice {
  readonly quarters: readonly string[];
  /** The reporting quarter as the workbook holds it. */
  readonly current: ReportingQuarter;
  /** What the sheets and the panel's title show for it ("2026/27 Q1", "Not set"). */
  readonly shown: string;
  /** The quarter in the drop-down: the person's choice, else the one set, else today's. */
  readonly chosen: string | undefined;
  /** Where a person would type it in the workbook, "Assumptions!B41". */
  readonly cell: string;
  /** The drop-down differs from the workbook's reporting quarter, so there is something to write. */
  readonly changed: boolean;
  choose(quarter: string): void;
  save(): Promise<void>;
}

/** The reporting quarter for the Benefit Cards panel: the plan's quarters, the one chosen, and writing it. */
export function useReportingQuarter(session: PlanSession, plan: Plan, today?: Date): ReportingQuarterChoice {
  const quarters = useMemo(() => planQuarters(plan).map((q) => q.label), [plan]);
  const current = useMemo(() => planReportingQuarter(plan), [plan]);
  const cell = useMemo(() => reportingQuarterCell(plan), [plan]);
  const [picked, choose] = useState<string>();
  const chosen =
    picked !== undefined && quarters.includes(picked)
      ? picked
      : suggestedReportingQuarter(current, quarters, today ?? new Date());
  const changed = chosen !== undefined && !(current.state === 'set' && current.label === chosen);
  return {
    quarters,
    current,
    shown: reportingQuarterText(current),
    chosen,
    cell,
    changed,
    choose,
    save: () => (chosen ? chooseReportingQuarter(session, chosen) : Promise.resolve()),
  };
}
