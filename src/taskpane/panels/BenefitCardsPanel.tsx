import { Body1, Button, Caption1, Field, makeStyles, Select, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCount, formatPercent } from '../../domain/money';
import type { Plan } from '../../domain/plan';
import { CumulativeChart } from '../CumulativeChart';
import type { FeatureProps } from '../feature';
import { panelStyles } from '../panelStyles';
import type { PlanSession } from '../session';
import { QuarterActuals } from './cards/QuarterActuals';
import { ReportingQuarter } from './cards/ReportingQuarter';
import { SteeringSummary } from './cards/SteeringSummary';
import {
  useBenefitCards,
  useCardsOfPlan,
  type BenefitCardsState,
  type CardsOfPlanState,
} from './cards/useBenefitCards';

const useStyles = makeStyles({
  ...panelStyles,
  // A native select is as wide as its longest option; keep it inside the pane.
  chartField: { maxWidth: '100%', '& select': { maxWidth: '100%', width: '100%' } },
});

/**
 * The Benefit Cards tab: create or refresh the cards, enter one quarter's actuals card by card,
 * and see the steering group's summary. State and commands are useBenefitCards' (through the
 * session's one runner); the plan shown is the one the workbook holds.
 */
export function BenefitCardsPanel({ session }: FeatureProps) {
  const tab = useBenefitCards(session);
  return <BenefitCardsView tab={tab}>{tab.plan && <CardsOfPlan session={session} plan={tab.plan} />}</BenefitCardsView>;
}

export function BenefitCardsView({
  tab,
  children,
}: {
  readonly tab: BenefitCardsState;
  readonly children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-labelledby="cards-heading">
        <Subtitle2 as="h2" id="cards-heading">
          {tab.quarter ? `Benefit Cards, as at ${tab.quarter}` : 'Benefit Cards'}
        </Subtitle2>
        <Body1>
          A card per scheme with benefits: profile by quarter, tracker, barriers, milestones and sign-off. Refreshing
          after the plan changes keeps everything people typed.
        </Body1>
        <div>
          <Button appearance="primary" disabled={tab.busy || !tab.plan} onClick={tab.refresh}>
            {tab.refreshing ? 'Writing the cards…' : 'Create or refresh cards'}
          </Button>
        </div>
        {!tab.plan && <Caption1 className={styles.muted}>Put a plan in the workbook on the Plan tab first.</Caption1>}
      </section>
      {children}
    </>
  );
}

function CardsOfPlan({ session, plan }: { readonly session: PlanSession; readonly plan: Plan }) {
  const cards = useCardsOfPlan(plan);
  return (
    <CardsOfPlanView cards={cards}>
      <ReportingQuarter session={session} plan={plan} />
      <QuarterActuals session={session} plan={plan} quarters={cards.quarters} initial={cards.initial} />
    </CardsOfPlanView>
  );
}

/** The summary and chart, after the forms given as children (they have state of their own). */
function CardsOfPlanView({ cards, children }: { readonly cards: CardsOfPlanState; readonly children: ReactNode }) {
  const styles = useStyles();
  const { summary, charted } = cards;
  if (!summary.cards.length)
    return (
      <Caption1 className={styles.muted}>
        No scheme expects a benefit yet, so there are no cards to fill in: on the Plan tab, give a scheme a reduction in
        admissions or another benefit, then create the cards.
      </Caption1>
    );
  return (
    <>
      {children}
      <SteeringSummary summary={summary} />
      <Field label="Cumulative benefit for" className={styles.chartField}>
        <Select value={charted} onChange={(_, d) => cards.chart(d.value)}>
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
        points={cards.chartPoints}
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
