import { signOffRoles } from '../../../domain/benefitCard';
import type { Plan } from '../../../domain/plan';
import { text } from '../../grid';
import type { CellPlan } from '../../sheetPlan';
import { BLOCKS } from '../shared/blocks';

/** The block at the foot of the Assumptions sheet (BLOCKS.signOffRoles) naming who signs a Benefit Card off. */
export const SIGN_OFF_MEANINGS = [
  'The steering group that signs each card off first.',
  'The sponsor of the scheme’s tier.',
  'The sponsor of the scheme itself.',
] as const;

/**
 * The last block of the Assumptions sheet, below every other (the tracker settings included), so
 * adding it moves no cell another block or a formula refers to. Each plan names its own roles; a
 * new plan has neutral ones.
 */
export function signOffRoleRows(plan: Plan): (CellPlan | null)[][] {
  const rows: (CellPlan | null)[][] = [];
  rows.push(BLOCKS.signOffRoles.headers.map((h) => text(h, 'header')));
  signOffRoles(plan).forEach((role, i) =>
    rows.push([text(`Role ${i + 1}`), text(role, 'input'), text(SIGN_OFF_MEANINGS[i], 'note')]),
  );
  return rows;
}
