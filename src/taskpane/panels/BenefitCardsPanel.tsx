import { Body1, Button, Caption1, Field, makeStyles, Select, Subtitle2 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { planQuarters, planReportingQuarter } from '../../domain/benefitCard';
import { formatCount, formatPercent } from '../../domain/money';
import type { Plan } from '../../domain/plan';
import { reportingQuarterText, suggestedReportingQuarter } from '../../domain/reportingQuarter';
import { benefitsSummary, combinedCumulative } from '../../domain/benefitsSummary';
import { REFRESHING_CARDS, refreshCardsInPane } from '../cardActions';
import { CumulativeChart } from '../CumulativeChart';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';
import type { PlanSession } from '../session';
import { QuarterActuals } from './cards/QuarterActuals';
import { ReportingQuarter } from './cards/ReportingQuarter';
import { SteeringSummary } from './cards/SteeringSummary';

const useStyles = makeStyles({
  ...panelStyles,
  // A native select is as wide as its longest option; keep it inside the pane.
  chartField: { maxWidth: '100%', '& select': { maxWidth: '100%', width: '100%' } },
});

/**
 * The Benefit Cards tab: create or refresh the cards, enter one quarter's actuals card by card,
 * and see the steering group's summary. Commands run through the session's one runner against
 * its host; the plan shown is the one the workbook holds.
 */
export function BenefitCardsPanel({ session }: FeatureProps) {
  const styles = useStyles();
  const plan = session.base;
  const quarter = plan ? reportingQuarterText(planReportingQuarter(plan)) : undefined;
  return (
    <>
      <section className={styles.section} aria-labelledby="cards-heading">
        <Subtitle2 as="h2" id="cards-heading">
          {quarter ? `Benefit Cards, as at ${quarter}` : 'Benefit Cards'}
        </Subtitle2>
        <Body1>
          A card per scheme with benefits: profile by quarter, tracker, barriers, milestones and sign-off. Refreshing
          after the plan changes keeps everything people typed.
        </Body1>
        <div>
          <Button
            appearance="primary"
            disabled={!!session.busy || !plan}
            onClick={() => void refreshCardsInPane(session)}
          >
            {session.busy?.label === REFRESHING_CARDS ? 'Writing the cards…' : 'Create or refresh cards'}
          </Button>
        </div>
        {!plan && <Caption1 className={styles.muted}>Put a plan in the workbook on the Plan tab first.</Caption1>}
      </section>
      {plan && <CardsOfPlan session={session} plan={plan} />}
    </>
  );
}

function CardsOfPlan({ session, plan }: { readonly session: PlanSession; readonly plan: Plan }) {
  const styles = useStyles();
  const quarters = useMemo(() => planQuarters(plan).map((q) => q.label), [plan]);
  const summary = useMemo(() => benefitsSummary(plan), [plan]);
  const [charted, setCharted] = useState<string>('all');
  const chartPoints = useMemo(
    () => combinedCumulative(summary.cards.filter((t) => charted === 'all' || t.card.ref === charted)),
    [summary, charted],
  );
  if (!summary.cards.length)
    return (
      <Caption1 className={styles.muted}>
        No scheme expects a benefit yet, so there are no cards to fill in: on the Plan tab, give a scheme a reduction in
        admissions or another benefit, then create the cards.
      </Caption1>
    );
  return (
    <>
      <ReportingQuarter session={session} plan={plan} />
      <QuarterActuals
        session={session}
        plan={plan}
        quarters={quarters}
        initial={suggestedReportingQuarter(summary.quarter, quarters, new Date()) ?? ''}
      />
      <SteeringSummary summary={summary} />
      <Field label="Cumulative benefit for" className={styles.chartField}>
        <Select value={charted} onChange={(_, d) => setCharted(d.value)}>
          <option value="all">All cards</option>
          {summary.cards.map(({ card }) => (
            <option key={card.ref} value={card.ref}>
              {card.ref} {card.schemeName.length > 32 ? `${card.schemeName.slice(0, 31)}…` : card.schemeName}
            </option>
          ))}
        </Select>
      </Field>
      <CumulativeChart
        title={`Cumulative planned and realised benefit, ${charted === 'all' ? 'all cards' : `card ${charted}`}`}
        points={chartPoints}
      />
      {summary.nel.map((n) => (
        <Caption1 key={n.year}>
          NEL reduction target {n.year}: {formatCount(n.reductionTarget)}; realised to date {formatCount(n.realised)} (
          {n.realisedOfTarget === 'n/a' ? 'n/a' : formatPercent(n.realisedOfTarget)}); expected by year end{' '}
          {formatCount(n.forecast.expected.toDecimalPlaces(0))}.
        </Caption1>
      ))}
    </>
  );
}
