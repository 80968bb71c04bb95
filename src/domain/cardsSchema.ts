import { z } from 'zod';
import { BENEFIT_TYPES, DEFAULT_TOLERANCES, type CardBook, type CardRecord } from './benefitCard';
import { count, fields, fraction, id, keyed, list, optional, refuseDuplicates, text } from './planFields';

/**
 * The plan file's "cards" section: what people keep on the Benefit Cards. Fractions (tolerances,
 * phasing, optimism bias) are written as fractions, 0.95 for 95%, as Excel stores them.
 */

const rateMeasure = fields({
  id: id.describe('The measure id, used by actuals in "metric".'),
  name: text.describe('What is measured, e.g. "Patient satisfaction".'),
  unit: optional(text).describe('"%" shows values as percentages (then write them as fractions).'),
  target: count.describe('The target value.'),
  higherIsBetter: optional(z.boolean()).describe('false when lower is better; true if left out.'),
}).transform((m) => ({
  id: m.id,
  name: m.name,
  unit: m.unit ?? '',
  target: m.target,
  higherIsBetter: m.higherIsBetter !== false,
}));

const actual = fields({
  quarter: text.describe('The quarter, e.g. "2015/16 Q1".'),
  metric: text.describe('A unit-cost id ("NEL") or a rate measure id.'),
  reduction: optional(count).describe('The realised reduction (may be negative); wins over baseline and actual.'),
  baseline: optional(count).describe('The baseline count; the reduction is baseline - actual.'),
  actual: optional(count).describe('The actual count, or the measured value of a rate measure.'),
  note: optional(text),
});

const milestone = fields({
  activity: optional(text),
  milestone: optional(text),
  due: optional(text).describe('An ISO date, e.g. "2014-09-30".'),
  status: optional(text).describe('Not started, On track, At risk, Late or Done.'),
}).transform((m) => ({
  activity: m.activity ?? '',
  milestone: m.milestone ?? '',
  due: m.due ?? '',
  status: m.status ?? '',
}));

const signOff = fields({
  role: text.describe('HSCI Steering Group, Tier Sponsor or Project Sponsor.'),
  name: optional(text),
  date: optional(text).describe('An ISO date, e.g. "2014-06-30".'),
  decision: optional(text).describe('Approved, Approved with conditions, Deferred or Rejected; blank while pending.'),
}).transform((s) => ({ role: s.role, name: s.name ?? '', date: s.date ?? '', decision: s.decision ?? '' }));

/** Per metric, per year, four quarters' fractions (null where blank). */
const phasing = keyed(
  keyed(z.array(fraction.nullable()).max(4), 'Per year label, the four quarters (Q1 is April to June).'),
  'Per metric (a unit-cost id).',
);

const record = fields({
  scheme: text.describe('The scheme ref the card belongs to, e.g. "2b".'),
  title: optional(text),
  type: optional(z.enum(BENEFIT_TYPES)),
  tier: optional(text),
  owner: optional(text),
  description: optional(text),
  measures: optional(text),
  evidence: optional(text),
  optimismBias: optional(fraction).describe('A fraction, 0.15 for 15%.'),
  timeLag: optional(text),
  notes: optional(text),
  phasing: optional(phasing),
  rateMeasures: optional(list(rateMeasure)),
  actuals: optional(list(actual)),
  barriers: optional(list(text)),
  dependencies: optional(list(text)),
  milestones: optional(list(milestone)),
  signOffs: optional(list(signOff)),
})
  .superRefine((r, ctx) =>
    refuseDuplicates(r.rateMeasures ?? [], (m) => m.id, 'id', 'the measure id', ctx, ['rateMeasures']),
  )
  .transform((r): CardRecord => ({
    ...r,
    rateMeasures: r.rateMeasures ?? [],
    actuals: r.actuals ?? [],
    barriers: r.barriers ?? [],
    dependencies: r.dependencies ?? [],
    milestones: r.milestones ?? [],
    signOffs: r.signOffs ?? [],
  }));

const tolerances = fields({
  green: optional(fraction).describe('Realised / planned at or above this is Green (default 0.95).'),
  amber: optional(fraction).describe('At or above this, below green, is Amber (default 0.8); below is Red.'),
  forecastRange: optional(fraction).describe('The forecast scenarios: the run rate -/+ this fraction (default 0.15).'),
});

export const cardsSchema = fields({
  tolerances: optional(tolerances),
  asAt: optional(text).describe(
    'The quarter the steering group reviews, e.g. "2015/16 Q2" (case and extra spaces forgiven); left out, or not a quarter of the plan, it is shown as such and no figures are reported.',
  ),
  records: optional(list(record)),
})
  .transform((o, ctx): CardBook => {
    const t = {
      green: o.tolerances?.green ?? DEFAULT_TOLERANCES.green,
      amber: o.tolerances?.amber ?? DEFAULT_TOLERANCES.amber,
      forecastRange: o.tolerances?.forecastRange ?? DEFAULT_TOLERANCES.forecastRange,
    };
    if (t.amber.greaterThan(t.green)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tolerances', 'amber'],
        message: `the amber tolerance (${t.amber}) is above the green one (${t.green}); amber must be the lower bar.`,
      });
    }
    const records = o.records ?? [];
    refuseDuplicates(records, (r) => r.scheme, 'scheme', 'a card for scheme', ctx, ['records']);
    return { tolerances: t, asAt: o.asAt, records };
  })
  .describe('What people keep on the Benefit Cards.');
