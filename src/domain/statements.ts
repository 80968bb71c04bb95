import type Decimal from 'decimal.js';

/**
 * An amount the plan states in words ("The total set aside for the protection of social care is
 * £4,141,357"), kept so it can be checked against the plan's own tables:
 * - `tagged`: the stated amount should equal the amounts tagged with the same purpose in the
 *   scheme investment lines (protection of social care, carer support, Care Act duties);
 * - `parts`: the plan itemises the amount, and the items should add up to it (carers breaks
 *   £846,000 + carers services £300,000 = £1,146,000; Table 17's activity by provider);
 * - `amountAtRisk`: a restatement of the pay-for-performance amount, which should equal the
 *   target reduction × the NEL unit cost;
 * - `reductionPercent`: the stated NEL reduction as a percentage of the baseline, compared at the
 *   precision it is printed with ("3.5%").
 */
export type StatementKind = 'tagged' | 'parts' | 'amountAtRisk' | 'reductionPercent';

export const STATEMENT_KINDS: readonly StatementKind[] = ['tagged', 'parts', 'amountAtRisk', 'reductionPercent'];

export interface Statement {
  readonly id: string; // "protectSocialCare", "carers", "careAct", "table17Activity"...
  readonly kind: StatementKind;
  readonly label: string;
  readonly year: string;
  readonly stated: Decimal;
  readonly source: string; // where the plan says it, e.g. "Section 7a iii"
  readonly parts: readonly StatementPart[];
}

/**
 * For `tagged` statements, a part is an amount of one scheme's investment line tagged with the
 * statement's purpose (all of the line, or the stated part of it); for `parts`, it is one of the
 * plan's own items.
 */
export interface StatementPart {
  readonly label: string;
  readonly amount: Decimal;
  readonly scheme?: string; // scheme ref of the tagged investment line
}
