import type Decimal from 'decimal.js';
import { STATUSES } from '../../../domain/benefitCard';
import { sum, ZERO } from '../../../domain/money';
import type { Plan } from '../../../domain/plan';
import { NEL } from '../../../domain/schemeTable';
import { benefitsSummary } from '../../../domain/benefitsSummary';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan, type TablePlan } from '../../sheetPlan';
import type { AssumptionsGeometry } from '../assumptions/assumptionsLayout';
import { sheetRange, type CardGeometry } from './benefitCards';
import { CARD_LABEL, FORMAT_DATE, SUMMARY_SHEET, TRACKER_NAMES, YEAR_REALISED_TO_QUARTER } from './names';

export { SUMMARY_SHEET };
export const SUMMARY_HEADERS = [
  'Ref',
  'Scheme',
  'Tier',
  'Type',
  'Owner',
  'Planned since plan start, quarters reported (£)',
  'Realised since plan start (£)',
  'Variance (£)',
  'Variance (%)',
  'Status',
  'Status set by',
  'Sign-off',
  'Next milestone',
  'Next due',
  'Unmatched entries',
] as const;
const SC = (header: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(header);
export const NEL_HEADERS = [
  'Target year',
  'NEL baseline',
  'NEL target',
  'Reduction target',
  'Planned in cards',
  'Realised in the year to the reporting quarter',
  'Realised % of target',
  'Year-end lower',
  'Year-end expected',
  'Year-end upper',
  'Expected % of target',
] as const;

export const NEL_LINE_HEADERS = [
  'Card',
  'Card year',
  'Planned',
  'Realised in the year to the reporting quarter',
  'Year-end lower',
  'Year-end expected',
  'Year-end upper',
] as const;

type Row = (CellPlan | null)[];

type Summary = ReturnType<typeof benefitsSummary>;
type NelLine = { year: string; g: CardGeometry };

/**
 * The steering group's summary: one row per card (every figure a reference to the card's Position
 * block), totals that follow the table's filters (SUBTOTAL), status counts, and where the plan
 * stands against its NEL reduction target. The table's filter buttons filter by tier and status.
 */
export function cardSummaryLayout(
  plan: Plan,
  cards: readonly CardGeometry[],
  assumptions: AssumptionsGeometry,
): SheetPlan {
  // The cards' own trackers: those of a layout for formulas alone have no figures to add up.
  const summary = benefitsSummary(
    plan,
    cards.map((g) => g.tracker),
  );
  const rows: Row[] = [
    [text(`${plan.board} Benefit Cards: steering group summary`, 'title')],
    [
      text(
        'One row per Benefit Card, as at the reporting quarter: planned and realised since the plan began, over the quarters with data. A quarter or card with no data is left out of every variance and total (each card shows the planned £ it leaves out); cards with none are counted under "No data yet". Filter by tier or status with the header buttons; the totals follow the filter.',
        'note',
      ),
    ],
    [text('As at'), formula(TRACKER_NAMES.quarter, summary.asAt, FORMAT.text)],
    [],
  ];
  const header = rows.length;
  rows.push(SUMMARY_HEADERS.map((h) => text(h, 'header')));
  const first = rows.length;
  cards.forEach((g, i) => rows.push(cardLine(g, summary.cards[i])));
  const last = rows.length - 1;
  const tables: TablePlan[] = cards.length
    ? [{ name: 'BenefitsSummary', row: header, column: 0, columns: SUMMARY_HEADERS, rowCount: cards.length }]
    : [];
  const span = (col: number) => `${cellAddress(first, col)}:${cellAddress(last, col)}`;
  rows.push(totalsRow(summary, cards.length, rows.length, span));
  rows.push([]);
  rows.push([text('Cards by status', 'subtitle')]);
  for (const status of STATUSES) {
    rows.push([
      text(status),
      cards.length
        ? formula(`COUNTIF(${span(SC('Status'))},"${status}")`, summary.statusCounts[status], FORMAT.count)
        : num(0, FORMAT.count),
    ]);
  }
  rows.push([]);
  nelStanding(rows, summary, cards, assumptions);

  return {
    name: SUMMARY_SHEET,
    rows,
    tables,
    columnWidths: [18, 36, 10, 20, 22, 18, 16, 14, 12, 12, 16, 16, 30, 12, 12],
    freeze: { rows: header + 1, columns: 1 },
    tabColor: '7F6000',
  };
}

/** A card's row of the summary table, every figure a reference to the card's sheet. */
function cardLine(g: CardGeometry, t: Summary['cards'][number]): Row {
  const ref = (label: string) => sheetRange(g.sheet, g.cell[label]);
  const card = t.card;
  const pos = t.position;
  return [
    text(card.ref),
    formula(`""&${ref(CARD_LABEL.scheme)}`, card.schemeName, FORMAT.text),
    formula(`""&${ref(CARD_LABEL.tier)}`, card.tier, FORMAT.text),
    formula(`""&${ref(CARD_LABEL.type)}`, card.type, FORMAT.text),
    formula(`""&${ref(CARD_LABEL.owner)}`, card.owner, FORMAT.text),
    formula(ref(CARD_LABEL.plannedToDate), pos.plannedToDate, FORMAT.pounds),
    formula(ref(CARD_LABEL.realisedToDate), pos.realisedToDate, FORMAT.pounds),
    formula(ref(CARD_LABEL.variance), pos.variance ?? '', FORMAT.pounds),
    formula(ref(CARD_LABEL.variancePct), pos.variancePct ?? '', FORMAT.percent),
    formula(ref(CARD_LABEL.status), pos.status, FORMAT.text),
    formula(ref(CARD_LABEL.statusSetBy), pos.statusSetBy, FORMAT.text),
    formula(ref(CARD_LABEL.signOff), pos.signOff, FORMAT.text),
    formula(ref(CARD_LABEL.nextMilestone), pos.nextMilestone, FORMAT.text),
    formula(ref(CARD_LABEL.nextDue), pos.nextDue ?? '', FORMAT_DATE),
    formula(ref(CARD_LABEL.unmatched), pos.unmatched, FORMAT.count),
  ];
}

/** The totals under the summary table (SUBTOTAL, so they follow its filters), at row `total`. */
function totalsRow(summary: Summary, cardCount: number, total: number, span: (col: number) => string): Row {
  const subtotal = (col: number, value: Decimal) =>
    cardCount ? formula(`SUBTOTAL(109,${span(col)})`, value, FORMAT.pounds, 'total') : num(0, FORMAT.pounds, 'total');
  const totals: Row = SUMMARY_HEADERS.map(() => null);
  totals[0] = text('Total', 'total');
  totals[1] = text('Cards shown', 'total');
  totals[SC('Planned since plan start, quarters reported (£)')] = subtotal(
    SC('Planned since plan start, quarters reported (£)'),
    summary.plannedToDate,
  );
  totals[SC('Realised since plan start (£)')] = subtotal(SC('Realised since plan start (£)'), summary.realisedToDate);
  totals[SC('Variance (£)')] = subtotal(SC('Variance (£)'), summary.variance);
  totals[SC('Variance (%)')] = formula(
    `IF(${cellAddress(total, SC('Planned since plan start, quarters reported (£)'))}=0,"n/a",${cellAddress(total, SC('Variance (£)'))}/${cellAddress(total, SC('Planned since plan start, quarters reported (£)'))})`,
    summary.variancePct,
    FORMAT.percent,
    'total',
  );
  const unmatched = sum(summary.cards.map((c) => ZERO.plus(c.card.unmatched.length)));
  totals[SC('Unmatched entries')] = cardCount
    ? formula(`SUBTOTAL(109,${span(SC('Unmatched entries'))})`, unmatched, FORMAT.count, 'total')
    : num(0, FORMAT.count, 'total');
  return totals;
}

/** Where the plan stands against its NEL reduction target, year by year, and the card lines each year adds up. */
function nelStanding(
  rows: Row[],
  summary: Summary,
  cards: readonly CardGeometry[],
  assumptions: AssumptionsGeometry,
): void {
  rows.push([text('Where the plan stands against its NEL reduction target', 'subtitle')]);
  rows.push([
    text(
      'Reduction target = baseline − target admissions (Targets on the Assumptions sheet). Planned, realised (in the year, to the end of the reporting quarter) and forecast NEL reductions add up every card.',
      'note',
    ),
  ]);
  rows.push(NEL_HEADERS.map((h) => text(h, 'header')));
  const nelFirst = rows.length;
  // Each year's figures sum the card lines listed below the table (a range, not a chain of card references, which would pass Excel's formula length at about a thousand cards).
  const lineFirst = nelFirst + summary.nel.length + (summary.nel.length ? 0 : 1) + 3; // the years (or the note), a blank row, the subtitle, the header
  const nelLines: NelLine[] = summary.nel.flatMap((standing) =>
    cards.filter((g) => g.yearRows.get(NEL)?.has(standing.year)).map((g) => ({ year: standing.year, g })),
  );
  const lineLast = lineFirst + Math.max(nelLines.length, 1) - 1;
  for (const standing of summary.nel) {
    rows.push(nelYearRow(rows.length, standing, assumptions, nelLines.length > 0, lineFirst, lineLast));
  }
  if (!summary.nel.length)
    rows.push([text('The plan sets no NEL target for its years (Targets on the Assumptions sheet).', 'note')]);
  rows.push([]);
  rows.push([text('NEL reductions by card: the lines the table above adds up', 'subtitle')]);
  rows.push(NEL_LINE_HEADERS.map((h) => text(h, 'header')));
  for (const line of nelLines) rows.push(nelLineRow(line));
}

/** A year's row of the NEL table, at row `r`: its figures sum the card lines from `lineFirst` to `lineLast`. */
function nelYearRow(
  r: number,
  standing: Summary['nel'][number],
  assumptions: AssumptionsGeometry,
  anyLines: boolean,
  lineFirst: number,
  lineLast: number,
): Row {
  const target = assumptions.target(standing.year);
  const add = (col: number, value: Decimal, format: string) =>
    anyLines
      ? formula(
          `SUMIF(${cellAddress(lineFirst, 1, true)}:${cellAddress(lineLast, 1, true)},${cellAddress(r, 0)},${cellAddress(lineFirst, col, true)}:${cellAddress(lineLast, col, true)})`,
          value,
          format,
        )
      : num(value, format);
  const at = (col: number) => cellAddress(r, col);
  return [
    text(standing.year),
    target ? formula(target.baseline, standing.baseline, FORMAT.count) : num(standing.baseline, FORMAT.count),
    target ? formula(target.target, standing.target, FORMAT.count) : num(standing.target, FORMAT.count),
    formula(`${at(1)}-${at(2)}`, standing.reductionTarget, FORMAT.count),
    add(2, standing.plannedInCards, FORMAT.count),
    add(3, standing.realised, FORMAT.count),
    formula(`IF(${at(3)}=0,"n/a",${at(5)}/${at(3)})`, standing.realisedOfTarget, FORMAT.percent),
    add(4, standing.forecast.lower, FORMAT.count),
    add(5, standing.forecast.expected, FORMAT.count),
    add(6, standing.forecast.upper, FORMAT.count),
    formula(`IF(${at(3)}=0,"n/a",${at(8)}/${at(3)})`, standing.expectedOfTarget, FORMAT.percent),
  ];
}

/** A card's NEL line for a year: references to the year's row on the card. */
function nelLineRow({ year, g }: NelLine): Row {
  const cell = (col: number) => sheetRange(g.sheet, cellAddress(g.yearRows.get(NEL)!.get(year)!, col, true));
  const y = g.tracker.metrics.find((m) => m.metric.unit.id === NEL)!.years.find((x) => x.year === year)!;
  return [
    text(g.sheet),
    text(year),
    formula(cell(1), y.plan, FORMAT.count),
    formula(cell(YEAR_REALISED_TO_QUARTER), y.realisedToQuarter, FORMAT.count),
    formula(cell(5), y.forecast.lower, FORMAT.count),
    formula(cell(6), y.forecast.expected, FORMAT.count),
    formula(cell(7), y.forecast.upper, FORMAT.count),
  ];
}
