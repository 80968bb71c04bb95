import type Decimal from 'decimal.js';
import {
  BENEFIT_TYPES,
  DEFAULT_TOLERANCES,
  type Actual,
  type BenefitType,
  type CardBook,
  type CardRecord,
  type Milestone,
  type RateMeasure,
  type SignOff,
  type Tolerances,
} from '../../../domain/benefitCard';
import { Money } from '../../../domain/money';
import type { Problem } from '../../../domain/problems';
import { serialToIso } from '../../../domain/tracker';
import { CARD_LABEL, CARD_SECTION, TRACKER_LABELS } from './names';
import { SHEET } from '../assumptions/names';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../../snapshot';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock } from '../shared/blockLocator';
import { CellReader } from '../shared/cells';

export const CARD_SHEET_PREFIX = 'Card ';

/**
 * Reads back everything people keep on the Benefit Cards: the tracker settings on the Assumptions
 * sheet and, from every "Card …" sheet, the input cells (owners, the case, phasing, actuals, notes,
 * non-financial measures, barriers, dependencies, milestones, sign-offs and unmatched entries).
 * Blocks are found by their titles and columns by their headers, so inserted rows don't matter.
 * Returns undefined for a workbook that has no cards yet.
 */
export function readCardBook(snapshot: WorkbookSnapshot, problems: Problem[]): CardBook | undefined {
  const assumptions = findSheet(snapshot, SHEET.assumptions);
  const settings = assumptions ? readSettings(assumptions, problems) : undefined;
  const cardSheets = snapshot.sheets.filter((s) => s.name.startsWith(CARD_SHEET_PREFIX));
  if (!settings && cardSheets.length === 0) return undefined;
  const records = cardSheets.map((s) => {
    if (s.keptCard) return s.keptCard;
    const read = readCardRecord(s);
    problems.push(...read.problems);
    return read.record;
  });
  return { tolerances: settings?.tolerances ?? DEFAULT_TOLERANCES, asAt: settings?.asAt, records };
}

function readSettings(
  sheet: SheetSnapshot,
  problems: Problem[],
): { tolerances: Tolerances; asAt?: string } | undefined {
  const a = new CellReader(sheet);
  const settings = locateBlock(a, SHEET_SPECS.assumptions, BLOCKS.trackerSettings, { optional: true });
  if (!settings) return undefined;
  const rowOf = (label: string) => settings.rows.find((r) => a.text(r, 0).toLowerCase() === label.toLowerCase()) ?? -1;
  const fraction = (label: string, fallback: Decimal) => {
    const r = rowOf(label);
    if (r < 0 || a.isBlank(r, 1)) return fallback;
    const value = a.amount(r, 1, `"${label}"`);
    if (value.greaterThan(1)) a.error(r, 1, `"${label}" is a share such as 95%, not ${value}.`);
    return value;
  };
  const tolerances = {
    green: fraction(TRACKER_LABELS.green, DEFAULT_TOLERANCES.green),
    amber: fraction(TRACKER_LABELS.amber, DEFAULT_TOLERANCES.amber),
    forecastRange: fraction(TRACKER_LABELS.range, DEFAULT_TOLERANCES.forecastRange),
  };
  if (tolerances.amber.greaterThan(tolerances.green))
    a.error(
      rowOf(TRACKER_LABELS.amber),
      1,
      `amber (${tolerances.amber.times(100)}%) is above green (${tolerances.green.times(100)}%); amber must be the lower bar.`,
    );
  const asAtRow = rowOf(TRACKER_LABELS.asAt);
  problems.push(...a.problems);
  return { tolerances, asAt: asAtRow >= 0 ? a.text(asAtRow, 1) || undefined : undefined };
}

/** What people keep on one card sheet, and what is wrong in its cells. */
export function readCardRecord(sheet: SheetSnapshot): { record: CardRecord; problems: Problem[] } {
  const reader = new CellReader(sheet);
  const record = readCard(reader);
  return { record, problems: reader.problems };
}

type Section =
  | {
      kind:
        | 'identity'
        | 'case'
        | 'position'
        | 'cumulative'
        | 'barriers'
        | 'dependencies'
        | 'milestones'
        | 'signOff'
        | 'unmatched';
    }
  | { kind: 'metric' | 'rate'; id: string };

/** The sections whose title is the whole of column A; built once, since every row of every card is looked up. */
const FIXED_SECTIONS: ReadonlyMap<string, Section> = new Map(
  (
    [
      [CARD_SECTION.position, 'position'],
      [CARD_SECTION.identity, 'identity'],
      [CARD_SECTION.case, 'case'],
      [CARD_SECTION.cumulative, 'cumulative'],
      [CARD_SECTION.barriers, 'barriers'],
      [CARD_SECTION.dependencies, 'dependencies'],
      [CARD_SECTION.milestones, 'milestones'],
      [CARD_SECTION.signOff, 'signOff'],
      [CARD_SECTION.unmatched, 'unmatched'],
    ] as const
  ).map(([title, kind]) => [title, { kind }]),
);

function sectionOf(title: string): Section | undefined {
  const t = title.trim();
  if (t.startsWith(CARD_SECTION.metric)) return { kind: 'metric', id: t.slice(CARD_SECTION.metric.length).trim() };
  if (t.startsWith(CARD_SECTION.rate)) return { kind: 'rate', id: t.slice(CARD_SECTION.rate.length).trim() };
  return FIXED_SECTIONS.get(t);
}

/** Header rows start with one of these words in column A. */
const HEADER_STARTS = new Set(['quarter', 'year', 'barrier', 'dependency', 'activity', 'role']);

type Phasing = Record<string, Record<string, (Decimal | null)[]>>;

/** What one pass down a card sheet collects, section by section. */
interface CardScan {
  fields: Map<string, { row: number }>;
  actuals: Actual[];
  unmatched: Actual[];
  phasing: Phasing;
  rateFields: Map<string, Map<string, number>>;
  barriers: string[];
  dependencies: string[];
  milestones: Milestone[];
  signOffs: SignOff[];
}

/** A row of a card sheet below a header row, its cells found by the header's names. */
interface RowCells {
  r: number;
  first: string;
  headerKind: string;
  cellText: (name: string) => string;
  amount: (name: string, what: string, allowNegative?: boolean) => Decimal | undefined;
  date: (name: string) => string;
}

function readCard(c: CellReader): CardRecord {
  const sheet = c.sheet;
  const scan = scanCard(c);
  const { fields } = scan;
  const field = (label: string) => fields.get(label.toLowerCase());
  const fieldText = (label: string) => {
    const f = field(label);
    return f ? c.text(f.row, 1) : undefined;
  };
  const type = fieldText(CARD_LABEL.type);
  if (type && !BENEFIT_TYPES.includes(type as BenefitType))
    c.error(field(CARD_LABEL.type)!.row, 1, `the benefit type is one of ${BENEFIT_TYPES.join(', ')}, not "${type}".`);
  const bias = field(CARD_LABEL.optimismBias);
  const rates = rateMeasures(c, scan.rateFields);
  const phasing = withoutEvenYears(scan.phasing);
  return {
    scheme: fieldText(CARD_LABEL.ref) || sheet.name.slice(CARD_SHEET_PREFIX.length),
    title: fieldText(CARD_LABEL.title),
    type: (type || undefined) as BenefitType | undefined,
    tier: fieldText(CARD_LABEL.tier),
    owner: fieldText(CARD_LABEL.owner),
    description: fieldText(CARD_LABEL.description),
    measures: fieldText(CARD_LABEL.measures),
    evidence: fieldText(CARD_LABEL.evidence),
    optimismBias: bias && !c.isBlank(bias.row, 1) ? c.amount(bias.row, 1, 'The optimism bias') : undefined,
    timeLag: fieldText(CARD_LABEL.timeLag),
    notes: fieldText(CARD_LABEL.notes),
    phasing: Object.keys(phasing).length ? phasing : undefined,
    rateMeasures: rates,
    actuals: [...scan.actuals, ...scan.unmatched],
    barriers: scan.barriers,
    dependencies: scan.dependencies,
    milestones: scan.milestones,
    signOffs: scan.signOffs,
  };
}

/** One pass down the sheet: section titles switch the section, header rows name the columns of the rows below. */
function scanCard(c: CellReader): CardScan {
  const sheet = c.sheet;
  const scan: CardScan = {
    fields: new Map(),
    actuals: [],
    unmatched: [],
    phasing: {},
    rateFields: new Map(),
    barriers: [],
    dependencies: [],
    milestones: [],
    signOffs: [],
  };
  let section: Section | undefined;
  let headers: Map<string, number> | undefined;
  let headerKind = '';
  for (let r = 0; r < sheet.values.length; r++) {
    const first = c.text(r, 0);
    const s = first ? sectionOf(first) : undefined;
    if (s) {
      section = s;
      headers = undefined;
      headerKind = '';
      continue;
    }
    if (!section) continue;
    if (HEADER_STARTS.has(first.toLowerCase()) && isHeaderRow(sheet, r)) {
      headers = new Map();
      (sheet.values[r] ?? []).forEach(
        (v, col) => typeof v === 'string' && v.trim() && headers!.set(v.trim().toLowerCase(), col),
      );
      headerKind = first.toLowerCase();
      continue;
    }
    readRow(scan, section, rowCells(c, r, first, headerKind, headers));
  }
  return scan;
}

function rowCells(
  c: CellReader,
  r: number,
  first: string,
  headerKind: string,
  headers: Map<string, number> | undefined,
): RowCells {
  const col = (name: string) => headers?.get(name.toLowerCase()) ?? -1;
  return {
    r,
    first,
    headerKind,
    cellText: (name) => (col(name) >= 0 ? c.text(r, col(name)) : ''),
    amount: (name, what, allowNegative = false) =>
      col(name) < 0 || c.isBlank(r, col(name)) ? undefined : c.amount(r, col(name), what, { allowNegative }),
    date: (name) => (col(name) < 0 ? '' : dateText(c.at(r, col(name)))),
  };
}

function readRow(scan: CardScan, section: Section, row: RowCells): void {
  const { first, headerKind, cellText, date } = row;
  switch (section.kind) {
    case 'identity':
    case 'case':
      if (first) scan.fields.set(first.toLowerCase(), { row: row.r });
      break;
    case 'metric':
      readMetricRow(scan, section.id, row);
      break;
    case 'rate':
      readRateRow(scan, section.id, row);
      break;
    case 'barriers':
      if (headerKind && first) scan.barriers.push(first);
      break;
    case 'dependencies':
      if (headerKind && first) scan.dependencies.push(first);
      break;
    case 'milestones': {
      if (headerKind !== 'activity') break;
      const m: Milestone = {
        activity: cellText('Activity'),
        milestone: cellText('Milestone'),
        due: date('Due'),
        status: cellText('Status'),
      };
      if (m.activity || m.milestone || m.due || m.status) scan.milestones.push(m);
      break;
    }
    case 'signOff': {
      if (headerKind !== 'role' || !first) break;
      scan.signOffs.push({ role: first, name: cellText('Name'), date: date('Date'), decision: cellText('Decision') });
      break;
    }
    case 'unmatched':
      readUnmatchedRow(scan, row);
      break;
    default:
      break;
  }
}

/** A quarter row of a metric: its phasing % and, when anything was typed, its actuals. */
function readMetricRow(scan: CardScan, id: string, { first, headerKind, cellText, amount }: RowCells): void {
  if (headerKind !== 'quarter' || !first) return;
  const { phasing } = scan;
  const quarter = first;
  const where = `${id} in ${quarter}`;
  const pct = amount('Phasing %', `The phasing % for ${where}`);
  const year = quarter.split(' ')[0];
  const q = Number(quarter.slice(-1)) - 1;
  if (q >= 0 && q < 4) {
    if (!phasing[id]) phasing[id] = {};
    if (!phasing[id][year]) phasing[id][year] = [null, null, null, null];
    phasing[id][year][q] = pct ?? null;
  }
  const a: Actual = {
    quarter,
    metric: id,
    reduction: amount('Realised reduction', `The realised reduction for ${where}`, true),
    baseline: amount('Baseline admissions', `The baseline for ${where}`),
    actual: amount('Actual admissions', `The actual admissions for ${where}`),
    note: cellText('Note') || undefined,
  };
  if (a.reduction !== undefined || a.baseline !== undefined || a.actual !== undefined || a.note) scan.actuals.push(a);
}

/** A rate's rows: its settings above the quarter header, its measured values below. */
function readRateRow(scan: CardScan, id: string, { r, first, headerKind, cellText, amount }: RowCells): void {
  if (headerKind !== 'quarter') {
    if (!scan.rateFields.has(id)) scan.rateFields.set(id, new Map());
    if (first) scan.rateFields.get(id)!.set(first.toLowerCase(), r);
    return;
  }
  if (!first) return;
  const a: Actual = {
    quarter: first,
    metric: id,
    actual: amount('Actual', `The ${id} value for ${first}`, true),
    note: cellText('Note') || undefined,
  };
  if (a.actual !== undefined || a.note) scan.actuals.push(a);
}

function readUnmatchedRow(scan: CardScan, { headerKind, first, cellText, amount }: RowCells): void {
  if (headerKind !== 'quarter') return;
  const a: Actual = {
    quarter: first,
    metric: cellText('Metric'),
    reduction: amount('Realised reduction', 'The kept realised reduction', true),
    baseline: amount('Baseline admissions', 'The kept baseline'),
    actual: amount('Actual admissions', 'The kept actual admissions', true),
    note: cellText('Note') || undefined,
  };
  if (
    a.quarter ||
    a.metric ||
    a.reduction !== undefined ||
    a.baseline !== undefined ||
    a.actual !== undefined ||
    a.note
  )
    scan.unmatched.push(a);
}

function rateMeasures(c: CellReader, rateFields: Map<string, Map<string, number>>): RateMeasure[] {
  const rates: RateMeasure[] = [];
  for (const [id, f] of rateFields) {
    const at = (label: string) => f.get(label.toLowerCase());
    const targetRow = at(CARD_LABEL.rateTarget);
    const direction =
      at(CARD_LABEL.rateDirection) !== undefined ? c.text(at(CARD_LABEL.rateDirection)!, 1).toLowerCase() : 'yes';
    rates.push({
      id,
      name: at(CARD_LABEL.rateName) !== undefined ? c.text(at(CARD_LABEL.rateName)!, 1) : id,
      unit: at(CARD_LABEL.rateUnit) !== undefined ? c.text(at(CARD_LABEL.rateUnit)!, 1) : '',
      target: targetRow !== undefined ? c.amount(targetRow, 1, `The target of ${id}`) : new Money(0),
      higherIsBetter: direction !== 'no',
    });
  }
  return rates;
}

/** The phasing with the years left all blank (an even split) dropped. */
function withoutEvenYears(phasing: Phasing): Phasing {
  const evenYearsDropped: Phasing = {};
  for (const [id, years] of Object.entries(phasing)) {
    for (const [year, list] of Object.entries(years)) {
      if (list.some((p) => p !== null)) (evenYearsDropped[id] ??= {})[year] = list;
    }
  }
  return evenYearsDropped;
}

function isHeaderRow(sheet: SheetSnapshot, row: number): boolean {
  // A header row has several text cells; a quarter row has a quarter label and numbers or blanks.
  const values = sheet.values[row] ?? [];
  const texts = values.filter((v) => typeof v === 'string' && v.trim()).length;
  const first = String(values[0] ?? '')
    .trim()
    .toLowerCase();
  if (first === 'barrier' || first === 'dependency')
    return texts === 1 && values.slice(1).every((v) => v === null || v === '');
  return texts >= 3 && String(values[1] ?? '').trim() !== '' && !/^\d{4}\/\d{2}/.test(first);
}

/** A date cell as ISO text: Excel gives a serial number, ExcelJS an ISO date; typed text stays as typed. */
function dateText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return serialToIso(value);
  return String(value).trim();
}
