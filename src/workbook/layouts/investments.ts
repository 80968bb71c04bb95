import type { Plan } from '../../domain/plan';
import { num, text } from '../grid';
import { FORMAT, type SheetPlan } from '../sheetPlan';
import { HEADERS, SHEET } from './names';
import { inputNote, legendRow } from './inputLegend';

/** The investment breakdown of each scheme: the lines a scheme's cost is made of. */
export function investmentsLayout(plan: Plan): SheetPlan {
  const lines = plan.schemes.flatMap((s) => s.investments.map((l) => ({ ref: s.ref, ...l })));
  return {
    name: SHEET.investments,
    rows: [
      [text(`${plan.board} BCF schemes: investment breakdown`, 'title')],
      [text(inputNote("each scheme's lines should add up to its cost for the year on the Schemes sheet."), 'note')],
      legendRow(),
      HEADERS.investments.map((h) => text(h, 'header')),
      ...lines.map((l) => [text(l.ref, 'input'), text(l.year, 'input'), text(l.line, 'input'), num(l.amount, FORMAT.pounds, 'input')]),
    ],
    tables: [{ name: 'Investments', row: 3, column: 0, columns: HEADERS.investments, rowCount: lines.length }],
    columnWidths: [6, 10, 60, 16],
    tabColor: '2E75B6',
  };
}
