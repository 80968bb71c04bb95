import { z } from 'zod';
import { cardsSchema } from './cardsSchema';
import type { Plan, Scheme } from './plan';
import { count, fields, id, keyed, list, money, optional, PLAN_LIMITS, refuseDuplicates, text } from './planFields';
import { poolSchema, risksSchema, statementsSchema } from './poolSchema';
import { jointFundingSchema } from './jointFundingSchema';
import { expenditureSchema, incomeSchema, minimumsSchema } from './expenditureSchema';

/**
 * The plan file, as one schema: what `bcf` reads, what docs/plan.schema.json publishes (generated
 * from this by scripts/plan-schema.js) and what docs/PLAN-FORMAT.md explains field by field.
 * Rules that need the whole plan (unit-cost names used by schemes, the NEL unit cost, a stated pool
 * against the schemes) are in planRules.ts, shared with plans read from a workbook.
 */

const partner = fields({
  id: id.describe('A short id, e.g. "LBB"; pool contributions and shares refer to it.'),
  name: text.describe('The organisation, e.g. "London Borough of Barnet".'),
  kind: z.enum(['council', 'nhs']).describe('"council" or "nhs".'),
});

const planYear = fields({
  label: text.describe('The financial year, April to March, written "2014/15".'),
  statedPool: optional(money).describe('The pool total the plan states; checked against its pool schemes.'),
  minimumPool: optional(money).describe('The minimum pool the BCF sets for the year.'),
});

const unitCost = fields({
  id: id.describe('Letters, digits and _, starting with a letter, e.g. "NEL"; the workbook names it UnitCost_<id>.'),
  benefit: text.describe('What one unit is, e.g. "Reduced non-elective admissions".'),
  shortLabel: optional(text).describe('A column heading, e.g. "NEL adm."; the id if left out.'),
  value: money.describe('Pounds per unit, e.g. 2004.'),
  unit: optional(text).describe('e.g. "per admission".'),
  source: optional(text).describe('Where the figure comes from.'),
}).transform((u) => ({ ...u, shortLabel: u.shortLabel || u.id, unit: u.unit ?? '', source: u.source ?? '' }));

const schemeYear = fields({
  cost: money.describe("The scheme's cost that year, in pounds."),
  benefits: optional(keyed(count, 'Per unit-cost id, the expected reduction that year, e.g. {"NEL": 155}.')),
}).transform((y) => ({ cost: y.cost, benefits: y.benefits ?? Object.create(null) }));

const investment = fields({
  year: text.describe('The financial year, e.g. "2014/15".'),
  line: text.describe('What the money buys.'),
  amount: money,
});

const scheme = fields({
  ref: z.string().min(1).max(PLAN_LIMITS.schemeRef).describe('A number and letters, e.g. "2b"; unique in the plan.'),
  group: optional(text).describe('The heading the scheme sits under in the tables.'),
  tiers: optional(text).describe('Tiers of the care model, e.g. "3, 4".'),
  name: text.describe('The scheme name (at most 255 characters).'),
  description: optional(text),
  inPool: optional(z.boolean()).describe('false for a scheme outside the BCF pool; true if left out.'),
  years: optional(keyed(schemeYear, 'Per financial year label, the cost and expected benefits.')),
  investments: optional(list(investment)).describe("The scheme's investment lines."),
}).transform((s): Scheme => ({
  ref: s.ref,
  group: s.group ?? '',
  tiers: s.tiers ?? '',
  name: s.name,
  description: s.description ?? '',
  inPool: s.inPool !== false,
  years: s.years ?? Object.create(null),
  investments: s.investments ?? [],
}));

const target = fields({
  year: text.describe('The financial year, e.g. "2015/16".'),
  baseline: count.describe('Non-elective admissions in the baseline.'),
  target: count.describe('The admissions the plan aims for.'),
  statedAtRisk: optional(money).describe('The pay-for-performance amount the plan states.'),
});

/**
 * Sections with a schema of their own, each an optional top-level key whose parsed value becomes
 * the Plan field of the same name. A new section (issue 11's `jointFunding`, from
 * src/domain/jointFunding*.ts) plugs in here: one line, `jointFunding: optional(jointFundingSchema)`,
 * plus its field on Plan; nothing else here changes.
 */
export const PLAN_SECTIONS = {
  cards: optional(cardsSchema),
  pool: optional(poolSchema),
  risks: optional(risksSchema),
  statements: optional(statementsSchema),
  jointFunding: optional(jointFundingSchema),
  income: optional(incomeSchema),
  expenditure: optional(expenditureSchema),
  minimums: optional(minimumsSchema),
} as const;

const planFields = fields({
  $schema: optional(z.string()).describe('The address of this schema, for editors that validate as you type.'),
  board: text.describe('The Health and Wellbeing Board, e.g. "Barnet".'),
  title: optional(text),
  partners: optional(list(partner)),
  years: list(planYear, 50).min(1).describe('The financial years the plan covers, in order.'),
  unitCosts: list(unitCost, 1000).describe('What one unit of each benefit is worth; NEL is required.'),
  schemes: list(scheme, PLAN_LIMITS.schemes),
  targets: optional(list(target)).describe('The NEL reduction the plan is paid on, per year.'),
  notes: optional(list(text)),
  signOffRoles: optional(list(text).length(3)).describe(
    'Who signs a Benefit Card off: the steering group, then the tier and project sponsors; neutral names if left out.',
  ),
  ...PLAN_SECTIONS,
});

export const planSchema = planFields
  .superRefine((p, ctx) => {
    refuseDuplicates(p.years, (y) => y.label, 'label', 'the year', ctx, ['years']);
    refuseDuplicates(p.partners ?? [], (x) => x.id, 'id', 'the partner id', ctx, ['partners']);
    refuseDuplicates(p.targets ?? [], (t) => t.year, 'year', 'a target for the year', ctx, ['targets']);
  })
  .transform((p): Plan => {
    const { $schema: _schema, board, title, partners, years, unitCosts, schemes, targets, notes, ...sections } = p;
    return {
      board,
      title: title ?? '',
      partners: partners ?? [],
      years,
      unitCosts,
      schemes,
      targets: targets ?? [],
      notes: notes ?? [],
      ...withoutEmpty(sections),
    };
  })
  .meta({
    title: 'BCF planner plan',
    description: 'A Better Care Fund plan for the bcf command and the Excel add-in; see docs/PLAN-FORMAT.md.',
  });

/** Sections left out of the file stay out of the plan (the model tells "no pool" from "an empty pool"). */
function withoutEmpty<T extends object>(sections: T): Partial<T> {
  return Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The JSON Schema of the plan file (what docs/plan.schema.json holds). */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
