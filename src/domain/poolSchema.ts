import { z } from 'zod';
import type { QuarterNumber } from './financialYear';
import { sum } from './money';
import { count, fields, id, list, money, optional, percent, quarterNumber, refuseDuplicates, text } from './planFields';
import type { Pool, SharingRule } from './pool';
import type { Risk } from './riskLog';
import { STATEMENT_KINDS, type Statement } from './statements';

/** The plan file's "pool", "risks" and "statements" sections. */

const fixedShare = fields({ partner: id.describe('A partner id.'), percent: percent.describe('Per cent of any variance this partner carries.') });

const sharing = z
  .discriminatedUnion('kind', [
    fields({ kind: z.literal('contributions').describe('Variances are shared in proportion to what each partner put in.') }),
    fields({ kind: z.literal('fixed').describe('A split the partners agreed.'), shares: list(fixedShare) }),
  ])
  .superRefine((rule, ctx) => {
    if (rule.kind !== 'fixed' || !rule.shares.length) return;
    refuseDuplicates(rule.shares, (s) => s.partner, 'partner', 'the partner', ctx, ['shares']);
    const total = sum(rule.shares.map((s) => s.percent));
    if (!total.equals(100)) ctx.addIssue({ code: 'custom', path: ['shares'], message: `a fixed split must add up to 100; these shares add up to ${total}` });
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
})
  .transform((p): Pool => ({ sharing: p.sharing ?? { kind: 'contributions' }, contributions: p.contributions ?? [], spend: p.spend ?? [] }))
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

const statementPart = fields({ label: text, amount: money, scheme: optional(text).describe('The scheme ref of a tagged investment line.') });

const statement = fields({
  id: id.describe('A name for the statement, e.g. "protectSocialCare".'),
  kind: z.enum(STATEMENT_KINDS as unknown as [string, ...string[]]).describe('tagged, parts, amountAtRisk or reductionPercent.'),
  label: text,
  year: text.describe('The financial year, e.g. "2014/15".'),
  stated: money.describe('The amount the plan states in words.'),
  source: optional(text).describe('Where the plan says it, e.g. "Section 7a iii".'),
  parts: optional(list(statementPart)),
}).transform((s) => ({ ...s, source: s.source ?? '', parts: s.parts ?? [] }) as Statement);

export const statementsSchema = list(statement)
  .superRefine((statements, ctx) => refuseDuplicates(statements, (s) => s.id, 'id', 'the statement id', ctx))
  .describe('Amounts the plan states in words, checked against its tables.');
