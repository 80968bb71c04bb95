import { z } from 'zod';
import type { ExpenditureLine, IncomeLine, Minimums } from './expenditure';
import {
  count,
  fields,
  keyed,
  list,
  money,
  optional,
  percent,
  PLAN_LIMITS,
  refuseDuplicates,
  text,
} from './planFields';
import {
  COMMISSIONERS,
  FUNDING_SOURCES,
  matchCommissioner,
  matchSource,
  matchStatus,
  STATUSES,
  type SourceId,
} from './templateVocabulary';

/**
 * The plan file's "income", "expenditure" and "minimums" sections: the BCF planning template's
 * income by funding source, expenditure line by line and the figures the plan must meet
 * (expenditureJson.ts writes them back). Funding sources and commissioners may be written in any year's template wording.
 */

const sourceNames = FUNDING_SOURCES.map((s) => `"${s.label}"`).join(', ');

const source = z
  .string()
  .transform((v, ctx): SourceId => {
    const id = matchSource(v);
    if (id) return id;
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not a BCF funding source: expected one of ${sourceNames}`,
      input: v,
    });
    return z.NEVER;
  })
  .meta({ description: `A funding source in any template's wording: ${sourceNames}, or its id (nhsMinimum...).` });

const commissioner = z
  .string()
  .transform((v, ctx) => {
    const c = matchCommissioner(v);
    if (c) return c;
    ctx.addIssue({
      code: 'custom',
      message: `"${v}" is not a commissioner: expected LA, NHS (ICB, CCG) or Joint`,
      input: v,
    });
    return z.NEVER;
  })
  .meta({ description: `Who commissions the line: ${COMMISSIONERS.join(', ')} (ICB and CCG are read as NHS).` });

const status = z
  .string()
  .transform((v, ctx) => {
    const s = matchStatus(v);
    if (s) return s;
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a scheme status: expected new or existing`, input: v });
    return z.NEVER;
  })
  .meta({ description: `${STATUSES.join(' or ')}.` });

const yearMoney = (what: string) =>
  keyed(money, `Per financial year label, ${what} in pounds, e.g. {"2023/24": "1234567.00"}.`);

const incomeLine = fields({
  source,
  detail: optional(text).describe('The bodies it comes from, or what an additional contribution is.'),
  amounts: yearMoney('the income'),
}).transform((i): IncomeLine => ({ source: i.source, detail: i.detail ?? '', amounts: i.amounts }));

const output = fields({
  count: count.describe('How many (hours of care, packages, beds...).'),
  unit: optional(text).describe('What is counted, e.g. "Hours of care".'),
}).transform((o) => ({ count: o.count, unit: o.unit ?? '' }));

const line = fields({
  id: optional(z.string().max(PLAN_LIMITS.id)).describe('The Scheme ID, e.g. "1a"; unique in the plan.'),
  name: text.describe('The scheme name (at most 255 characters).').pipe(z.string().max(255)),
  description: optional(text),
  schemeType: optional(text).describe('The template scheme type, e.g. "Carers Services".'),
  subType: optional(text),
  schemeTypeOther: optional(text).describe("What the scheme is when its type is 'Other'."),
  outputs: optional(keyed(output, 'Per financial year label, the planned outputs: {count, unit}.')),
  areaOfSpend: optional(text).describe(
    'Social Care, Community Health, Continuing Care, Primary Care, Acute, Mental Health or Other.',
  ),
  areaOfSpendOther: optional(text),
  commissioner,
  nhsPercent: optional(percent).describe('For a Joint line: the per cent the NHS commissions; % LA is the rest.'),
  laPercent: optional(percent).describe('For a Joint line, if stated: checked to add up to 100 with nhsPercent.'),
  provider: optional(text),
  source,
  spend: yearMoney('the planned expenditure'),
  status: optional(status),
  scheme: optional(text).describe('The ref of the scheme (benefits, Benefit Card) this line funds.'),
}).transform((l): ExpenditureLine => ({
  id: l.id ?? '',
  name: l.name,
  description: l.description ?? '',
  schemeType: l.schemeType ?? '',
  subType: l.subType ?? '',
  schemeTypeOther: l.schemeTypeOther ?? '',
  outputs: l.outputs ?? Object.create(null),
  areaOfSpend: l.areaOfSpend ?? '',
  areaOfSpendOther: l.areaOfSpendOther ?? '',
  commissioner: l.commissioner,
  ...(l.nhsPercent !== undefined ? { nhsPercent: l.nhsPercent } : {}),
  ...(l.laPercent !== undefined ? { laPercent: l.laPercent } : {}),
  provider: l.provider ?? '',
  source: l.source,
  spend: l.spend,
  ...(l.status ? { status: l.status } : {}),
  ...(l.scheme ? { scheme: l.scheme } : {}),
}));

const minimums = fields({
  nhsContribution: optional(money).describe('The minimum NHS contribution to the pool.'),
  adultSocialCare: optional(money).describe('Required spend on adult social care from the minimum NHS contribution.'),
  outOfHospital: optional(money).describe(
    'Required spend on NHS-commissioned out-of-hospital services from the minimum NHS contribution.',
  ),
}).transform((m): Minimums => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));

export const incomeSchema = list(incomeLine)
  .superRefine((lines, ctx) =>
    refuseDuplicates(lines, (l) => `${l.source}\u0000${l.detail}`, 'source', 'income from the source', ctx),
  )
  .describe("Income by funding source, per year (the template's Income tab).");

export const expenditureSchema = list(line, PLAN_LIMITS.schemes).describe(
  "The expenditure lines, in the template's column order.",
);

export const minimumsSchema = keyed(minimums, 'Per financial year label, the minimums the plan must meet.');
