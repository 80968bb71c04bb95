import { icbContributionSource, type JointPoolReconciliation } from '../../../domain/jointPoolReconciliation';
import { formula, text } from '../../grid';
import { FORMAT, type CellPlan } from '../../sheetPlan';
import { BLOCKS } from '../shared/blocks';
import { registerRange as R } from './register';

type Row = (CellPlan | null)[];

/**
 * The reconciliation under the breakdowns: per ICB, its share of the packages in the year (the
 * register's whole columns) against the Pool sheet's contribution lines for that share in the same
 * year (the contributions table, room included), so both sides follow whatever is typed.
 */
export function reconcileRows(
  first: number, // zero-based row of the title
  rec: JointPoolReconciliation,
  yearCell: string,
  contributions: (c: number) => string,
): Row[] {
  const rows: Row[] = [
    [text(BLOCKS.jointReconcile.title!, 'subtitle')],
    BLOCKS.jointReconcile.headers.map((h) => text(h, 'header')),
  ];
  const prefix = icbContributionSource('');
  for (const line of rec.icbs) {
    const r = first + rows.length + 1;
    rows.push([
      text(line.icb),
      text(line.partner),
      formula(`SUMIF(${R('icb')},"="&$A${r},${R('icbYear')})`, line.register, FORMAT.pence),
      formula(
        `SUMIFS(${contributions(3)},${contributions(0)},${yearCell},${contributions(2)},"${prefix}"&$A${r})`,
        line.pool,
        FORMAT.pence,
      ),
      formula(`C${r}-D${r}`, line.difference, FORMAT.pence),
    ]);
  }
  return rows;
}
