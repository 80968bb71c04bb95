import type { QuarterNumber } from '../../../domain/financialYear';
import type Decimal from 'decimal.js';
import type { Plan } from '../../../domain/plan';
import type { Contribution, FixedShare, Pool, QuarterSpend, SharingRule } from '../../../domain/pool';
import type { Problem } from '../../../domain/problems';
import type { Risk } from '../../../domain/riskLog';
import type { Statement } from '../../../domain/statements';
import { readStatements } from '../checks/reader';
import { readRisks } from '../riskLog/reader';
import { POOL_SHEETS, SHARING_RULES } from './names';
import { findSheet, type WorkbookSnapshot } from '../../snapshot';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock } from '../shared/blockLocator';
import { CellReader } from '../shared/cells';

/**
 * Reads what finance leads and commissioners typed on the Pool, Checks and Risk log sheets back
 * into the plan (contributions, the sharing rule, quarterly spend, stated amounts, risks), so
 * rebuilding the workbook keeps it. A workbook without these sheets simply has none of them.
 */
export function readPoolSheets(
  snapshot: WorkbookSnapshot,
  problems: Problem[],
): Pick<Plan, 'pool' | 'risks' | 'statements'> {
  const out: { pool?: Pool; risks?: Risk[]; statements?: Statement[] } = {};
  const poolSheet = findSheet(snapshot, POOL_SHEETS.pool);
  if (poolSheet) {
    const r = new CellReader(poolSheet);
    out.pool = readPool(r);
    problems.push(...r.problems);
  }
  const checksSheet = findSheet(snapshot, POOL_SHEETS.checks);
  if (checksSheet) {
    const r = new CellReader(checksSheet);
    out.statements = readStatements(r);
    problems.push(...r.problems);
  }
  const riskSheet = findSheet(snapshot, POOL_SHEETS.risks);
  if (riskSheet) {
    const r = new CellReader(riskSheet);
    out.risks = readRisks(r);
    problems.push(...r.problems);
  }
  return out;
}

function readPool(r: CellReader): Pool {
  const cb = locateBlock(r, SHEET_SPECS.pool, BLOCKS.contributions);
  const contributions: Contribution[] = (cb?.rows ?? []).map((row) => ({
    year: r.text(row, cb!.col(0)),
    partner: r.text(row, cb!.col(1)),
    source: r.text(row, cb!.col(2)),
    amount: r.amount(row, cb!.col(3), `The contribution in ${r.where(row, cb!.col(3)).cell}`),
  }));

  let sharing: SharingRule = { kind: 'contributions' };
  const rule = locateBlock(r, SHEET_SPECS.pool, BLOCKS.sharingRule, { optional: true });
  const ruleHeader = rule?.header ?? -1;
  const ruleText = rule ? r.text(ruleHeader + 1, rule.col(1)) : '';
  if (ruleText.toLowerCase() === SHARING_RULES.fixed.toLowerCase()) {
    const fb = locateBlock(r, SHEET_SPECS.pool, BLOCKS.fixedShares);
    const shares: FixedShare[] = (fb?.rows ?? [])
      .filter((row) => !r.isBlank(row, fb!.col(1)))
      .map((row) => ({
        partner: r.text(row, fb!.col(0)),
        percent: r.amount(row, fb!.col(1), `The fixed share of ${r.text(row, fb!.col(0))}`),
      }));
    // Shares that don't add up to 100, or name a partner the plan doesn't have, are a failed check on
    // the Checks sheet (pool-shares), not a refusal to read: the Benefits summary still prints.
    sharing = { kind: 'fixed', shares };
  } else if (ruleText && ruleText.toLowerCase() !== SHARING_RULES.contributions.toLowerCase()) {
    r.warning(
      ruleHeader + 1,
      1,
      `the sharing rule must be "${SHARING_RULES.contributions}" or "${SHARING_RULES.fixed}", not "${ruleText}"; it is read as "${SHARING_RULES.contributions}".`,
    );
  }

  const sb = locateBlock(r, SHEET_SPECS.pool, BLOCKS.spend);
  const spend: QuarterSpend[] = [];
  for (const row of sb?.rows ?? []) {
    const scheme = r.text(row, sb!.col(0));
    const year = r.text(row, sb!.col(1));
    for (let q = 1; q <= 4; q++) {
      const c = sb!.col(2 + q);
      if (r.isBlank(row, c)) continue;
      spend.push({
        scheme,
        year,
        quarter: q as QuarterNumber,
        amount: r.amount(row, c, `The Q${q} ${year} spend on scheme ${scheme}`),
      });
    }
  }
  const phasing = readPhasing(r);
  return { contributions, spend, sharing, ...(phasing ? { phasing } : {}) };
}

/** The allocation phasing block, if the sheet has one (sheets built before it had none: even phasing). */
function readPhasing(r: CellReader): Record<string, (Decimal | null)[]> | undefined {
  const b = locateBlock(r, SHEET_SPECS.pool, BLOCKS.phasing, { optional: true });
  const out: Record<string, (Decimal | null)[]> = {};
  for (const row of b?.rows ?? []) {
    const year = r.text(row, b!.col(0));
    const quarters = [1, 2, 3, 4].map((q) =>
      r.isBlank(row, b!.col(q)) ? null : r.amount(row, b!.col(q), `The Q${q} ${year} share of the allocation`),
    );
    if (quarters.some((q) => q !== null)) out[year] = quarters;
  }
  return Object.keys(out).length ? out : undefined;
}
