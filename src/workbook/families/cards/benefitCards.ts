import type Decimal from 'decimal.js';
import {
  BENEFIT_TYPES,
  benefitCards,
  cardBook,
  cardSheetName,
  MILESTONE_STATUSES,
  planQuarters,
  planReportingQuarter,
  SIGN_OFF_DECISIONS,
  signOffRoles,
  type BenefitCard,
  type Tolerances,
} from '../../../domain/benefitCard';
import type { Plan } from '../../../domain/plan';
import { unitCostName } from '../../../domain/plan';
import { quoteSheet } from '../../../domain/problems';
import {
  NOT_A_QUARTER,
  NOT_SET,
  reportingQuarterText as reportingQuarterShown,
  type ReportingQuarter,
} from '../../../domain/reportingQuarter';
import {
  cardTracker,
  dateSerial,
  MONEY,
  NO_DATA,
  type CardTracker,
  type MetricTracker,
  type RateTracker,
} from '../../../domain/tracker';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import {
  FORMAT,
  listValidation,
  type CellPlan,
  type ChartPlan,
  type DefinedNamePlan,
  type SheetPlan,
  type ValidationPlan,
} from '../../sheetPlan';
import { BLOCKS } from '../shared/blocks';
import { HEADERS } from '../assumptions/names';
import { schemesGeometry } from '../assumptions/schemesLayout';
import { inputNote, legendRow } from '../shared/inputLegend';

/**
 * Benefit Card sheets, one per card ("Card 2b"), and the tracker settings block on the Assumptions
 * sheet. Input cells are kept by people and read back by cards/reader.ts; every other figure
 * is a live formula over them, the Schemes sheet, the unit-cost names and the tolerance names, with
 * the decimal.js figure (domain/tracker.ts) as its cached result.
 *
 * Each block starts with a title in column A (CARD_SECTION), so the reader finds blocks by their
 * titles and columns by their headers, whatever rows people insert.
 */

export const CARD_SECTION = {
  position: 'Position',
  identity: 'Identity and ownership',
  case: 'The case',
  metric: 'Profile and tracker:', // + " NEL"
  rate: 'Non-financial measure:', // + " Satisfaction"
  cumulative: 'Cumulative benefit',
  barriers: 'Barriers',
  dependencies: 'Dependencies',
  milestones: 'Benefits realisation plan',
  signOff: 'Sign-off',
  unmatched: 'Unmatched entries',
} as const;

export const CARD_LABEL = {
  asAt: 'As at',
  quarterNumber: 'Quarter number',
  plannedToDate: 'Planned since the plan began, quarters reported (£)',
  realisedToDate: 'Realised since the plan began (£)',
  notReported: 'Planned in quarters with no data (£)',
  entries: 'Entries to the reporting quarter',
  variance: 'Variance (£)',
  variancePct: 'Variance (%)',
  financialStatus: 'Financial status',
  status: 'Status',
  statusSetBy: 'Status set by',
  signOff: 'Sign-off',
  nextMilestone: 'Next milestone',
  nextDue: 'Next due',
  unmatched: 'Unmatched entries',
  ref: 'Scheme ref',
  scheme: 'Scheme',
  title: 'Benefit title',
  type: 'Type',
  tier: 'Tier',
  owner: 'Benefit owner',
  description: 'Description',
  measures: 'Measures it moves',
  calculation: 'How the benefit is calculated',
  evidence: 'Evidence',
  optimismBias: 'Optimism bias',
  timeLag: 'Time lag',
  notes: 'Notes',
  rateName: 'Measure',
  rateUnit: 'Unit',
  rateTarget: 'Target',
  rateDirection: 'Higher is better',
} as const;

export const QUARTER_HEADERS = [
  'Quarter',
  'Months',
  'Phasing %',
  'Planned',
  'Planned (£)',
  'Realised reduction',
  'Baseline admissions',
  'Actual admissions',
  'Realised',
  'Realised (£)',
  'Variance',
  'Variance (£)',
  'Variance (%)',
  'Cumulative planned',
  'Planned, quarter reported',
  'Cumulative planned, quarters reported',
  'Cumulative realised',
  'Forecast lower',
  'Forecast expected',
  'Forecast upper',
  'Status',
  'Note',
] as const;
/** Column of a quarter-row header: formulas name the column they read. */
const QC = (header: (typeof QUARTER_HEADERS)[number]) => QUARTER_HEADERS.indexOf(header);
export const YEAR_HEADERS = [
  'Year',
  'Plan',
  'Profile',
  'Phasing total',
  'Realised',
  'Year-end lower',
  'Year-end expected',
  'Year-end upper',
  'Difference',
  'Check',
  'Realised in the year to the reporting quarter',
] as const;
export const YEAR_REALISED_TO_QUARTER = YEAR_HEADERS.length - 1;
export const RATE_HEADERS = [
  'Quarter',
  'Months',
  'Target',
  'Actual',
  'Variance',
  '% of target',
  'Average to date',
  'Status',
  'Note',
] as const;
export const CUMULATIVE_HEADERS = [
  'Quarter',
  'Planned cumulative (£)',
  'Realised cumulative (£)',
  'Realised % of planned (quarters reported)',
  'Entries to date',
  'Planned cumulative, quarters reported (£)',
] as const;
export const MILESTONE_HEADERS = ['Activity', 'Milestone', 'Due', 'Status', 'Open due'] as const;
export const SIGN_OFF_HEADERS = ['Role', 'Name', 'Date', 'Decision'] as const;
export const UNMATCHED_HEADERS = [
  'Quarter',
  'Metric',
  'Realised reduction',
  'Baseline admissions',
  'Actual admissions',
  'Note',
  'Why it no longer fits',
] as const;

export const TRACKER_SETTINGS_HEADER = HEADERS.trackerSettings;
export const TRACKER_NAMES = {
  green: 'Tolerance_Green',
  amber: 'Tolerance_Amber',
  range: 'Forecast_Range',
  asAt: 'Tracker_AsAt',
  quarter: 'Tracker_Quarter',
  position: 'Tracker_Position',
} as const;
export const TRACKER_LABELS = {
  green: 'Green at or above',
  amber: 'Amber at or above',
  range: 'Forecast range',
  asAt: 'Reporting quarter',
  quarter: 'Reporting quarter as read',
  position: 'Reporting quarter number',
} as const;

export const FORMAT_DATE = 'dd/mm/yyyy';
export const SPARE_ROWS = 3;
const NA = 'n/a';

type Row = (CellPlan | null)[];

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
  readonly assumptions: SheetPlan;
  readonly sheets: SheetPlan[];
  readonly names: DefinedNamePlan[];
  readonly geometry: CardGeometry[];
}

export interface CardsLayoutOptions {
  /** false: the tracker settings only (the pane writes the tables before anyone creates cards). */
  readonly withSheets?: boolean;
  /**
   * Given, each card sheet goes to it as soon as it is laid out instead of into `sheets`: a
   * caller that looks at each sheet once (the audit) then never holds a thousand at a time.
   */
  readonly eachSheet?: (sheet: SheetPlan) => void;
}

/** The tracker settings appended to the Assumptions sheet, and one sheet per card. */
export function benefitCardsLayout(
  plan: Plan,
  assumptions: SheetPlan,
  { withSheets = true, eachSheet }: CardsLayoutOptions = {},
): BenefitCardsLayout {
  const book = cardBook(plan);
  const quarter = planReportingQuarter(plan);
  const { sheet, names } = withTrackerSettings(plan, assumptions, book.tolerances, quarter);
  // The tracker settings always go on Assumptions; the card sheets only when the cards are written.
  const sheets: SheetPlan[] = [];
  const geometry = (withSheets ? benefitCards(plan) : []).map((card) => {
    const laid = cardSheet(plan, card, book.tolerances, quarter);
    if (eachSheet) eachSheet(laid.plan);
    else sheets.push(laid.plan);
    return laid.geometry;
  });
  return { assumptions: sheet, sheets, names, geometry };
}

/**
 * The reporting quarter as typed, and as every sheet reads it: TRIM and a case-blind MATCH against
 * the plan's quarters listed on the sheet (text with a wildcard matches none), as
 * domain/reportingQuarter.ts does.
 */
function quarterFormulas(list: string, count: number): { position: string; shown: string } {
  const typed = TRACKER_NAMES.asAt;
  const wildcard = ['*', '?', '~'].map((w) => `ISNUMBER(FIND("${w}",${typed}))`).join('+');
  const position = count
    ? `IF(TRIM(${typed})="",0,IF(${wildcard}>0,0,IFERROR(MATCH(TRIM(${typed}),${list},0),0)))`
    : '0';
  const label = count ? `""&INDEX(${list},${TRACKER_NAMES.position})` : '""';
  const shown = `IF(${TRACKER_NAMES.position}>0,${label},IF(TRIM(${typed})="","${NOT_SET}","${NOT_A_QUARTER}"&TRIM(${typed})))`;
  return { position, shown };
}

function withTrackerSettings(
  plan: Plan,
  assumptions: SheetPlan,
  t: Tolerances,
  quarter: ReportingQuarter,
): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const rows: Row[] = assumptions.rows.map((r) => [...r]);
  if (rows.length && rows[rows.length - 1].length) rows.push([]);
  const header = rows.length;
  rows.push(TRACKER_SETTINGS_HEADER.map((h) => text(h, 'header')));
  const quarters = planQuarters(plan).map((q) => q.label);
  // The plan's quarters are listed under the settings, one row per TRACKER_NAMES entry, after a blank row and their header.
  const listHeader = header + 1 + Object.keys(TRACKER_NAMES).length + 1;
  const listCells = `${cellAddress(listHeader + 1, 0, true)}:${cellAddress(listHeader + Math.max(quarters.length, 1), 0, true)}`;
  const read = quarterFormulas(listCells, quarters.length);
  const settings: [keyof typeof TRACKER_NAMES, CellPlan, string][] = [
    [
      'green',
      num(t.green, FORMAT.percent, 'input'),
      'Green when performance (realised ÷ planned, as 1 + (realised − planned) ÷ the plan’s size so a shortfall always lowers it, whatever the sign) is at least this; with nothing planned, Green unless realised is below zero.',
    ],
    [
      'amber',
      num(t.amber, FORMAT.percent, 'input'),
      'Amber at least this (and below green); below it Red. A card’s status is its worst measure’s, and "Status set by" names that measure.',
    ],
    [
      'range',
      num(t.forecastRange, FORMAT.percent, 'input'),
      'Year-end forecasts: the rest of the year at the run rate over the quarters reported, less or more this share; lower is always the smaller.',
    ],
    [
      'asAt',
      text(quarter.typed, 'input'),
      `The quarter the steering group reviews, e.g. ${quarters[0] ?? '2014/15 Q1'} (case and extra spaces don’t matter). Left blank, or not a quarter of the plan, it is shown as such and no figures are reported.`,
    ],
    [
      'quarter',
      formula(read.shown, reportingQuarterShown(quarter), FORMAT.text),
      'How every sheet, the task pane and bcf track read the reporting quarter.',
    ],
    [
      'position',
      formula(read.position, quarter.position, FORMAT.count),
      'Its place among the plan’s quarters; 0 when it is not set or not a quarter of the plan.',
    ],
  ];
  const names: DefinedNamePlan[] = [];
  settings.forEach(([key, cell, meaning], i) => {
    rows.push([text(TRACKER_LABELS[key]), cell, text(meaning, 'note')]);
    names.push({
      name: TRACKER_NAMES[key],
      sheet: assumptions.name,
      cell: cellAddress(header + 1 + i, 1, true),
      comment: TRACKER_LABELS[key],
    });
  });
  // The plan's quarters, listed under the settings: the reporting quarter is matched against them, and its drop-down takes them from there when they are too many to write out.
  rows.push([]);
  rows.push(BLOCKS.planQuarters.headers.map((h) => text(h, 'header')));
  for (const q of quarters) rows.push([text(q)]);
  const validations: ValidationPlan[] = [
    ...(assumptions.validations ?? []),
    ...(quarters.length
      ? [
          listValidation(
            cellAddress(header + 4, 1),
            quarters,
            listCells,
            'Choose one of the plan’s quarters, e.g. 2015/16 Q2.',
          ),
        ]
      : []),
  ];
  return { sheet: { ...assumptions, rows, validations }, names };
}

/** A card sheet as it is laid out: its rows, drop-downs and the absolute address of each labelled cell. */
interface CardRows {
  rows: Row[];
  validations: ValidationPlan[];
  cell: Record<string, string>;
}

const absCell = (row: number, col: number) => cellAddress(row, col, true);

function section(b: CardRows, title: string, detail?: string): void {
  b.rows.push(detail ? [text(title, 'subtitle'), text(detail, 'note')] : [text(title, 'subtitle')]);
}

function headerRow(b: CardRows, headers: readonly string[]): void {
  b.rows.push(headers.map((h) => text(h, 'header')));
}

function keyValue(b: CardRows, label: string, value: CellPlan): void {
  b.cell[label] = absCell(b.rows.length, 1);
  b.rows.push([text(label), value]);
}

function cardSheet(
  plan: Plan,
  card: BenefitCard,
  t: Tolerances,
  quarter: ReportingQuarter,
): { plan: SheetPlan; geometry: CardGeometry } {
  const tracker = cardTracker(card, t, quarter);
  const name = cardSheetName(card.ref);
  const b: CardRows = { rows: [], validations: [], cell: {} };
  const yearRows = new Map<string, Map<string, number>>();

  cardHeading(b, card);
  const positionRow = positionPlaceholders(b, card);
  const schemeIndex = identityAndCase(b, plan, card);
  const blocks = trackerBlocks(b, plan, card, tracker, schemeIndex, yearRows);
  const posCell = absCell(positionRow.get(CARD_LABEL.quarterNumber)!, 1);
  const cumRange = cumulativeTable(b, tracker, blocks.firstQuarterRows, posCell);
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

function cardHeading(b: CardRows, card: BenefitCard): void {
  const { rows } = b;
  rows.push([text(`Benefit Card ${card.ref}: ${card.schemeName}`, 'title')]);
  rows.push([text(inputNote('kept by people; refreshing the cards from the plan keeps them.'), 'note')]);
  if (!card.scheme)
    rows.push([
      text(
        `Scheme ${card.ref} is no longer in the plan; this card and everything typed on it are kept until you delete the sheet.`,
        'warning',
      ),
    ]);
  if (card.unmatched.length)
    rows.push([
      text(
        `${card.unmatched.length} entr${card.unmatched.length === 1 ? 'y no longer fits' : 'ies no longer fit'} the plan: see "${CARD_SECTION.unmatched}" below. They are kept.`,
        'warning',
      ),
    ]);
  rows.push(legendRow());
}

/** The position block's rows, labelled but empty: filled in last, once the rows it points at are known. */
function positionPlaceholders(b: CardRows, card: BenefitCard): Map<string, number> {
  section(
    b,
    CARD_SECTION.position,
    'Where the card stands at the reporting quarter (Tracker_AsAt on the Assumptions sheet).',
  );
  const positionLabels: string[] = [
    CARD_LABEL.asAt,
    CARD_LABEL.quarterNumber,
    CARD_LABEL.entries,
    CARD_LABEL.plannedToDate,
    CARD_LABEL.realisedToDate,
    CARD_LABEL.variance,
    CARD_LABEL.variancePct,
    CARD_LABEL.notReported,
    CARD_LABEL.financialStatus,
    ...card.rates.map((r) => `${r.name} status`),
    CARD_LABEL.status,
    CARD_LABEL.statusSetBy,
    CARD_LABEL.signOff,
    CARD_LABEL.nextMilestone,
    CARD_LABEL.nextDue,
    CARD_LABEL.unmatched,
  ];
  const positionRow = new Map<string, number>();
  for (const label of positionLabels) {
    positionRow.set(label, b.rows.length);
    b.cell[label] = absCell(b.rows.length, 1);
    b.rows.push([text(label)]);
  }
  b.rows.push([]);
  return positionRow;
}

/** The identity and business-case sections; returns the scheme's index in the plan, or -1. */
function identityAndCase(b: CardRows, plan: Plan, card: BenefitCard): number {
  section(b, CARD_SECTION.identity);
  const schemeIndex = card.scheme ? plan.schemes.indexOf(card.scheme) : -1;
  keyValue(b, CARD_LABEL.ref, text(card.ref));
  keyValue(
    b,
    CARD_LABEL.scheme,
    schemeIndex >= 0
      ? formula(`""&${schemesGeometry(plan).cell('D', schemeIndex)}`, card.schemeName, FORMAT.text)
      : text(card.schemeName),
  );
  keyValue(b, CARD_LABEL.title, text(card.title, 'input'));
  b.validations.push({
    range: cellAddress(b.rows.length, 1),
    kind: 'list',
    list: [...BENEFIT_TYPES],
    message: `Choose ${BENEFIT_TYPES.join(', ')}.`,
  });
  keyValue(b, CARD_LABEL.type, text(card.type, 'input'));
  keyValue(b, CARD_LABEL.tier, text(card.tier, 'input'));
  keyValue(b, CARD_LABEL.owner, text(card.owner, 'input'));
  b.rows.push([]);

  section(b, CARD_SECTION.case);
  keyValue(b, CARD_LABEL.description, text(card.description, 'input'));
  keyValue(b, CARD_LABEL.measures, text(card.measures, 'input'));
  keyValue(b, CARD_LABEL.calculation, text(card.calculation, 'note'));
  keyValue(b, CARD_LABEL.evidence, text(card.evidence, 'input'));
  keyValue(
    b,
    CARD_LABEL.optimismBias,
    card.optimismBias ? num(card.optimismBias, FORMAT.percent, 'input') : { style: 'input', format: FORMAT.percent },
  );
  keyValue(b, CARD_LABEL.timeLag, text(card.timeLag, 'input'));
  keyValue(b, CARD_LABEL.notes, text(card.notes, 'input'));
  b.rows.push([]);
  return schemeIndex;
}

/** A section per metric (phased counts in £) and per rate (measured without £). */
function trackerBlocks(
  b: CardRows,
  plan: Plan,
  card: BenefitCard,
  tracker: CardTracker,
  schemeIndex: number,
  yearRows: Map<string, Map<string, number>>,
) {
  const firstQuarterRows = new Map<string, number>(); // metric/rate id -> first quarter row
  for (const m of tracker.metrics) {
    const id = m.metric.unit.id;
    section(
      b,
      `${CARD_SECTION.metric} ${id}`,
      `${m.metric.unit.benefit}: count × ${unitCostName(id)} (£ ${m.metric.unit.unit}, on the Assumptions sheet). Phasing % blank for a year = even split in whole units, remainder to the earliest quarters.`,
    );
    const yearsAt = metricBlock(b.rows, plan, card, m, schemeIndex, b.validations);
    yearRows.set(id, yearsAt.years);
    firstQuarterRows.set(id, yearsAt.firstQuarter);
    b.rows.push([]);
  }
  const rateStatusRange = new Map<string, string>();
  const rateNameCell = new Map<string, string>();
  for (const r of tracker.rates) {
    section(
      b,
      `${CARD_SECTION.rate} ${r.measure.id}`,
      'Tracked without £: the measured value each quarter against the target.',
    );
    rateNameCell.set(r.measure.id, absCell(b.rows.length, 1));
    rateStatusRange.set(r.measure.id, rateBlock(b.rows, r, b.validations));
    b.rows.push([]);
  }
  return { firstQuarterRows, rateStatusRange, rateNameCell };
}

/** The cumulative table the chart reads; returns the absolute range of one of its columns. */
function cumulativeTable(
  b: CardRows,
  tracker: CardTracker,
  firstQuarterRows: Map<string, number>,
  posCell: string,
): (col: number) => string {
  const { rows } = b;
  const at = (row: number, col: number) => cellAddress(row, col);
  section(
    b,
    CARD_SECTION.cumulative,
    'Planned against realised benefit, cumulative, in £ (the chart reads this table; realised stops at the reporting quarter).',
  );
  headerRow(b, CUMULATIVE_HEADERS);
  const cumFirst = rows.length;
  tracker.cumulative.forEach((c, k) => {
    const r = rows.length;
    const terms = (col: number) =>
      tracker.metrics
        .map(
          (m) => `${cellAddress(firstQuarterRows.get(m.metric.unit.id)! + k, col)}*${unitCostName(m.metric.unit.id)}`,
        )
        .join('+');
    const realisedCol = QC('Realised');
    const counts = tracker.metrics
      .map(
        (m) =>
          `COUNT(${cellAddress(firstQuarterRows.get(m.metric.unit.id)!, realisedCol, true)}:${cellAddress(firstQuarterRows.get(m.metric.unit.id)! + k, realisedCol)})`,
      )
      .join('+');
    const some = tracker.metrics.length > 0;
    rows.push([
      text(c.quarter),
      some ? formula(terms(QC('Cumulative planned')), c.plannedGbp, FORMAT.pounds) : num(0, FORMAT.pounds),
      some
        ? formula(`IF(${k + 1}>${posCell},"",${terms(QC('Cumulative realised'))})`, c.realisedGbp ?? '', FORMAT.pounds)
        : formula(`IF(${k + 1}>${posCell},"",0)`, c.realisedGbp ?? '', FORMAT.pounds),
      formula(
        `IF(${at(r, 2)}="","",IF(${at(r, 5)}=0,"${NA}",${at(r, 2)}/${at(r, 5)}))`,
        c.ofPlanned ?? '',
        FORMAT.percent,
      ),
      some ? formula(counts, c.entries, FORMAT.count) : num(0, FORMAT.count),
      some
        ? formula(terms(QC('Cumulative planned, quarters reported')), c.plannedReportedGbp, FORMAT.pounds)
        : num(0, FORMAT.pounds),
    ]);
  });
  const cumLast = rows.length - 1;
  return (col: number) => `${absCell(cumFirst, col)}:${absCell(Math.max(cumLast, cumFirst), col)}`;
}

function barriersAndDependencies(b: CardRows, card: BenefitCard): void {
  section(b, CARD_SECTION.barriers, 'What could prevent delivery of the benefit.');
  headerRow(b, ['Barrier']);
  for (const x of [...card.barriers, ...spare()]) b.rows.push([text(x, 'input')]);
  b.rows.push([]);
  section(b, CARD_SECTION.dependencies, 'What else delivery depends on.');
  headerRow(b, ['Dependency']);
  for (const d of [...card.dependencies, ...spare()]) b.rows.push([text(d, 'input')]);
  b.rows.push([]);
}

/** A date typed as a date serial when it reads as one, else as the text typed, else an empty date input. */
function dateInput(value: string): CellPlan {
  const serial = dateSerial(value);
  return serial !== null
    ? num(serial, FORMAT_DATE, 'input')
    : value
      ? text(value, 'input')
      : { style: 'input', format: FORMAT_DATE };
}

/** The milestones table with spare rows; returns its first and last rows. */
function milestonesTable(b: CardRows, card: BenefitCard): { first: number; last: number } {
  const { rows } = b;
  const at = (row: number, col: number) => cellAddress(row, col);
  section(
    b,
    CARD_SECTION.milestones,
    'Activities and milestones that deliver the benefit. Open due is the due date of milestones not Done.',
  );
  headerRow(b, MILESTONE_HEADERS);
  const msFirst = rows.length;
  const milestones = [...card.milestones, ...spare().map(() => ({ activity: '', milestone: '', due: '', status: '' }))];
  for (const ms of milestones) {
    const r = rows.length;
    const serial = dateSerial(ms.due);
    const open = serial !== null && ms.status.toLowerCase() !== 'done' ? serial : '';
    rows.push([
      text(ms.activity, 'input'),
      text(ms.milestone, 'input'),
      dateInput(ms.due),
      text(ms.status, 'input'),
      formula(`IF(OR(${at(r, 3)}="Done",NOT(ISNUMBER(${at(r, 2)}))),"",${at(r, 2)})`, open, FORMAT_DATE),
    ]);
  }
  const msLast = rows.length - 1;
  b.validations.push({
    range: `${at(msFirst, 3)}:${at(msLast, 3)}`,
    kind: 'list',
    list: [...MILESTONE_STATUSES],
    message: `Choose ${MILESTONE_STATUSES.join(', ')}.`,
  });
  rows.push([]);
  return { first: msFirst, last: msLast };
}

/** The sign-off table, a row per role; returns its first row. */
function signOffTable(b: CardRows, plan: Plan, card: BenefitCard): number {
  const { rows } = b;
  const [group, ...sponsors] = signOffRoles(plan);
  section(b, CARD_SECTION.signOff, `Signed off by the ${group}, the ${sponsors.join(' and the ')}.`);
  headerRow(b, SIGN_OFF_HEADERS);
  const soFirst = rows.length;
  for (const s of card.signOffs) {
    rows.push([text(s.role), text(s.name, 'input'), dateInput(s.date), text(s.decision, 'input')]);
  }
  b.validations.push({
    range: `${cellAddress(soFirst, 3)}:${cellAddress(rows.length - 1, 3)}`,
    kind: 'list',
    list: [...SIGN_OFF_DECISIONS],
    message: `Choose ${SIGN_OFF_DECISIONS.join(', ')}, or leave blank while pending.`,
  });
  rows.push([]);
  return soFirst;
}

/** Entries kept though they no longer fit the plan; returns the table's first and last rows. */
function unmatchedTable(b: CardRows, card: BenefitCard): { first: number; last: number } {
  const { rows } = b;
  section(
    b,
    CARD_SECTION.unmatched,
    'Entries that no longer fit a quarter or metric of the plan. Kept, never dropped: correct the quarter or metric, or delete the row.',
  );
  headerRow(b, UNMATCHED_HEADERS);
  const unFirst = rows.length;
  for (const u of card.unmatched) {
    const a = u.actual;
    const n = (d: Decimal | undefined) =>
      d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input');
    rows.push([
      text(a.quarter, 'input'),
      text(a.metric, 'input'),
      n(a.reduction),
      n(a.baseline),
      n(a.actual),
      text(a.note ?? '', 'input'),
      text(u.reason, 'warning'),
    ]);
  }
  return { first: unFirst, last: rows.length - 1 };
}

/** Where the position block's formulas point: known only once every other section is laid out. */
interface PositionRefs {
  positionRow: Map<string, number>;
  posCell: string;
  cumRange: (col: number) => string;
  rateStatusRange: Map<string, string>;
  rateNameCell: Map<string, string>;
  signOffRange: string;
  msRange: (col: number) => string;
  unmatchedRange: string;
}

function positionSetters(rows: Row[], refs: PositionRefs) {
  return {
    p: (label: string) => absCell(refs.positionRow.get(label)!, 1),
    set: (label: string, value: CellPlan) => {
      rows[refs.positionRow.get(label)!] = [text(label), value];
    },
  };
}

/** The position block's figures to date: quarter, entries, planned, realised and their variance. */
function fillPositionFigures(rows: Row[], tracker: CardTracker, refs: PositionRefs): void {
  const pos = tracker.position;
  const { posCell, cumRange } = refs;
  const { p, set } = positionSetters(rows, refs);
  set(CARD_LABEL.asAt, formula(TRACKER_NAMES.quarter, pos.asAt, FORMAT.text));
  set(CARD_LABEL.quarterNumber, formula(TRACKER_NAMES.position, pos.position, FORMAT.count));
  const index = (col: number) => `IF(${posCell}=0,0,INDEX(${cumRange(col)},${posCell}))`;
  const entries = p(CARD_LABEL.entries);
  const planned = p(CARD_LABEL.plannedToDate);
  const realised = p(CARD_LABEL.realisedToDate);
  const cumAt = pos.position > 0 ? tracker.cumulative[pos.position - 1] : undefined;
  set(CARD_LABEL.entries, formula(index(4), cumAt?.entries ?? 0, FORMAT.count));
  set(CARD_LABEL.plannedToDate, formula(index(5), pos.plannedToDate, FORMAT.pounds));
  set(CARD_LABEL.realisedToDate, formula(index(2), pos.realisedToDate, FORMAT.pounds));
  set(CARD_LABEL.variance, formula(`IF(${entries}=0,"",${realised}-${planned})`, pos.variance ?? '', FORMAT.pounds));
  set(
    CARD_LABEL.variancePct,
    formula(
      `IF(${entries}=0,"",IF(${planned}=0,"${NA}",${p(CARD_LABEL.variance)}/${planned}))`,
      pos.variancePct ?? '',
      FORMAT.percent,
    ),
  );
  set(CARD_LABEL.notReported, formula(`${index(1)}-${index(5)}`, pos.plannedNotReported, FORMAT.pounds));
  set(
    CARD_LABEL.financialStatus,
    tracker.metrics.length
      ? formula(`IF(${entries}=0,"No data yet",${ragFormula(realised, planned)})`, pos.financialStatus, FORMAT.text)
      : text(NA),
  );
}

/** The position block's statuses: per rate, overall and what set it, sign-off, next milestone, unmatched entries. */
function fillPositionStatus(rows: Row[], card: BenefitCard, tracker: CardTracker, refs: PositionRefs): void {
  const pos = tracker.position;
  const { posCell, signOffRange, msRange } = refs;
  const { p, set } = positionSetters(rows, refs);
  tracker.rates.forEach((r, i) => {
    set(
      `${r.measure.name} status`,
      formula(
        `IF(${posCell}=0,"No data yet",INDEX(${refs.rateStatusRange.get(r.measure.id)},${posCell}))`,
        pos.rateStatuses[i],
        FORMAT.text,
      ),
    );
  });
  const statusCell = p(CARD_LABEL.status);
  const statusRange = `${p(CARD_LABEL.financialStatus)}:${absCell(refs.positionRow.get(CARD_LABEL.status)! - 1, 1)}`;
  set(
    CARD_LABEL.status,
    formula(
      `IF(COUNTIF(${statusRange},"Red")>0,"Red",IF(COUNTIF(${statusRange},"Amber")>0,"Amber",IF(COUNTIF(${statusRange},"Green")>0,"Green","No data yet")))`,
      pos.status,
      FORMAT.text,
    ),
  );
  const byRate = tracker.rates
    .map((r) => `IF(${p(`${r.measure.name} status`)}=${statusCell},""&${refs.rateNameCell.get(r.measure.id)},`)
    .join('');
  const setBy = `IF(${statusCell}="No data yet","${NO_DATA}",IF(${p(CARD_LABEL.financialStatus)}=${statusCell},"${MONEY}",${byRate}"${MONEY}"${')'.repeat(tracker.rates.length)}))`;
  set(CARD_LABEL.statusSetBy, formula(setBy, pos.statusSetBy, FORMAT.text));
  const approved = `(COUNTIF(${signOffRange},"Approved")+COUNTIF(${signOffRange},"Approved with conditions"))`;
  set(
    CARD_LABEL.signOff,
    formula(
      `IF(COUNTIF(${signOffRange},"Rejected")>0,"Rejected",IF(${approved}=3,"Signed off",${approved}&" of 3 approved"))`,
      pos.signOff,
      FORMAT.text,
    ),
  );
  set(CARD_LABEL.nextDue, formula(`IF(COUNT(${msRange(4)})=0,"",MIN(${msRange(4)}))`, pos.nextDue ?? '', FORMAT_DATE));
  set(
    CARD_LABEL.nextMilestone,
    formula(
      `IF(${p(CARD_LABEL.nextDue)}="","None open",""&INDEX(${msRange(1)},MATCH(${p(CARD_LABEL.nextDue)},${msRange(4)},0)))`,
      pos.nextMilestone,
      FORMAT.text,
    ),
  );
  set(
    CARD_LABEL.unmatched,
    card.unmatched.length
      ? formula(`COUNTA(${refs.unmatchedRange})`, card.unmatched.length, FORMAT.count)
      : num(0, FORMAT.count),
  );
}

/** domain/tracker.ts ratioStatus: performance 1 + (realised − planned) ÷ |planned|, one division either sign. */
function ragFormula(realised: string, planned: string): string {
  const perf = `IF(${planned}>0,${realised}/${planned},(2*${planned}-${realised})/${planned})`;
  return `IF(${planned}=0,IF(${realised}<0,"Red","Green"),IF(${perf}>=${TRACKER_NAMES.green},"Green",IF(${perf}>=${TRACKER_NAMES.amber},"Amber","Red")))`;
}

function spare(): string[] {
  return Array.from({ length: SPARE_ROWS }, () => '');
}

/** The "plan by year" check block and the quarter rows of one counted benefit. */
function metricBlock(
  rows: Row[],
  plan: Plan,
  card: BenefitCard,
  m: MetricTracker,
  schemeIndex: number,
  validations: ValidationPlan[],
): { years: Map<string, number>; firstQuarter: number } {
  const g = schemesGeometry(plan);
  const at = (row: number, col: number) => cellAddress(row, col);
  rows.push(YEAR_HEADERS.map((h) => text(h, 'header')));
  const yearFirst = rows.length;
  const firstQuarter = yearFirst + card.years.length + 2; // the years, a blank row, the quarter header
  const years = new Map<string, number>();
  m.years.forEach((y, i) => {
    const r = yearFirst + i;
    years.set(y.year, r);
    const q0 = firstQuarter + 4 * i;
    const q3 = q0 + 3;
    const span = (col: number) => `${at(q0, col)}:${at(q3, col)}`;
    const toQuarter = [0, 1, 2, 3]
      .map((j) => `IF(${TRACKER_NAMES.position}-${4 * i}>=${j + 1},N(${at(q0 + j, QC('Realised'))}),0)`)
      .join('+');
    const check = y.addsUp ? 'Adds up' : `Check: the ${y.year} profile does not add up to the plan`;
    rows.push([
      text(y.year),
      schemeIndex >= 0
        ? formula(`N(${g.cell(g.benefitColumn(y.year, m.metric.unit.id), schemeIndex)})`, y.plan, FORMAT.count)
        : num(y.plan, FORMAT.count),
      formula(`SUM(${span(QC('Planned'))})`, y.profile, FORMAT.count),
      formula(
        `IF(COUNT(${span(QC('Phasing %'))})=0,"Even",SUM(${span(QC('Phasing %'))}))`,
        y.phasingTotal ?? 'Even',
        FORMAT.percent,
      ),
      formula(`SUM(${span(QC('Realised'))})`, y.realised, FORMAT.count),
      formula(`${at(q3, QC('Forecast lower'))}`, y.forecast.lower, FORMAT.count),
      formula(`${at(q3, QC('Forecast expected'))}`, y.forecast.expected, FORMAT.count),
      formula(`${at(q3, QC('Forecast upper'))}`, y.forecast.upper, FORMAT.count),
      formula(`${at(r, 2)}-${at(r, 1)}`, y.profile.minus(y.plan), FORMAT.count),
      formula(
        `IF(ROUND(${at(r, 8)},6)=0,"Adds up","Check: the ${y.year} profile does not add up to the plan")`,
        check,
        FORMAT.text,
        y.addsUp ? 'computed' : 'warning',
      ),
      formula(toQuarter, y.realisedToQuarter, FORMAT.count),
    ]);
  });
  rows.push([]);
  rows.push(QUARTER_HEADERS.map((h) => text(h, 'header')));
  const firstAll = rows.length;
  m.quarters.forEach((_, k) => rows.push(quarterCells(rows.length, { card, m, k, yearFirst, firstAll })));
  if (m.quarters.length)
    validations.push({
      range: `${at(firstAll, 2)}:${at(rows.length - 1, 2)}`,
      kind: 'decimal',
      min: 0,
      message: 'A share of the year, e.g. 25%; leave a year blank for an even split.',
    });
  return { years, firstQuarter: firstAll };
}

/** One quarter row of a counted benefit: typed actuals, then every figure as a formula over them. */
function quarterCells(
  r: number,
  ctx: { card: BenefitCard; m: MetricTracker; k: number; yearFirst: number; firstAll: number },
): Row {
  const { card, m, k, yearFirst, firstAll } = ctx;
  const q = m.quarters[k];
  const unit = unitCostName(m.metric.unit.id);
  const at = (row: number, col: number) => cellAddress(row, col);
  const abs = (row: number, col: number) => cellAddress(row, col, true);
  const c = (h: (typeof QUARTER_HEADERS)[number]) => at(r, QC(h));
  const i = Math.floor(k / 4);
  const j = k % 4;
  const q0 = firstAll + 4 * i;
  const yearSpan = (col: number) => `${abs(q0, col)}:${abs(q0 + 3, col)}`;
  const ytd = (h: (typeof QUARTER_HEADERS)[number]) => `SUM(${abs(q0, QC(h))}:${c(h)})`;
  const since = (h: (typeof QUARTER_HEADERS)[number]) => `SUM(${abs(firstAll, QC(h))}:${c(h)})`;
  const planCell = abs(yearFirst + i, 1);
  const profileCell = abs(yearFirst + i, 2);
  const noData = `${c('Realised')}=""`;
  const run = `IF(${ytd('Planned, quarter reported')}=0,1,${ytd('Realised')}/${ytd('Planned, quarter reported')})`;
  const rest = `(${profileCell}-${ytd('Planned, quarter reported')})*${run}`;
  const range = TRACKER_NAMES.range;
  // Lower and upper are the smaller and larger scenario, so negative figures never swap them.
  const forecastCell = (h: 'Forecast lower' | 'Forecast expected' | 'Forecast upper', value: Decimal) => {
    const pick = (x: string) =>
      h === 'Forecast expected' ? x : `${h === 'Forecast lower' ? 'MIN' : 'MAX'}(${x}*(1-${range}),${x}*(1+${range}))`;
    const carried = j === 0 ? pick(profileCell) : at(r - 1, QC(h));
    return formula(`IF(${noData},${carried},${ytd('Realised')}+${pick(rest)})`, value, FORMAT.count);
  };
  const later =
    k + 1 < m.quarters.length
      ? `COUNT(${at(r + 1, QC('Realised'))}:${at(firstAll + m.quarters.length - 1, QC('Realised'))})>0`
      : 'FALSE()';
  const a = q.actual;
  const input = (d: Decimal | undefined) =>
    d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input');
  return [
    text(q.quarter),
    text(card.quarters[k].months),
    q.phasing !== null && q.phasing !== undefined
      ? num(q.phasing, FORMAT.percent, 'input')
      : { style: 'input', format: FORMAT.percent },
    formula(
      `IF(COUNT(${yearSpan(2)})=0,INT(${planCell}/4)+MIN(1,MAX(0,${planCell}-4*INT(${planCell}/4)-${j})),${planCell}*${c('Phasing %')})`,
      q.planned,
      FORMAT.count,
    ),
    formula(`${c('Planned')}*${unit}`, q.plannedGbp, FORMAT.pounds),
    input(a?.reduction),
    input(a?.baseline),
    input(a?.actual),
    formula(
      `IF(ISNUMBER(${c('Realised reduction')}),${c('Realised reduction')},IF(AND(ISNUMBER(${c('Baseline admissions')}),ISNUMBER(${c('Actual admissions')})),${c('Baseline admissions')}-${c('Actual admissions')},""))`,
      q.realised ?? '',
      FORMAT.count,
    ),
    formula(`IF(${noData},"",${c('Realised')}*${unit})`, q.realisedGbp ?? '', FORMAT.pounds),
    formula(`IF(${noData},"",${c('Realised')}-${c('Planned')})`, q.variance ?? '', FORMAT.count),
    formula(`IF(${noData},"",${c('Variance')}*${unit})`, q.varianceGbp ?? '', FORMAT.pounds),
    formula(
      `IF(${noData},"",IF(${c('Planned')}=0,"${NA}",${c('Variance')}/${c('Planned')}))`,
      q.variancePct ?? '',
      FORMAT.percent,
    ),
    formula(since('Planned'), q.cumPlanned, FORMAT.count),
    formula(`IF(${noData},"",${c('Planned')})`, q.plannedReported ?? '', FORMAT.count),
    formula(since('Planned, quarter reported'), q.cumPlannedReported, FORMAT.count),
    formula(since('Realised'), q.cumRealised, FORMAT.count),
    forecastCell('Forecast lower', q.forecast.lower),
    forecastCell('Forecast expected', q.forecast.expected),
    forecastCell('Forecast upper', q.forecast.upper),
    formula(
      `IF(${noData},IF(${later},"Missing","No data yet"),${ragFormula(c('Cumulative realised'), c('Cumulative planned, quarters reported'))})`,
      q.status,
      FORMAT.text,
    ),
    text(a?.note ?? '', 'input'),
  ];
}

/** A non-financial measure: definition, then the quarters. Returns the range of its status column. */
function rateBlock(rows: Row[], r: RateTracker, validations: ValidationPlan[]): string {
  const at = (row: number, col: number) => cellAddress(row, col);
  const abs = (row: number, col: number) => cellAddress(row, col, true);
  const m = r.measure;
  const valueFormat = m.unit === '%' ? FORMAT.percent : '#,##0.00';
  rows.push([text(CARD_LABEL.rateName), text(m.name, 'input')]);
  rows.push([text(CARD_LABEL.rateUnit), text(m.unit, 'input')]);
  const targetRow = rows.length;
  rows.push([text(CARD_LABEL.rateTarget), num(m.target, valueFormat, 'input')]);
  const directionRow = rows.length;
  validations.push({
    range: at(directionRow, 1),
    kind: 'list',
    list: ['Yes', 'No'],
    message: 'Yes if a higher value is better (a satisfaction rate), No if lower is better (a waiting time).',
  });
  rows.push([text(CARD_LABEL.rateDirection), text(m.higherIsBetter ? 'Yes' : 'No', 'input')]);
  rows.push(RATE_HEADERS.map((h) => text(h, 'header')));
  const first = rows.length;
  const higher = `${abs(directionRow, 1)}="Yes"`;
  r.quarters.forEach((q, k) => {
    const row = rows.length;
    const has = `ISNUMBER(${at(row, 3)})`;
    const ratio = at(row, 5);
    rows.push([
      text(q.quarter),
      null,
      formula(abs(targetRow, 1), q.target, valueFormat),
      q.value !== null ? num(q.value, valueFormat, 'input') : { style: 'input', format: valueFormat },
      formula(`IF(${has},${at(row, 3)}-${at(row, 2)},"")`, q.variance ?? '', valueFormat),
      formula(
        `IF(${has},IF(${higher},IF(${at(row, 2)}=0,"${NA}",${at(row, 3)}/${at(row, 2)}),IF(${at(row, 3)}=0,"${NA}",${at(row, 2)}/${at(row, 3)})),"")`,
        q.ofTarget ?? '',
        FORMAT.percent,
      ),
      formula(
        `IF(COUNT(${abs(first, 3)}:${at(row, 3)})=0,"",AVERAGE(${abs(first, 3)}:${at(row, 3)}))`,
        q.averageToDate ?? '',
        valueFormat,
      ),
      formula(
        `IF(NOT(${has}),"No data yet",IF(${ratio}="${NA}",IF(IF(${higher},${at(row, 3)}>=${at(row, 2)},${at(row, 3)}<=${at(row, 2)}),"Green","Red"),IF(${ratio}>=${TRACKER_NAMES.green},"Green",IF(${ratio}>=${TRACKER_NAMES.amber},"Amber","Red"))))`,
        q.status,
        FORMAT.text,
      ),
      text(q.actual?.note ?? '', 'input'),
    ]);
    void k;
  });
  return `${abs(first, 7)}:${abs(Math.max(first, rows.length - 1), 7)}`;
}

export function sheetRange(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}
