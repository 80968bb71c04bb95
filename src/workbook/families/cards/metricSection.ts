import type Decimal from 'decimal.js';
import type { BenefitCard } from '../../../domain/benefitCard';
import { unitCostName } from '../../../domain/plan';
import type { MetricQuarter, MetricTracker } from '../../../domain/tracker';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type ValidationPlan } from '../../sheetPlan';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { ragFormula, type Row } from './cardRows';
import { NA, QC, QUARTER_HEADERS, TRACKER_NAMES, YEAR_HEADERS } from './names';

/** One counted benefit of a card, and where the plan's figure for it sits on the Schemes sheet. */
interface MetricContext {
  readonly card: BenefitCard;
  readonly memo: FormulaMemo;
  readonly m: MetricTracker;
  readonly schemeIndex: number;
  readonly schemes: SchemesGeometry;
}

/** The "plan by year" check block and the quarter rows of one counted benefit. */
export function metricBlock(
  rows: Row[],
  { card, m, schemeIndex, schemes: g, memo }: MetricContext,
  validations: ValidationPlan[],
): { years: Map<string, number>; firstQuarter: number } {
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
  m.quarters.forEach((_, k) => rows.push(quarterCells(rows.length, { card, m, k, yearFirst, firstAll, memo })));
  if (m.quarters.length)
    validations.push({
      range: `${at(firstAll, 2)}:${at(rows.length - 1, 2)}`,
      kind: 'decimal',
      min: 0,
      message: 'A share of the year, e.g. 25%; leave a year blank for an even split.',
    });
  return { years, firstQuarter: firstAll };
}

/**
 * Formula texts already written for a layout's cards, by what they are a function of: cards laid
 * out alike share them. Laid out for formulas alone, whose results are the same placeholders on
 * every card, they share the quarter rows' formula cells too (30,000 rows of 1,000 cards).
 */
export interface FormulaMemo {
  readonly formulasOnly: boolean;
  readonly rows: Map<string, { readonly formulas: QuarterFormulas; cells?: readonly CellPlan[] }>;
}

/** One quarter row of a counted benefit: typed actuals, then every figure as a formula over them. */
function quarterCells(
  r: number,
  ctx: { card: BenefitCard; m: MetricTracker; k: number; yearFirst: number; firstAll: number; memo: FormulaMemo },
): Row {
  const { card, m, k, yearFirst, firstAll, memo } = ctx;
  const q = m.quarters[k];
  const place = { r, k, yearFirst, firstAll, quarters: m.quarters.length, unit: m.metric.unit.id };
  const key = `${r}|${k}|${yearFirst}|${firstAll}|${place.quarters}|${place.unit}`;
  let entry = memo.rows.get(key);
  if (!entry) memo.rows.set(key, (entry = { formulas: quarterFormulas(place) }));
  const cells = memo.formulasOnly ? (entry.cells ??= figureCells(entry.formulas, q)) : figureCells(entry.formulas, q);
  const a = q.actual;
  const input = (d: Decimal | undefined) =>
    d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input');
  return [
    text(q.quarter),
    text(card.quarters[k].months),
    q.phasing !== null && q.phasing !== undefined
      ? num(q.phasing, FORMAT.percent, 'input')
      : { style: 'input', format: FORMAT.percent },
    cells[0],
    cells[1],
    input(a?.reduction),
    input(a?.baseline),
    input(a?.actual),
    ...cells.slice(2),
    text(a?.note ?? '', 'input'),
  ];
}

/** A quarter row's formula cells in the row's order, the typed actuals left out between the second and third. */
function figureCells(f: QuarterFormulas, q: MetricQuarter): CellPlan[] {
  return [
    formula(f.planned, q.planned, FORMAT.count),
    formula(f.plannedGbp, q.plannedGbp, FORMAT.pounds),
    formula(f.realised, q.realised ?? '', FORMAT.count),
    formula(f.realisedGbp, q.realisedGbp ?? '', FORMAT.pounds),
    formula(f.variance, q.variance ?? '', FORMAT.count),
    formula(f.varianceGbp, q.varianceGbp ?? '', FORMAT.pounds),
    formula(f.variancePct, q.variancePct ?? '', FORMAT.percent),
    formula(f.cumPlanned, q.cumPlanned, FORMAT.count),
    formula(f.plannedReported, q.plannedReported ?? '', FORMAT.count),
    formula(f.cumPlannedReported, q.cumPlannedReported, FORMAT.count),
    formula(f.cumRealised, q.cumRealised, FORMAT.count),
    formula(f.lower, q.forecast.lower, FORMAT.count),
    formula(f.expected, q.forecast.expected, FORMAT.count),
    formula(f.upper, q.forecast.upper, FORMAT.count),
    formula(f.status, q.status, FORMAT.text),
  ];
}

type QuarterFormulas = ReturnType<typeof quarterFormulas>;

/**
 * The formulas of a quarter row, each starting "=": a function of where the row and its block sit
 * and of the benefit's unit alone (nothing else reaches them), so a thousand cards share a few hundred.
 */
function quarterFormulas(place: {
  r: number;
  k: number;
  yearFirst: number;
  firstAll: number;
  quarters: number;
  unit: string;
}) {
  const { r, k, yearFirst, firstAll } = place;
  const unit = unitCostName(place.unit);
  const at = (row: number, col: number) => cellAddress(row, col);
  const abs = (row: number, col: number) => cellAddress(row, col, true);
  const c = (h: (typeof QUARTER_HEADERS)[number]) => at(r, QC(h));
  const i = Math.floor(k / 4);
  const j = k % 4;
  const q0 = firstAll + 4 * i;
  const yearSpan = (col: number) => `${abs(q0, col)}:${abs(q0 + 3, col)}`;
  const ytd = (h: (typeof QUARTER_HEADERS)[number]) => `SUM(${abs(q0, QC(h))}:${c(h)})`;
  const since = (h: (typeof QUARTER_HEADERS)[number]) => `=SUM(${abs(firstAll, QC(h))}:${c(h)})`;
  const planCell = abs(yearFirst + i, 1);
  const profileCell = abs(yearFirst + i, 2);
  const noData = `${c('Realised')}=""`;
  const run = `IF(${ytd('Planned, quarter reported')}=0,1,${ytd('Realised')}/${ytd('Planned, quarter reported')})`;
  const rest = `(${profileCell}-${ytd('Planned, quarter reported')})*${run}`;
  const range = TRACKER_NAMES.range;
  // Lower and upper are the smaller and larger scenario, so negative figures never swap them.
  const forecast = (h: 'Forecast lower' | 'Forecast expected' | 'Forecast upper') => {
    const pick = (x: string) =>
      h === 'Forecast expected' ? x : `${h === 'Forecast lower' ? 'MIN' : 'MAX'}(${x}*(1-${range}),${x}*(1+${range}))`;
    const carried = j === 0 ? pick(profileCell) : at(r - 1, QC(h));
    return `=IF(${noData},${carried},${ytd('Realised')}+${pick(rest)})`;
  };
  const later =
    k + 1 < place.quarters
      ? `COUNT(${at(r + 1, QC('Realised'))}:${at(firstAll + place.quarters - 1, QC('Realised'))})>0`
      : 'FALSE()';
  return {
    planned: `=IF(COUNT(${yearSpan(2)})=0,INT(${planCell}/4)+MIN(1,MAX(0,${planCell}-4*INT(${planCell}/4)-${j})),${planCell}*${c('Phasing %')})`,
    plannedGbp: `=${c('Planned')}*${unit}`,
    realised: `=IF(ISNUMBER(${c('Realised reduction')}),${c('Realised reduction')},IF(AND(ISNUMBER(${c('Baseline admissions')}),ISNUMBER(${c('Actual admissions')})),${c('Baseline admissions')}-${c('Actual admissions')},""))`,
    realisedGbp: `=IF(${noData},"",${c('Realised')}*${unit})`,
    variance: `=IF(${noData},"",${c('Realised')}-${c('Planned')})`,
    varianceGbp: `=IF(${noData},"",${c('Variance')}*${unit})`,
    variancePct: `=IF(${noData},"",IF(${c('Planned')}=0,"${NA}",${c('Variance')}/${c('Planned')}))`,
    cumPlanned: since('Planned'),
    plannedReported: `=IF(${noData},"",${c('Planned')})`,
    cumPlannedReported: since('Planned, quarter reported'),
    cumRealised: since('Realised'),
    lower: forecast('Forecast lower'),
    expected: forecast('Forecast expected'),
    upper: forecast('Forecast upper'),
    status: `=IF(${noData},IF(${later},"Missing","No data yet"),${ragFormula(c('Cumulative realised'), c('Cumulative planned, quarters reported'))})`,
  };
}
