import type Decimal from 'decimal.js';
import {
  asAtQuarter,
  BENEFIT_TYPES,
  benefitCards,
  cardBook,
  cardSheetName,
  hasValue,
  MILESTONE_STATUSES,
  planQuarters,
  SIGN_OFF_DECISIONS,
  type BenefitCard,
  type Tolerances,
} from '../../domain/benefitCard';
import type { Plan } from '../../domain/plan';
import { unitCostName } from '../../domain/plan';
import { quoteSheet } from '../../domain/problems';
import { cardTracker, dateSerial, type CardTracker, type MetricTracker, type RateTracker } from '../../domain/tracker';
import { cellAddress } from '../a1';
import { formula, num, text } from '../grid';
import { FORMAT, listValidation, type CellPlan, type ChartPlan, type DefinedNamePlan, type SheetPlan, type ValidationPlan } from '../sheetPlan';
import { BLOCKS } from './blocks';
import { HEADERS } from './names';
import { schemesGeometry } from './schemes';

/**
 * Benefit Card sheets, one per card ("Card 2b"), and the tracker settings block on the Assumptions
 * sheet. Blue cells are kept by people and read back by readers/cardReader.ts; every other figure
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
  plannedToDate: 'Planned to date (£)',
  realisedToDate: 'Realised to date (£)',
  variance: 'Variance (£)',
  variancePct: 'Variance (%)',
  financialStatus: 'Financial status',
  status: 'Status',
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
  'Quarter', 'Months', 'Phasing %', 'Planned', 'Planned (£)', 'Realised reduction', 'Baseline admissions', 'Actual admissions',
  'Realised', 'Realised (£)', 'Variance', 'Variance (£)', 'Variance (%)', 'Cumulative planned', 'Cumulative realised',
  'Forecast lower', 'Forecast expected', 'Forecast upper', 'Status', 'Note',
] as const;
export const YEAR_HEADERS = ['Year', 'Plan', 'Profile', 'Phasing total', 'Realised', 'Year-end lower', 'Year-end expected', 'Year-end upper', 'Difference', 'Check'] as const;
export const RATE_HEADERS = ['Quarter', 'Months', 'Target', 'Actual', 'Variance', '% of target', 'Average to date', 'Status', 'Note'] as const;
export const CUMULATIVE_HEADERS = ['Quarter', 'Planned cumulative (£)', 'Realised cumulative (£)', 'Realised % of planned', 'Entries to date'] as const;
export const MILESTONE_HEADERS = ['Activity', 'Milestone', 'Due', 'Status', 'Open due'] as const;
export const SIGN_OFF_HEADERS = ['Role', 'Name', 'Date', 'Decision'] as const;
export const UNMATCHED_HEADERS = ['Quarter', 'Metric', 'Realised reduction', 'Baseline admissions', 'Actual admissions', 'Note', 'Why it no longer fits'] as const;

export const TRACKER_SETTINGS_HEADER = HEADERS.trackerSettings;
export const TRACKER_NAMES = { green: 'Tolerance_Green', amber: 'Tolerance_Amber', range: 'Forecast_Range', asAt: 'Tracker_AsAt' } as const;
export const TRACKER_LABELS = { green: 'Green at or above', amber: 'Amber at or above', range: 'Forecast range', asAt: 'Reporting quarter' } as const;

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
export function benefitCardsLayout(plan: Plan, assumptions: SheetPlan, { withSheets = true, eachSheet }: CardsLayoutOptions = {}): BenefitCardsLayout {
  const book = cardBook(plan);
  // Without card sheets the cards are needed only to find the latest quarter with actuals, and
  // only when someone has entered some; building every card for nothing is most of the cost.
  const needed = withSheets || (plan.cards?.records ?? []).some((r) => (r.actuals ?? []).some(hasValue));
  const cards = needed ? benefitCards(plan) : [];
  const asAt = asAtQuarter(plan, cards);
  const { sheet, names } = withTrackerSettings(plan, assumptions, book.tolerances, asAt);
  // The tracker settings always go on Assumptions; the card sheets only when the cards are written.
  const sheets: SheetPlan[] = [];
  const geometry = (withSheets ? cards : []).map((card) => {
    const laid = cardSheet(plan, card, book.tolerances, asAt);
    if (eachSheet) eachSheet(laid.plan);
    else sheets.push(laid.plan);
    return laid.geometry;
  });
  return { assumptions: sheet, sheets, names, geometry };
}

function withTrackerSettings(plan: Plan, assumptions: SheetPlan, t: Tolerances, asAt: string): { sheet: SheetPlan; names: DefinedNamePlan[] } {
  const rows: Row[] = assumptions.rows.map((r) => [...r]);
  if (rows.length && rows[rows.length - 1].length) rows.push([]);
  const header = rows.length;
  rows.push(TRACKER_SETTINGS_HEADER.map((h) => text(h, 'header')));
  const settings: [keyof typeof TRACKER_NAMES, CellPlan, string][] = [
    ['green', num(t.green, FORMAT.percent, 'input'), 'A card or quarter whose realised benefit to date is at least this share of the planned benefit is Green.'],
    ['amber', num(t.amber, FORMAT.percent, 'input'), 'At least this share (and below green) is Amber; below it is Red.'],
    ['range', num(t.forecastRange, FORMAT.percent, 'input'), 'Lower and upper year-end forecasts: the rest of the year at the run rate to date, less or more this share.'],
    ['asAt', text(asAt, 'input'), `The quarter the steering group reviews, e.g. ${planQuarters(plan)[0]?.label ?? '2014/15 Q1'}; the summary shows planned and realised benefit to the end of it.`],
  ];
  const names: DefinedNamePlan[] = [];
  settings.forEach(([key, cell, meaning], i) => {
    rows.push([text(TRACKER_LABELS[key]), cell, text(meaning, 'note')]);
    names.push({ name: TRACKER_NAMES[key], sheet: assumptions.name, cell: cellAddress(header + 1 + i, 1, true), comment: TRACKER_LABELS[key] });
  });
  // The plan's quarters, listed under the settings: the reporting quarter's drop-down takes them from there when they are too many to write out.
  const quarters = planQuarters(plan).map((q) => q.label);
  rows.push([]);
  const listHeader = rows.length;
  rows.push(BLOCKS.planQuarters.headers.map((h) => text(h, 'header')));
  for (const q of quarters) rows.push([text(q)]);
  const listCells = `${cellAddress(listHeader + 1, 0, true)}:${cellAddress(listHeader + Math.max(quarters.length, 1), 0, true)}`;
  const validations: ValidationPlan[] = [
    ...(assumptions.validations ?? []),
    ...(quarters.length ? [listValidation(cellAddress(header + 4, 1), quarters, listCells, 'Choose one of the plan’s quarters, e.g. 2015/16 Q2.')] : []),
  ];
  return { sheet: { ...assumptions, rows, validations }, names };
}

function cardSheet(plan: Plan, card: BenefitCard, t: Tolerances, asAt: string): { plan: SheetPlan; geometry: CardGeometry } {
  const tracker = cardTracker(card, t, asAt);
  const name = cardSheetName(card.ref);
  const rows: Row[] = [];
  const validations: ValidationPlan[] = [];
  const cell: Record<string, string> = {};
  const yearRows = new Map<string, Map<string, number>>();
  const abs = (row: number, col: number) => cellAddress(row, col, true);
  const at = (row: number, col: number) => cellAddress(row, col);
  const section = (title: string, detail?: string) => rows.push(detail ? [text(title, 'subtitle'), text(detail, 'note')] : [text(title, 'subtitle')]);
  const headerRow = (headers: readonly string[]) => rows.push(headers.map((h) => text(h, 'header')));

  rows.push([text(`Benefit Card ${card.ref}: ${card.schemeName}`, 'title')]);
  rows.push([text('Blue cells are kept by people; refreshing the cards from the plan keeps them. Everything else is calculated.', 'note')]);
  if (!card.scheme) rows.push([text(`Scheme ${card.ref} is no longer in the plan; this card and everything typed on it are kept until you delete the sheet.`, 'warning')]);
  if (card.unmatched.length) rows.push([text(`${card.unmatched.length} entr${card.unmatched.length === 1 ? 'y no longer fits' : 'ies no longer fit'} the plan: see "${CARD_SECTION.unmatched}" below. They are kept.`, 'warning')]);
  rows.push([]);

  // Position: filled in last, once the rows it points at are known.
  section(CARD_SECTION.position, 'Where the card stands at the reporting quarter (Tracker_AsAt on the Assumptions sheet).');
  const positionLabels: string[] = [
    CARD_LABEL.asAt, CARD_LABEL.quarterNumber, CARD_LABEL.plannedToDate, CARD_LABEL.realisedToDate, CARD_LABEL.variance, CARD_LABEL.variancePct,
    CARD_LABEL.financialStatus, ...card.rates.map((r) => `${r.name} status`), CARD_LABEL.status, CARD_LABEL.signOff, CARD_LABEL.nextMilestone, CARD_LABEL.nextDue, CARD_LABEL.unmatched,
  ];
  const positionRow = new Map<string, number>();
  for (const label of positionLabels) {
    positionRow.set(label, rows.length);
    cell[label] = abs(rows.length, 1);
    rows.push([text(label)]);
  }
  rows.push([]);

  section(CARD_SECTION.identity);
  const keyValue = (label: string, value: CellPlan) => {
    cell[label] = abs(rows.length, 1);
    rows.push([text(label), value]);
  };
  const schemeIndex = card.scheme ? plan.schemes.indexOf(card.scheme) : -1;
  keyValue(CARD_LABEL.ref, text(card.ref));
  keyValue(CARD_LABEL.scheme, schemeIndex >= 0 ? formula(`""&${schemesGeometry(plan).cell('D', schemeIndex)}`, card.schemeName, FORMAT.text) : text(card.schemeName));
  keyValue(CARD_LABEL.title, text(card.title, 'input'));
  validations.push({ range: at(rows.length, 1), kind: 'list', list: [...BENEFIT_TYPES], message: `Choose ${BENEFIT_TYPES.join(', ')}.` });
  keyValue(CARD_LABEL.type, text(card.type, 'input'));
  keyValue(CARD_LABEL.tier, text(card.tier, 'input'));
  keyValue(CARD_LABEL.owner, text(card.owner, 'input'));
  rows.push([]);

  section(CARD_SECTION.case);
  keyValue(CARD_LABEL.description, text(card.description, 'input'));
  keyValue(CARD_LABEL.measures, text(card.measures, 'input'));
  keyValue(CARD_LABEL.calculation, text(card.calculation, 'note'));
  keyValue(CARD_LABEL.evidence, text(card.evidence, 'input'));
  keyValue(CARD_LABEL.optimismBias, card.optimismBias ? num(card.optimismBias, FORMAT.percent, 'input') : { style: 'input', format: FORMAT.percent });
  keyValue(CARD_LABEL.timeLag, text(card.timeLag, 'input'));
  keyValue(CARD_LABEL.notes, text(card.notes, 'input'));
  rows.push([]);

  const firstQuarterRows = new Map<string, number>(); // metric/rate id -> first quarter row
  for (const m of tracker.metrics) {
    const id = m.metric.unit.id;
    section(`${CARD_SECTION.metric} ${id}`, `${m.metric.unit.benefit}: count × ${unitCostName(id)} (£ ${m.metric.unit.unit}, on the Assumptions sheet). Phasing % blank for a year = even split in whole units, remainder to the earliest quarters.`);
    const yearsAt = metricBlock(rows, plan, card, m, schemeIndex, validations);
    yearRows.set(id, yearsAt.years);
    firstQuarterRows.set(id, yearsAt.firstQuarter);
    rows.push([]);
  }
  const rateStatusRange = new Map<string, string>();
  for (const r of tracker.rates) {
    section(`${CARD_SECTION.rate} ${r.measure.id}`, 'Tracked without £: the measured value each quarter against the target.');
    rateStatusRange.set(r.measure.id, rateBlock(rows, r, validations));
    rows.push([]);
  }

  section(CARD_SECTION.cumulative, 'Planned against realised benefit, cumulative, in £ (the chart reads this table; realised stops at the reporting quarter).');
  headerRow(CUMULATIVE_HEADERS);
  const cumFirst = rows.length;
  const posCell = abs(positionRow.get(CARD_LABEL.quarterNumber)!, 1);
  tracker.cumulative.forEach((c, k) => {
    const r = rows.length;
    const terms = (col: number) => tracker.metrics.map((m) => `${cellAddress(firstQuarterRows.get(m.metric.unit.id)! + k, col)}*${unitCostName(m.metric.unit.id)}`).join('+');
    const counts = tracker.metrics.map((m) => `COUNT(${cellAddress(firstQuarterRows.get(m.metric.unit.id)!, 8, true)}:${cellAddress(firstQuarterRows.get(m.metric.unit.id)! + k, 8)})`).join('+');
    rows.push([
      text(c.quarter),
      tracker.metrics.length ? formula(terms(13), c.plannedGbp, FORMAT.pounds) : num(0, FORMAT.pounds),
      tracker.metrics.length ? formula(`IF(${k + 1}>${posCell},"",${terms(14)})`, c.realisedGbp ?? '', FORMAT.pounds) : formula(`IF(${k + 1}>${posCell},"",0)`, c.realisedGbp ?? '', FORMAT.pounds),
      formula(`IF(${at(r, 2)}="","",IF(${at(r, 1)}=0,"${NA}",${at(r, 2)}/${at(r, 1)}))`, c.ofPlanned ?? '', FORMAT.percent),
      tracker.metrics.length ? formula(counts, c.entries, FORMAT.count) : num(0, FORMAT.count),
    ]);
  });
  const cumLast = rows.length - 1;
  const cumRange = (col: number) => `${abs(cumFirst, col)}:${abs(Math.max(cumLast, cumFirst), col)}`;
  const charts: ChartPlan[] = tracker.cumulative.length
    ? [{ type: 'line', title: `${card.ref}: cumulative benefit, planned against realised (£)`, categories: cumRange(0), series: [{ name: 'Planned', range: cumRange(1) }, { name: 'Realised', range: cumRange(2) }], anchor: 'H4' }]
    : [];
  rows.push([]);

  section(CARD_SECTION.barriers, 'What could prevent delivery of the benefit.');
  headerRow(['Barrier']);
  for (const b of [...card.barriers, ...spare()]) rows.push([text(b, 'input')]);
  rows.push([]);
  section(CARD_SECTION.dependencies, 'What else delivery depends on.');
  headerRow(['Dependency']);
  for (const d of [...card.dependencies, ...spare()]) rows.push([text(d, 'input')]);
  rows.push([]);

  section(CARD_SECTION.milestones, 'Activities and milestones that deliver the benefit. Open due is the due date of milestones not Done.');
  headerRow(MILESTONE_HEADERS);
  const msFirst = rows.length;
  const milestones = [...card.milestones, ...spare().map(() => ({ activity: '', milestone: '', due: '', status: '' }))];
  for (const ms of milestones) {
    const r = rows.length;
    const serial = dateSerial(ms.due);
    const open = serial !== null && ms.status.toLowerCase() !== 'done' ? serial : '';
    rows.push([
      text(ms.activity, 'input'),
      text(ms.milestone, 'input'),
      serial !== null ? num(serial, FORMAT_DATE, 'input') : ms.due ? text(ms.due, 'input') : { style: 'input', format: FORMAT_DATE },
      text(ms.status, 'input'),
      formula(`IF(OR(${at(r, 3)}="Done",NOT(ISNUMBER(${at(r, 2)}))),"",${at(r, 2)})`, open, FORMAT_DATE),
    ]);
  }
  const msLast = rows.length - 1;
  validations.push({ range: `${at(msFirst, 3)}:${at(msLast, 3)}`, kind: 'list', list: [...MILESTONE_STATUSES], message: `Choose ${MILESTONE_STATUSES.join(', ')}.` });
  rows.push([]);

  section(CARD_SECTION.signOff, 'Signed off by the HSCI Steering Group, the Tier Sponsor and the Project Sponsor.');
  headerRow(SIGN_OFF_HEADERS);
  const soFirst = rows.length;
  for (const s of card.signOffs) {
    const serial = dateSerial(s.date);
    rows.push([text(s.role), text(s.name, 'input'), serial !== null ? num(serial, FORMAT_DATE, 'input') : s.date ? text(s.date, 'input') : { style: 'input', format: FORMAT_DATE }, text(s.decision, 'input')]);
  }
  validations.push({ range: `${at(soFirst, 3)}:${at(rows.length - 1, 3)}`, kind: 'list', list: [...SIGN_OFF_DECISIONS], message: `Choose ${SIGN_OFF_DECISIONS.join(', ')}, or leave blank while pending.` });
  rows.push([]);

  section(CARD_SECTION.unmatched, 'Entries that no longer fit a quarter or metric of the plan. Kept, never dropped: correct the quarter or metric, or delete the row.');
  headerRow(UNMATCHED_HEADERS);
  const unFirst = rows.length;
  for (const u of card.unmatched) {
    const a = u.actual;
    const n = (d: Decimal | undefined) => (d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input'));
    rows.push([text(a.quarter, 'input'), text(a.metric, 'input'), n(a.reduction), n(a.baseline), n(a.actual), text(a.note ?? '', 'input'), text(u.reason, 'warning')]);
  }
  const unLast = rows.length - 1;

  // The position block, now that every row is known.
  const pos = tracker.position;
  const p = (label: string) => abs(positionRow.get(label)!, 1);
  const set = (label: string, value: CellPlan) => {
    rows[positionRow.get(label)!] = [text(label), value];
  };
  const signOffRange = `${abs(soFirst, 3)}:${abs(soFirst + 2, 3)}`;
  const msRange = (col: number) => `${abs(msFirst, col)}:${abs(msLast, col)}`;
  set(CARD_LABEL.asAt, formula(TRACKER_NAMES.asAt, pos.asAt, FORMAT.text));
  set(CARD_LABEL.quarterNumber, formula(`IFERROR(MATCH(${p(CARD_LABEL.asAt)},${cumRange(0)},0),0)`, pos.position, FORMAT.count));
  const index = (col: number) => `IF(${posCell}=0,0,INDEX(${cumRange(col)},${posCell}))`;
  set(CARD_LABEL.plannedToDate, formula(index(1), pos.plannedToDate, FORMAT.pounds));
  set(CARD_LABEL.realisedToDate, formula(index(2), pos.realisedToDate, FORMAT.pounds));
  set(CARD_LABEL.variance, formula(`${p(CARD_LABEL.realisedToDate)}-${p(CARD_LABEL.plannedToDate)}`, pos.variance, FORMAT.pounds));
  set(CARD_LABEL.variancePct, formula(`IF(${p(CARD_LABEL.plannedToDate)}=0,"${NA}",${p(CARD_LABEL.variance)}/${p(CARD_LABEL.plannedToDate)})`, pos.variancePct, FORMAT.percent));
  const planned = p(CARD_LABEL.plannedToDate);
  const realised = p(CARD_LABEL.realisedToDate);
  set(
    CARD_LABEL.financialStatus,
    tracker.metrics.length
      ? formula(`IF(${posCell}=0,"No data yet",IF(INDEX(${cumRange(4)},${posCell})=0,"No data yet",${ragFormula(realised, planned)}))`, pos.financialStatus, FORMAT.text)
      : text(NA),
  );
  tracker.rates.forEach((r, i) => {
    set(`${r.measure.name} status`, formula(`IF(${posCell}=0,"No data yet",INDEX(${rateStatusRange.get(r.measure.id)},${posCell}))`, pos.rateStatuses[i], FORMAT.text));
  });
  const statusRange = `${p(CARD_LABEL.financialStatus)}:${abs(positionRow.get(CARD_LABEL.status)! - 1, 1)}`;
  set(CARD_LABEL.status, formula(`IF(COUNTIF(${statusRange},"Red")>0,"Red",IF(COUNTIF(${statusRange},"Amber")>0,"Amber",IF(COUNTIF(${statusRange},"Green")>0,"Green","No data yet")))`, pos.status, FORMAT.text));
  const approved = `(COUNTIF(${signOffRange},"Approved")+COUNTIF(${signOffRange},"Approved with conditions"))`;
  set(CARD_LABEL.signOff, formula(`IF(COUNTIF(${signOffRange},"Rejected")>0,"Rejected",IF(${approved}=3,"Signed off",${approved}&" of 3 approved"))`, pos.signOff, FORMAT.text));
  set(CARD_LABEL.nextDue, formula(`IF(COUNT(${msRange(4)})=0,"",MIN(${msRange(4)}))`, pos.nextDue ?? '', FORMAT_DATE));
  set(CARD_LABEL.nextMilestone, formula(`IF(${p(CARD_LABEL.nextDue)}="","None open",""&INDEX(${msRange(1)},MATCH(${p(CARD_LABEL.nextDue)},${msRange(4)},0)))`, pos.nextMilestone, FORMAT.text));
  set(CARD_LABEL.unmatched, card.unmatched.length ? formula(`COUNTA(${abs(unFirst, 6)}:${abs(unLast, 6)})`, card.unmatched.length, FORMAT.count) : num(0, FORMAT.count));

  return {
    plan: {
      name,
      rows,
      validations,
      charts,
      columnWidths: [30, 34, 12, 12, 14, 12, 12, 12, 12, 14, 12, 14, 12, 12, 12, 12, 12, 12, 12, 40],
      freeze: { rows: 1, columns: 1 },
      tabColor: 'BF8F00',
    },
    geometry: { sheet: name, tracker, cell, yearRows },
  };
}

function ragFormula(realised: string, planned: string): string {
  return `IF(${planned}<=0,"Green",IF(${realised}/${planned}>=${TRACKER_NAMES.green},"Green",IF(${realised}/${planned}>=${TRACKER_NAMES.amber},"Amber","Red")))`;
}

function spare(): string[] {
  return Array.from({ length: SPARE_ROWS }, () => '');
}

/** The "plan by year" check block and the quarter rows of one counted benefit. */
function metricBlock(rows: Row[], plan: Plan, card: BenefitCard, m: MetricTracker, schemeIndex: number, validations: ValidationPlan[]): { years: Map<string, number>; firstQuarter: number } {
  const id = m.metric.unit.id;
  const unit = unitCostName(id);
  const g = schemesGeometry(plan);
  const at = (row: number, col: number) => cellAddress(row, col);
  const abs = (row: number, col: number) => cellAddress(row, col, true);
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
    rows.push([
      text(y.year),
      schemeIndex >= 0 ? formula(`N(${g.cell(g.benefitColumn(y.year, id), schemeIndex)})`, y.plan, FORMAT.count) : num(y.plan, FORMAT.count),
      formula(`SUM(${span(3)})`, y.profile, FORMAT.count),
      formula(`IF(COUNT(${span(2)})=0,"Even",SUM(${span(2)}))`, y.phasingTotal ?? 'Even', FORMAT.percent),
      formula(`SUM(${span(8)})`, y.realised, FORMAT.count),
      formula(`${at(q3, 15)}`, y.forecast.lower, FORMAT.count),
      formula(`${at(q3, 16)}`, y.forecast.expected, FORMAT.count),
      formula(`${at(q3, 17)}`, y.forecast.upper, FORMAT.count),
      formula(`${at(r, 2)}-${at(r, 1)}`, y.profile.minus(y.plan), FORMAT.count),
      formula(`IF(ROUND(${at(r, 8)},6)=0,"Adds up","Check: the ${y.year} profile does not add up to the plan")`, y.addsUp ? 'Adds up' : `Check: the ${y.year} profile does not add up to the plan`, FORMAT.text, y.addsUp ? 'computed' : 'warning'),
    ]);
  });
  rows.push([]);
  rows.push(QUARTER_HEADERS.map((h) => text(h, 'header')));
  const firstAll = rows.length;
  m.quarters.forEach((q, k) => {
    const r = rows.length;
    const i = Math.floor(k / 4);
    const j = k % 4;
    const py = yearFirst + i;
    const q0 = firstAll + 4 * i;
    const yearSpan = (col: number) => `${abs(q0, col)}:${abs(q0 + 3, col)}`;
    const ytd = (col: number) => `SUM(${abs(q0, col)}:${at(r, col)})`;
    const planCell = abs(py, 1);
    const profileCell = abs(py, 2);
    const realisedCell = at(r, 8);
    const noData = `${realisedCell}=""`;
    const run = `IF(${ytd(3)}=0,1,${ytd(8)}/${ytd(3)})`;
    const forecastCell = (col: number, factor: string, value: Decimal) => {
      const carried = j === 0 ? `${profileCell}${factor}` : at(r - 1, col);
      return formula(`IF(${noData},${carried},${ytd(8)}+(${profileCell}-${ytd(3)})*${run}${factor})`, value, FORMAT.count);
    };
    const a = q.actual;
    const input = (d: Decimal | undefined) => (d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input'));
    rows.push([
      text(q.quarter),
      text(card.quarters[k].months),
      q.phasing !== null && q.phasing !== undefined ? num(q.phasing, FORMAT.percent, 'input') : { style: 'input', format: FORMAT.percent },
      formula(`IF(COUNT(${yearSpan(2)})=0,INT(${planCell}/4)+MIN(1,MAX(0,${planCell}-4*INT(${planCell}/4)-${j})),${planCell}*${at(r, 2)})`, q.planned, FORMAT.count),
      formula(`${at(r, 3)}*${unit}`, q.plannedGbp, FORMAT.pounds),
      input(a?.reduction),
      input(a?.baseline),
      input(a?.actual),
      formula(`IF(ISNUMBER(${at(r, 5)}),${at(r, 5)},IF(AND(ISNUMBER(${at(r, 6)}),ISNUMBER(${at(r, 7)})),${at(r, 6)}-${at(r, 7)},""))`, q.realised ?? '', FORMAT.count),
      formula(`IF(${noData},"",${realisedCell}*${unit})`, q.realisedGbp ?? '', FORMAT.pounds),
      formula(`IF(${noData},"",${realisedCell}-${at(r, 3)})`, q.variance ?? '', FORMAT.count),
      formula(`IF(${noData},"",${at(r, 10)}*${unit})`, q.varianceGbp ?? '', FORMAT.pounds),
      formula(`IF(${noData},"",IF(${at(r, 3)}=0,"${NA}",${at(r, 10)}/${at(r, 3)}))`, q.variancePct ?? '', FORMAT.percent),
      formula(`SUM(${abs(firstAll, 3)}:${at(r, 3)})`, q.cumPlanned, FORMAT.count),
      formula(`SUM(${abs(firstAll, 8)}:${at(r, 8)})`, q.cumRealised, FORMAT.count),
      forecastCell(15, `*(1-${TRACKER_NAMES.range})`, q.forecast.lower),
      forecastCell(16, '', q.forecast.expected),
      forecastCell(17, `*(1+${TRACKER_NAMES.range})`, q.forecast.upper),
      formula(`IF(${noData},"No data yet",${ragFormula(at(r, 14), at(r, 13))})`, q.status, FORMAT.text),
      text(a?.note ?? '', 'input'),
    ]);
  });
  if (m.quarters.length) validations.push({ range: `${at(firstAll, 2)}:${at(rows.length - 1, 2)}`, kind: 'decimal', min: 0, message: 'A share of the year, e.g. 25%; leave a year blank for an even split.' });
  return { years, firstQuarter: firstAll };
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
  validations.push({ range: at(directionRow, 1), kind: 'list', list: ['Yes', 'No'], message: 'Yes if a higher value is better (a satisfaction rate), No if lower is better (a waiting time).' });
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
      formula(`IF(${has},IF(${higher},IF(${at(row, 2)}=0,"${NA}",${at(row, 3)}/${at(row, 2)}),IF(${at(row, 3)}=0,"${NA}",${at(row, 2)}/${at(row, 3)})),"")`, q.ofTarget ?? '', FORMAT.percent),
      formula(`IF(COUNT(${abs(first, 3)}:${at(row, 3)})=0,"",AVERAGE(${abs(first, 3)}:${at(row, 3)}))`, q.averageToDate ?? '', valueFormat),
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
