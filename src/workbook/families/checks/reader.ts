import { STATEMENT_KINDS, type Statement, type StatementKind, type StatementPart } from '../../../domain/statements';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock } from '../shared/blockLocator';
import type { CellReader } from '../shared/cells';

/** The amounts the plan states, and the parts tagged or itemised for them, as people corrected them on the Checks sheet. */
export function readStatements(r: CellReader): Statement[] {
  const sb = locateBlock(r, SHEET_SPECS.checks, BLOCKS.statements);
  const pb = locateBlock(r, SHEET_SPECS.checks, BLOCKS.parts);
  const parts = (pb?.rows ?? []).map((row) => ({
    id: r.text(row, pb!.col(0)),
    part: {
      label: r.text(row, pb!.col(1)),
      amount: r.amount(row, pb!.col(3), `The amount of "${r.text(row, pb!.col(1))}"`),
      ...(r.text(row, pb!.col(2)) ? { scheme: r.text(row, pb!.col(2)) } : {}),
    } as StatementPart,
  }));
  return (sb?.rows ?? []).map((row) => {
    const id = r.text(row, sb!.col(0));
    const kind = r.text(row, sb!.col(1)) as StatementKind;
    if (!STATEMENT_KINDS.includes(kind))
      r.error(
        row,
        sb!.col(1),
        `the kind of statement ${id} must be one of ${STATEMENT_KINDS.join(', ')}, not "${kind}".`,
      );
    return {
      id,
      kind: STATEMENT_KINDS.includes(kind) ? kind : 'parts',
      label: r.text(row, sb!.col(2)),
      year: r.text(row, sb!.col(3)),
      stated: r.amount(row, sb!.col(4), `The stated amount of ${id}`),
      source: r.text(row, sb!.col(5)),
      parts: parts.filter((p) => p.id === id).map((p) => p.part),
    };
  });
}
