import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { formatPounds } from '../../../domain/money';
import type { BenefitsSummary } from '../../../domain/benefitsSummary';
import { panelStyles } from '../../panelStyles';

const useStyles = makeStyles({
  ...panelStyles,
  header: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    minWidth: 0,
    overflowWrap: 'anywhere',
    textAlign: 'left',
  },
  Red: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  Amber: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  Green: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

type Tone = 'Red' | 'Amber' | 'Green';
const isTone = (s: string): s is Tone => s === 'Red' || s === 'Amber' || s === 'Green';

/**
 * The steering group's summary in a narrow pane: each card's key figures (status and variance) in
 * its heading, the rest (planned, realised, sign-off, next milestone) in its details.
 */
export function SteeringSummary({ summary }: { readonly summary: BenefitsSummary }) {
  const styles = useStyles();
  const dl = (rows: readonly [string, string][]) => (
    <dl className={styles.figures}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <section className={styles.section} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading">
        Steering-group summary as at {summary.asAt}
      </Subtitle2>
      {dl([
        ['Planned (quarters reported)', formatPounds(summary.plannedToDate)],
        ['Realised', formatPounds(summary.realisedToDate)],
        ['Variance', formatPounds(summary.variance)],
        ['Planned, not yet reported', formatPounds(summary.plannedNotReported)],
        [
          'Cards',
          `Green ${summary.statusCounts.Green}, Amber ${summary.statusCounts.Amber}, Red ${summary.statusCounts.Red}, no data ${summary.statusCounts['No data yet']}`,
        ],
      ])}
      <Accordion multiple collapsible aria-label="Each card’s position">
        {summary.cards.map(({ card, position: p }) => (
          <AccordionItem key={card.ref} value={card.ref}>
            <AccordionHeader expandIconPosition="end">
              <span className={styles.header}>
                <span>
                  {card.ref} {card.schemeName.length > 50 ? `${card.schemeName.slice(0, 49)}…` : card.schemeName}
                </span>
                <Caption1>
                  <span className={isTone(p.status) ? styles[p.status] : undefined}>{p.status}</span>
                  {p.statusSetBy && p.hasData ? ` (${p.statusSetBy.toLowerCase()})` : ''} ·{' '}
                  {p.variance === null ? 'no data' : `variance ${formatPounds(p.variance)}`}
                </Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {dl([
                ['Planned (quarters reported)', formatPounds(p.plannedToDate)],
                ['Realised', formatPounds(p.realisedToDate)],
                ['Planned, not yet reported', formatPounds(p.plannedNotReported)],
                ['Sign-off', p.signOff || '–'],
                ['Next milestone', p.nextMilestone || '–'],
              ])}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
