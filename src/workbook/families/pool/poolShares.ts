import { contributionShares, emptyPool, type PoolYear } from '../../../domain/pool';
import type { Plan } from '../../../domain/plan';
import { columnLetter } from '../../a1';
import { formula, text } from '../../grid';
import { FORMAT, type CellPlan } from '../../sheetPlan';
import { POOL_HEADERS, SHARING_RULES } from './names';

/** The Pool sheet's by-source and by-partner tables: how the forecast variance is shared out. */
type Row = (CellPlan | null)[];

export const abs = (col: number, row: number) => `$${columnLetter(col)}$${row + 1}`;
export const rel = (col: number, row: number) => `${columnLetter(col)}${row + 1}`;
export const H = POOL_HEADERS;
export const col = <T extends readonly string[]>(headers: T, header: T[number]) => headers.indexOf(header);

export interface Years {
  readonly list: readonly { year: string; figures: PoolYear }[];
  /** Absolute rows, fixed before the blocks are written, so each block can point at any other. */
  readonly phasingRow: ReadonlyMap<string, number>;
  readonly summaryRow: ReadonlyMap<string, number>;
}

export interface SharingCells {
  /** The sharing rule's cell, and the fixed split's columns. */
  readonly cell: string;
  readonly fRange: (c: number) => string;
}

/** Where the by-source table finds the contributions (their rows and room to grow) and each year's summary. */
export interface SourceContext {
  readonly cFirst: number;
  readonly cRows: number;
  readonly cRange: (c: number) => string;
  readonly rule: SharingCells;
  readonly summary: (c: number) => string;
}

/**
 * One row per row of the contributions table, its room to grow included, so a line a person types
 * there is in this table at once: its part of the year's pool, and its part of the forecast variance
 * its partner carries under the sharing rule (in proportion: its part of the pool; fixed: its part of
 * what its partner put in, times the partner's agreed share). Partners not on the Assumptions sheet
 * carry theirs too.
 */
export function sourceRows(plan: Plan, ctx: SourceContext, first: number): Row[] {
  const contributions = (plan.pool ?? emptyPool()).contributions;
  const shares = contributionShares(plan);
  const { cRange, rule } = ctx;
  const rows: Row[] = [];
  for (let k = 0; k < ctx.cRows; k++) {
    const r = first + k;
    const c = ctx.cFirst + k;
    const line = contributions[k];
    const [year, partner, amount] = [rel(0, r), rel(1, r), rel(3, r)];
    const total = `SUMIF(${cRange(0)},${year},${cRange(3)})`;
    const put = `SUMIFS(${cRange(3)},${cRange(0)},${year},${cRange(1)},${partner})`;
    const share = `IF(${rule.cell}="${SHARING_RULES.fixed}",SUMIF(${rule.fRange(0)},${partner},${rule.fRange(1)})/100,IF(${total}=0,0,${put}/${total}))`;
    const forecast = `SUMIF(${ctx.summary(0)},${year},${ctx.summary(col(H.summary, 'Forecast variance (£)'))})`;
    const copy = (i: number, value: string) => formula(`IF(${abs(i, c)}="","",${abs(i, c)})`, value, FORMAT.text);
    rows.push([
      copy(0, line?.year ?? ''),
      copy(1, line?.partner ?? ''),
      copy(2, line?.source ?? ''),
      formula(`N(${abs(3, c)})`, line?.amount ?? 0, FORMAT.pounds),
      formula(`IF(${year}="",0,IF(${total}=0,0,${amount}/${total}))`, shares[k]?.share ?? 0, FORMAT.percent),
      formula(
        `IF(${year}="",0,IF(${put}=0,0,${amount}/${put}*${share}*${forecast}))`,
        shares[k]?.variance ?? 0,
        FORMAT.pounds,
      ),
    ]);
  }
  return rows;
}

/** Every partner named, each year: what it put in, its share under the rule, and the forecast variance it carries. */
export function partnerRows(years: Years, first: number, cRange: (c: number) => string, rule: SharingCells): Row[] {
  const rows: Row[] = [];
  for (const { year, figures } of years.list) {
    const yr = years.summaryRow.get(year)!;
    const contributed = abs(col(H.summary, 'Contributed (£)'), yr);
    const forecastVariance = abs(col(H.summary, 'Forecast variance (£)'), yr);
    figures.partners.forEach((p) => {
      const r = first + rows.length;
      rows.push([
        text(year),
        text(p.partner),
        formula(
          `SUMIFS(${cRange(3)},${cRange(0)},${rel(0, r)},${cRange(1)},${rel(1, r)})`,
          p.contributed,
          FORMAT.pounds,
        ),
        formula(
          `IF(${rule.cell}="${SHARING_RULES.fixed}",SUMIF(${rule.fRange(0)},${rel(1, r)},${rule.fRange(1)})/100,IF(${contributed}=0,0,${rel(2, r)}/${contributed}))`,
          p.share,
          FORMAT.percent,
        ),
        formula(`${rel(3, r)}*${forecastVariance}`, p.varianceShare, FORMAT.pounds),
      ]);
    });
  }
  return rows;
}
