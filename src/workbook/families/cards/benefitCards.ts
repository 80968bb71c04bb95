import {
  benefitCards,
  cardBook,
  cardSheetName,
  planReportingQuarter,
  type BenefitCard,
  type Tolerances,
} from '../../../domain/benefitCard';
import type { Plan } from '../../../domain/plan';
import { quoteSheet } from '../../../domain/problems';
import type { ReportingQuarter } from '../../../domain/reportingQuarter';
import { cardTracker, type CardTracker } from '../../../domain/tracker';
import { trackerRows } from '../../../domain/trackerRows';
import type { ChartPlan, SheetPlan } from '../../sheetPlan';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { absCell, type CardRows } from './cardRows';
import {
  barriersAndDependencies,
  cardHeading,
  identityAndCase,
  milestonesTable,
  signOffTable,
  unmatchedTable,
} from './cardSections';
import { type FormulaMemo } from './metricSection';
import { CARD_LABEL } from './names';
import { fillPositionFigures, fillPositionStatus, positionPlaceholders, type PositionRefs } from './positionSection';
import { cumulativeTable, trackerBlocks, type CumulativeMemo } from './trackerSections';

/** Where a card's position figures sit, for the summary sheet. */
export interface CardGeometry {
  readonly sheet: string;
  readonly tracker: CardTracker;
  /** Absolute cell of a CARD_LABEL in the position or identity block, "$B$7". */
  readonly cell: Readonly<Record<string, string>>;
  /** Per metric id, per year: the row of the "Plan by year" block (zero-based). */
  readonly yearRows: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface BenefitCardsLayout {
  readonly sheets: SheetPlan[];
  readonly geometry: CardGeometry[];
}

export interface CardsLayoutOptions {
  /**
   * Given, each card sheet goes to it as soon as it is laid out instead of into `sheets`: a
   * caller that looks at each sheet once (the audit) then never holds a thousand at a time.
   */
  readonly eachSheet?: (sheet: SheetPlan) => void;
  /**
   * Cards laid out for their formulas alone (trackerRows): the same rows and formulas, but the
   * results cached on the cards and the summary are placeholders. For a caller that compares
   * formulas and nothing else (the audit); never for a workbook that is written.
   */
  readonly formulasOnly?: boolean;
  /** Given, only the cards whose sheet it accepts are laid out, with geometry for those alone (nothing to sum up in a summary). */
  readonly only?: (sheet: string) => boolean;
}

/** One sheet per card; their settings are on the Assumptions sheet (trackerSettings.ts). */
export function benefitCardsLayout(
  plan: Plan,
  schemes: SchemesGeometry,
  { eachSheet, formulasOnly = false, only }: CardsLayoutOptions = {},
): BenefitCardsLayout {
  const book = cardBook(plan);
  const quarter = planReportingQuarter(plan);
  const sheets: SheetPlan[] = [];
  const context: CardContext = {
    tolerances: book.tolerances,
    quarter,
    schemes,
    formulasOnly,
    memo: { formulasOnly, rows: new Map() },
    cumulative: new Map(),
  };
  const cards = benefitCards(plan);
  const geometry = (only ? cards.filter((card) => only(cardSheetName(card.ref))) : cards).map((card) => {
    const laid = cardSheet(plan, card, context);
    if (eachSheet) eachSheet(laid.plan);
    else sheets.push(laid.plan);
    return laid.geometry;
  });
  return { sheets, geometry };
}

/** What every card of a plan is laid out against: worked out once for all of them. */
interface CardContext {
  readonly tolerances: Tolerances;
  readonly quarter: ReportingQuarter;
  readonly schemes: SchemesGeometry;
  readonly formulasOnly: boolean;
  readonly memo: FormulaMemo;
  readonly cumulative: CumulativeMemo;
}

function cardSheet(
  plan: Plan,
  card: BenefitCard,
  { tolerances, quarter, schemes, formulasOnly, memo, cumulative }: CardContext,
): { plan: SheetPlan; geometry: CardGeometry } {
  const tracker = formulasOnly ? trackerRows(card, quarter) : cardTracker(card, tolerances, quarter);
  const name = cardSheetName(card.ref);
  const b: CardRows = { rows: [], validations: [], cell: {} };
  const yearRows = new Map<string, Map<string, number>>();

  cardHeading(b, card);
  const positionRow = positionPlaceholders(b, card);
  const schemeIndex = identityAndCase(b, plan, card, schemes);
  const blocks = trackerBlocks(b, card, tracker, schemeIndex, schemes, yearRows, memo);
  const posCell = absCell(positionRow.get(CARD_LABEL.quarterNumber)!, 1);
  const cumRange = cumulativeTable(b, tracker, blocks.firstQuarterRows, posCell, cumulative);
  const charts: ChartPlan[] = tracker.cumulative.length
    ? [
        {
          type: 'line',
          title: `${card.ref}: cumulative benefit, planned against realised (£)`,
          categories: cumRange(0),
          series: [
            { name: 'Planned', range: cumRange(1) },
            { name: 'Realised', range: cumRange(2) },
          ],
          anchor: 'H4',
        },
      ]
    : [];
  b.rows.push([]);
  barriersAndDependencies(b, card);
  const ms = milestonesTable(b, card);
  const soFirst = signOffTable(b, plan, card);
  const un = unmatchedTable(b, card);

  const position: PositionRefs = {
    positionRow,
    posCell,
    cumRange,
    rateStatusRange: blocks.rateStatusRange,
    rateNameCell: blocks.rateNameCell,
    signOffRange: `${absCell(soFirst, 3)}:${absCell(soFirst + 2, 3)}`,
    msRange: (col: number) => `${absCell(ms.first, col)}:${absCell(ms.last, col)}`,
    unmatchedRange: `${absCell(un.first, 6)}:${absCell(un.last, 6)}`,
  };
  fillPositionFigures(b.rows, tracker, position);
  fillPositionStatus(b.rows, card, tracker, position);

  return {
    plan: {
      name,
      rows: b.rows,
      validations: b.validations,
      charts,
      columnWidths: [30, 34, 12, 12, 14, 12, 12, 12, 12, 14, 12, 14, 12, 12, 12, 12, 12, 12, 12, 40],
      freeze: { rows: 1, columns: 1 },
      tabColor: 'BF8F00',
    },
    geometry: { sheet: name, tracker, cell: b.cell, yearRows },
  };
}

export function sheetRange(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}
