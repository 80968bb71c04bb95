import type { BenefitCard } from '../../../domain/benefitCard';
import { unitCostName } from '../../../domain/plan';
import type { CardTracker, RateTracker } from '../../../domain/tracker';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type ValidationPlan } from '../../sheetPlan';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { absCell, headerRow, section, type CardRows, type Row } from './cardRows';
import { metricBlock, type FormulaMemo } from './metricSection';
import { CARD_LABEL, CARD_SECTION, CUMULATIVE_HEADERS, NA, QC, RATE_HEADERS, TRACKER_NAMES } from './names';

/* The tracker sections of a card: one per counted benefit and per rate, then the cumulative table the chart reads. */

/** A section per metric (phased counts in £) and per rate (measured without £). */
export function trackerBlocks(
  b: CardRows,
  card: BenefitCard,
  tracker: CardTracker,
  schemeIndex: number,
  schemes: SchemesGeometry,
  yearRows: Map<string, Map<string, number>>,
  memo: FormulaMemo,
) {
  const firstQuarterRows = new Map<string, number>(); // metric/rate id -> first quarter row
  for (const m of tracker.metrics) {
    const id = m.metric.unit.id;
    section(
      b,
      `${CARD_SECTION.metric} ${id}`,
      `${m.metric.unit.benefit}: count × ${unitCostName(id)} (£ ${m.metric.unit.unit}, on the Assumptions sheet). Phasing % blank for a year = even split in whole units, remainder to the earliest quarters.`,
    );
    const yearsAt = metricBlock(b.rows, { card, m, schemeIndex, schemes, memo }, b.validations);
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

/** The formulas of the cumulative table's rows, by where the card's benefits sit: cards laid out alike share them. */
export type CumulativeMemo = Map<string, readonly CumulativeFormulas[]>;

interface CumulativeFormulas {
  readonly planned: string;
  readonly realised: string;
  readonly ofPlanned: string;
  readonly entries: string;
  readonly plannedReported: string;
}

/** The cumulative table the chart reads; returns the absolute range of one of its columns. */
export function cumulativeTable(
  b: CardRows,
  tracker: CardTracker,
  firstQuarterRows: Map<string, number>,
  posCell: string,
  memo: CumulativeMemo,
): (col: number) => string {
  const { rows } = b;
  section(
    b,
    CARD_SECTION.cumulative,
    'Planned against realised benefit, cumulative, in £ (the chart reads this table; realised stops at the reporting quarter).',
  );
  headerRow(b, CUMULATIVE_HEADERS);
  const cumFirst = rows.length;
  const starts = tracker.metrics.map((m) => ({ id: m.metric.unit.id, first: firstQuarterRows.get(m.metric.unit.id)! }));
  const key = `${cumFirst}|${tracker.cumulative.length}|${posCell}|${starts.map((m) => `${m.id}@${m.first}`).join(',')}`;
  let formulas = memo.get(key);
  if (!formulas) memo.set(key, (formulas = cumulativeFormulas(cumFirst, tracker.cumulative.length, posCell, starts)));
  const some = starts.length > 0;
  tracker.cumulative.forEach((c, k) => {
    const f = formulas[k];
    rows.push([
      text(c.quarter),
      some ? formula(f.planned, c.plannedGbp, FORMAT.pounds) : num(0, FORMAT.pounds),
      formula(f.realised, c.realisedGbp ?? '', FORMAT.pounds),
      formula(f.ofPlanned, c.ofPlanned ?? '', FORMAT.percent),
      some ? formula(f.entries, c.entries, FORMAT.count) : num(0, FORMAT.count),
      some ? formula(f.plannedReported, c.plannedReportedGbp, FORMAT.pounds) : num(0, FORMAT.pounds),
    ]);
  });
  const cumLast = rows.length - 1;
  return (col: number) => `${absCell(cumFirst, col)}:${absCell(Math.max(cumLast, cumFirst), col)}`;
}

/** The cumulative table's formulas, row by row from cumFirst: a function of where each benefit's quarters start. */
function cumulativeFormulas(
  cumFirst: number,
  quarters: number,
  posCell: string,
  starts: readonly { readonly id: string; readonly first: number }[],
): CumulativeFormulas[] {
  const at = (row: number, col: number) => cellAddress(row, col);
  const realisedCol = QC('Realised');
  return Array.from({ length: quarters }, (_, k) => {
    const r = cumFirst + k;
    const terms = (col: number) =>
      starts.map((m) => `${cellAddress(m.first + k, col)}*${unitCostName(m.id)}`).join('+');
    const counts = starts
      .map((m) => `COUNT(${cellAddress(m.first, realisedCol, true)}:${cellAddress(m.first + k, realisedCol)})`)
      .join('+');
    return {
      planned: terms(QC('Cumulative planned')),
      realised: `IF(${k + 1}>${posCell},"",${starts.length ? terms(QC('Cumulative realised')) : '0'})`,
      ofPlanned: `IF(${at(r, 2)}="","",IF(${at(r, 5)}=0,"${NA}",${at(r, 2)}/${at(r, 5)}))`,
      entries: counts,
      plannedReported: terms(QC('Cumulative planned, quarters reported')),
    };
  });
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
