import { z } from 'zod';
import type { QuarterNumber } from './financialYear';
import {
  count,
  fields,
  fraction,
  id,
  keyed,
  list,
  money,
  optional,
  percent,
  quarterNumber,
  refuseDuplicates,
  text,
} from './planFields';
import type { Pool, SharingRule } from './pool';
import type { Risk } from './riskLog';
import { STATEMENT_KINDS, type Statement } from './statements';

/** The plan file's "pool", "risks" and "statements" sections. */

const fixedShare = fields({
  partner: id.describe('A partner id.'),
  percent: percent.describe('Per cent of any variance this partner carries.'),
});

const sharing = z
  .discriminatedUnion('kind', [
    fields({
      kind: z.literal('contributions').describe('Variances are shared in proportion to what each partner put in.'),
    }),
    fields({ kind: z.literal('fixed').describe('A split the partners agreed.'), shares: list(fixedShare) }),
  ])
  .superRefine((rule, ctx) => {
    if (rule.kind !== 'fixed' || !rule.shares.length) return;
    refuseDuplicates(rule.shares, (s) => s.partner, 'partner', 'the partner', ctx, ['shares']);
    // Shares that don't add up to 100 are a failed plan check (pool-shares), not a refusal: the rest of the plan still reads.
  })
  .transform((rule): SharingRule => rule);

const contribution = fields({
  year: text.describe('The financial year, e.g. "2014/15".'),
  partner: id.describe('A partner id.'),
  source: text.describe('The funding source, e.g. "CCG minimum contribution".'),
  amount: money,
});

const spend = fields({
  scheme: text.describe('A scheme ref.'),
  year: text.describe('The financial year, e.g. "2014/15".'),
  quarter: quarterNumber,
  amount: money,
}).transform((s) => ({ ...s, quarter: s.quarter.toNumber() as QuarterNumber }));

export const poolSchema = fields({
  sharing: optional(sharing),
  contributions: optional(list(contribution)),
  spend: optional(list(spend)),
  phasing: optional(
    keyed(
      z.array(fraction.nullable()).length(4),
      'Per year label, the share of the allocation planned for each quarter, Q1 to Q4 (null for blank; a year all blank or left out is phased evenly).',
    ),
  ),
})
  .transform((p): Pool => ({
    sharing: p.sharing ?? { kind: 'contributions' },
    contributions: p.contributions ?? [],
    spend: p.spend ?? [],
    ...(p.phasing ? { phasing: p.phasing } : {}),
  }))
  .describe('The pooled budget: contributions, quarterly spend and how a variance is shared.');

const risk = fields({
  id: id.describe('The risk id, e.g. "R1".'),
  description: text,
  impact: count.describe('Impact, scored 1 to 5.'),
  probability: count.describe('Likelihood, scored 1 to 5.'),
  statedRating: optional(count).describe('The rating the plan printed, checked against impact x likelihood.'),
  mitigations: optional(list(text)),
  owner: optional(text),
}).transform((r): Risk => ({ ...r, mitigations: r.mitigations ?? [], owner: r.owner ?? '' }));

export const risksSchema = list(risk)
  .superRefine((risks, ctx) => refuseDuplicates(risks, (r) => r.id, 'id', 'the risk id', ctx))
  .describe('The risk log (section 5a).');

const statementPart = fields({
  label: text,
  amount: money,
  scheme: optional(text).describe('The scheme ref of a tagged investment line.'),
});

const statement = fields({
  id: id.describe('A name for the statement, e.g. "protectSocialCare".'),
  kind: z
    .enum(STATEMENT_KINDS as unknown as [string, ...string[]])
    .describe('tagged, parts, amountAtRisk or reductionPercent.'),
  label: text,
  year: text.describe('The financial year, e.g. "2014/15".'),
  stated: money.describe('The amount the plan states in words.'),
  source: optional(text).describe('Where the plan says it, e.g. "Section 7a iii".'),
  parts: optional(list(statementPart)),
}).transform((s) => ({ ...s, source: s.source ?? '', parts: s.parts ?? [] }) as Statement);

export const statementsSchema = list(statement)
  .superRefine((statements, ctx) => refuseDuplicates(statements, (s) => s.id, 'id', 'the statement id', ctx))
  .describe('Amounts the plan states in words, checked against its tables.');
