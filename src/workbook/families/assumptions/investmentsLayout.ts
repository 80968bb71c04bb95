import type { Plan } from '../../../domain/plan';
import { num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS } from '../shared/blocks';
import { inputNote, legendRow } from '../shared/inputLegend';
import { SHEET } from './names';

export const INVESTMENTS_HEADER_ROW = 3;
const spare: CellPlan[] = [
  { style: 'input' },
  { style: 'input' },
  { style: 'input' },
  { style: 'input', format: FORMAT.pounds },
];

/** The investment breakdown of each scheme: the lines a scheme's cost is made of. */
export function investmentsLayout(plan: Plan): SheetPlan {
  const lines = plan.schemes.flatMap((s) => s.investments.map((l) => ({ ref: s.ref, ...l })));
  return {
    name: SHEET.investments,
    rows: [
      [text(`${plan.board} BCF schemes: investment breakdown`, 'title')],
      [text(inputNote("each scheme's lines should add up to its cost for the year on the Schemes sheet."), 'note')],
      legendRow(),
      BLOCKS.investments.headers.map((h) => text(h, 'header')),
      ...blockBody(
        SHEET_SPECS.investments,
        BLOCKS.investments,
        lines.map((l) => [
          text(l.ref, 'input'),
          text(l.year, 'input'),
          text(l.line, 'input'),
          num(l.amount, FORMAT.pounds, 'input'),
        ]),
        spare,
      ),
    ],
    tables: [
      {
        name: BLOCKS.investments.id,
        row: INVESTMENTS_HEADER_ROW,
        column: 0,
        columns: BLOCKS.investments.headers,
        rowCount: regionRows(SHEET_SPECS.investments, BLOCKS.investments, lines.length),
      },
    ],
    columnWidths: [6, 10, 60, 16],
    tabColor: '2E75B6',
  };
}
