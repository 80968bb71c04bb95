import type { Plan } from '../../../domain/plan';
import { band, heatMap, rating, score, SCORES, type Risk } from '../../../domain/riskLog';
import { columnLetter } from '../../a1';
import { formula, num, text } from '../../grid';
import type { CellPlan, SheetPlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, ROOM_TO_GROW, SHEET_SPECS } from '../shared/blocks';
import { inputNote, legendRow } from '../shared/inputLegend';
import { POOL_SHEETS } from '../pool/names';
import { MITIGATION_SEPARATOR } from './names';

export const RISK_HEADER_ROW = 3;

/**
 * The risk log of section 5a: each risk's impact and probability (1-5) typed in, the rating as a
 * formula (impact × probability), the rating the plan printed beside it, and a 5×5 heat map that
 * counts the risks in each cell with COUNTIFS.
 */
export function riskLogLayout(plan: Plan): SheetPlan {
  const risks = plan.risks ?? [];
  const spec = SHEET_SPECS.risks;
  const first = RISK_HEADER_ROW + 1;
  const last = first + regionRows(spec, BLOCKS.risks, risks.length) - 1; // the heat map counts risks typed in the room to grow
  const rows: (CellPlan | null)[][] = [
    [text(`${plan.board} BCF risk log`, 'title')],
    [
      text(
        inputNote(
          'impact and probability are scored 1 (low) to 5 (high); the rating is impact × probability. "Rating as stated" keeps what the plan printed, so the two can be compared.',
        ),
        'note',
      ),
    ],
    legendRow(),
    BLOCKS.risks.headers.map((h) => text(h, 'header')),
  ];
  const items = risks.map((r, i) => riskRow(r, first + i + 1));
  const scoreCell = { style: 'input' as const, format: '0' };
  rows.push(
    ...blockBody(spec, BLOCKS.risks, items, [
      { style: 'input' },
      { style: 'input' },
      scoreCell,
      scoreCell,
      null,
      scoreCell,
      null,
      { style: 'input' },
      { style: 'input' },
    ]),
  );
  rows.push(...heatMapRows(risks, rows.length, first, last));
  return {
    name: POOL_SHEETS.risks,
    rows,
    tables: [
      {
        name: BLOCKS.risks.id,
        row: RISK_HEADER_ROW,
        column: 0,
        columns: BLOCKS.risks.headers,
        rowCount: risks.length + ROOM_TO_GROW,
      },
    ],
    validations: [
      {
        range: `C${first + 1}:D${last + 1}`,
        kind: 'whole',
        min: 1,
        message: 'Score impact and probability from 1 to 5.',
      },
    ],
    columnWidths: [22, 60, 12, 14, 12, 14, 20, 70, 20],
    tabColor: 'C00000',
  };
}

/** A risk's row; `row` is the 1-based sheet row its formulas refer to. */
function riskRow(r: Risk, row: number): (CellPlan | null)[] {
  const value = rating(r);
  const differs = r.statedRating !== undefined && !r.statedRating.equals(value);
  return [
    text(r.id, 'input'),
    text(r.description, 'input'),
    num(r.impact, '0', 'input'),
    num(r.probability, '0', 'input'),
    formula(`C${row}*D${row}`, value, '0'),
    r.statedRating !== undefined ? num(r.statedRating, '0', 'input') : { style: 'input', format: '0' },
    formula(
      `IF(F${row}="","",IF(F${row}=E${row},"Agrees","Check: stated rating is not impact × probability"))`,
      r.statedRating === undefined ? '' : differs ? 'Check: stated rating is not impact × probability' : 'Agrees',
      '@',
      differs ? 'warning' : 'computed',
    ),
    text(r.mitigations.join(MITIGATION_SEPARATOR), 'input'),
    text(r.owner, 'input'),
  ];
}

/** The heat map's title, score header and one row per impact, starting at zero-based sheet row `start`. */
function heatMapRows(risks: readonly Risk[], start: number, first: number, last: number): (CellPlan | null)[][] {
  const rows: (CellPlan | null)[][] = [];
  rows.push([text(BLOCKS.heatMap.title!, 'subtitle')]);
  const heatHeader = start + rows.length + 1; // 1-based row of the probability scores
  rows.push([text(BLOCKS.heatMap.headers[0], 'header'), ...SCORES.map((p) => num(p, '0', 'header'))]);
  const grid = heatMap(risks);
  const range = (col: string) => `$${col}$${first + 1}:$${col}$${last + 1}`;
  [...SCORES].reverse().forEach((impact, k) => {
    const r = start + rows.length + 1;
    rows.push([
      num(impact, '0', 'header'),
      ...SCORES.map((p, c) =>
        formula(
          `COUNTIFS(${range('C')},$A${r},${range('D')},${columnLetter(c + 1)}$${heatHeader})`,
          grid[k][c],
          '0',
          band(score(impact).times(p)) === 'red' ? 'warning' : 'computed',
        ),
      ),
    ]);
  });
  return rows;
}
