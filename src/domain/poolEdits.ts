import type Decimal from 'decimal.js';
import type { QuarterNumber } from './financialYear';
import type { Partner, Plan } from './plan';
import { emptyPool, type Contribution, type SharingRule } from './pool';

/**
 * The changes a person makes to the pooled budget from the pane, each a new plan. The figures
 * they lead to (variance, shares, checks) stay in pool.ts and planChecks.ts; these only record
 * what was entered, and refuse what can't be recorded, in words for the field concerned.
 */
export class PoolEditError extends Error {}

const PARTNER_ID = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;

export function addPartner(plan: Plan, partner: Partner): Plan {
  const id = partner.id.trim();
  if (!PARTNER_ID.test(id))
    throw new PoolEditError(
      `"${id}" can't be a partner id: use up to 16 letters, digits, - or _, starting with a letter (e.g. CC or ICB).`,
    );
  if (plan.partners.some((p) => p.id.toLowerCase() === id.toLowerCase()))
    throw new PoolEditError(`there is already a partner with the id ${id}.`);
  if (!partner.name.trim())
    throw new PoolEditError(`give partner ${id} a name, e.g. the council's or the ICB's full name.`);
  return { ...plan, partners: [...plan.partners, { ...partner, id, name: partner.name.trim() }] };
}

export function addContribution(plan: Plan, contribution: Contribution): Plan {
  if (!plan.years.some((y) => y.label === contribution.year))
    throw new PoolEditError(`${contribution.year} is not one of the plan's years.`);
  if (!plan.partners.some((p) => p.id === contribution.partner))
    throw new PoolEditError(`choose a partner for the contribution (add one first if the plan has none).`);
  if (!contribution.source.trim())
    throw new PoolEditError('say where the money comes from (the funding source), e.g. "ICB minimum contribution".');
  if (contribution.amount.isNegative()) throw new PoolEditError('a contribution is £0 or more.');
  const pool = plan.pool ?? emptyPool();
  return {
    ...plan,
    pool: { ...pool, contributions: [...pool.contributions, { ...contribution, source: contribution.source.trim() }] },
  };
}

export function removeContribution(plan: Plan, index: number): Plan {
  const pool = plan.pool ?? emptyPool();
  return { ...plan, pool: { ...pool, contributions: pool.contributions.filter((_, i) => i !== index) } };
}

/** One quarter's spend for each pooled scheme: an amount replaces what was there, undefined clears it. */
export function setQuarterSpend(
  plan: Plan,
  year: string,
  quarter: QuarterNumber,
  amounts: ReadonlyMap<string, Decimal | undefined>,
): Plan {
  const pool = plan.pool ?? emptyPool();
  const refs = new Set([...amounts.keys()].map((r) => r.toLowerCase()));
  const kept = pool.spend.filter(
    (s) => !(s.year === year && s.quarter === quarter && refs.has(s.scheme.toLowerCase())),
  );
  const added = [...amounts.entries()]
    .filter((e): e is [string, Decimal] => e[1] !== undefined)
    .map(([scheme, amount]) => ({ scheme, year, quarter, amount }));
  return { ...plan, pool: { ...pool, spend: [...kept, ...added] } };
}

export function setSharing(plan: Plan, sharing: SharingRule): Plan {
  return { ...plan, pool: { ...(plan.pool ?? emptyPool()), sharing } };
}
