import { dateSerial } from '../../../domain/tracker';
import { cellAddress } from '../../a1';
import { num, text } from '../../grid';
import type { CellPlan, ValidationPlan } from '../../sheetPlan';
import { FORMAT_DATE, SPARE_ROWS, TRACKER_NAMES } from './names';

export type Row = (CellPlan | null)[];

/** A card sheet as it is laid out: its rows, drop-downs and the absolute address of each labelled cell. */
export interface CardRows {
  rows: Row[];
  validations: ValidationPlan[];
  cell: Record<string, string>;
}

export const absCell = (row: number, col: number) => cellAddress(row, col, true);

export function section(b: CardRows, title: string, detail?: string): void {
  b.rows.push(detail ? [text(title, 'subtitle'), text(detail, 'note')] : [text(title, 'subtitle')]);
}

export function headerRow(b: CardRows, headers: readonly string[]): void {
  b.rows.push(headers.map((h) => text(h, 'header')));
}

export function keyValue(b: CardRows, label: string, value: CellPlan): void {
  b.cell[label] = absCell(b.rows.length, 1);
  b.rows.push([text(label), value]);
}

/** A date typed as a date serial when it reads as one, else as the text typed, else an empty date input. */
export function dateInput(value: string): CellPlan {
  const serial = dateSerial(value);
  return serial !== null
    ? num(serial, FORMAT_DATE, 'input')
    : value
      ? text(value, 'input')
      : { style: 'input', format: FORMAT_DATE };
}

/** domain/tracker.ts ratioStatus: performance 1 + (realised − planned) ÷ |planned|, one division either sign. */
export function ragFormula(realised: string, planned: string): string {
  const perf = `IF(${planned}>0,${realised}/${planned},(2*${planned}-${realised})/${planned})`;
  return `IF(${planned}=0,IF(${realised}<0,"Red","Green"),IF(${perf}>=${TRACKER_NAMES.green},"Green",IF(${perf}>=${TRACKER_NAMES.amber},"Amber","Red")))`;
}

export function spare(): string[] {
  return Array.from({ length: SPARE_ROWS }, () => '');
}
