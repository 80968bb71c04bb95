import type Decimal from 'decimal.js';
import { z } from 'zod';
import { parseAmount } from './amountText';
import { JsonNumber } from './jsonText';
import { Money, ZERO } from './money';
import { PLAN_LIMITS } from './planLimits';

/**
 * The kinds of field a plan file is made of, as zod schemas: each checks what a person typed and
 * turns it into the model's type, with a message in a finance lead's words. The plan schema
 * (planSchema.ts) and the JSON Schema we publish (docs/plan.schema.json) are both built from these.
 */

export { PLAN_LIMITS };

/**
 * Text as people type amounts ("1,057,451", "£2,004", "-1200.50"), read by the one strict parser
 * the workbook readers and the pane use (amountText.ts): commas only in groups of three.
 */
const AMOUNT_TEXT_SCHEMA = '^\\s*-?\\s*£?\\s*-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?\\s*$';

function amountOf(value: unknown): Decimal | undefined {
  if (value instanceof JsonNumber) {
    const exact = new Money(value.text);
    return exact.isFinite() ? (exact.isZero() ? ZERO : exact) : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? new Money(String(value)) : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return parseAmount(value);
}

/** What a person typed, shortened for a message. */
export function describeInput(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number too large to hold';
  if (value instanceof JsonNumber) return value.text.length > 40 ? `${value.text.slice(0, 40)}…` : value.text;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const pounds = (d: Decimal.Value) => `£${new Money(d).toNumber().toLocaleString('en-GB')}`;

interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Most decimal places allowed; undefined for any. */
  readonly places?: number;
  readonly integer?: boolean;
  /** How the bounds read in a message, e.g. "£0 to £1,000,000,000,000". */
  readonly range: string;
  readonly example: string;
  /** What the field holds, in a message: "an amount", "a number". */
  readonly noun?: string;
  readonly description: string;
}

/** A number field: a JSON number, or the same number as text people type ("1,057,451", "£2,004"). */
function numberField(rule: NumberRule) {
  const jsonNumber = {
    type: 'number',
    minimum: rule.min,
    maximum: rule.max,
    ...(rule.integer ? { multipleOf: 1 } : {}),
  };
  return z
    .unknown()
    .transform((value, ctx): Decimal => {
      const amount = amountOf(value);
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message, input: value });
        return z.NEVER;
      };
      if (amount === undefined) {
        if (typeof value === 'number' || value instanceof JsonNumber)
          return fail(`expected a number from ${rule.range}, found a number too large to hold`);
        return fail(`expected ${rule.noun ?? 'a number'} such as ${rule.example}, found ${describeInput(value)}`);
      }
      if (amount.lessThan(rule.min) || amount.greaterThan(rule.max))
        return fail(`${amount.toString()} is out of range: expected ${rule.range}`);
      if (rule.integer && !amount.isInteger()) return fail(`expected a whole number, found ${amount.toString()}`);
      if (rule.places !== undefined && amount.decimalPlaces() > rule.places) {
        return fail(`${amount.toString()} has more than ${rule.places} decimal places; amounts are pounds and pence`);
      }
      return amount;
    })
    .meta({ description: rule.description, anyOf: [jsonNumber, { type: 'string', pattern: AMOUNT_TEXT_SCHEMA }] });
}

/** Pounds and pence, either side of zero (rules elsewhere say where a negative is wrong). */
export const money = numberField({
  min: -PLAN_LIMITS.money,
  max: PLAN_LIMITS.money,
  places: PLAN_LIMITS.moneyPlaces,
  range: `${pounds(-PLAN_LIMITS.money)} to ${pounds(PLAN_LIMITS.money)}`,
  example: '1057451 or "£1,057,451"',
  noun: 'an amount',
  description: 'Pounds, at most two decimal places: 1057451, 2004.50 or "£1,057,451".',
});

/** A count of admissions, bed days, people, or a score; fractions allowed (an expected 2.5 admissions). */
export const count = numberField({
  min: -PLAN_LIMITS.count,
  max: PLAN_LIMITS.count,
  range: `${(-PLAN_LIMITS.count).toLocaleString('en-GB')} to ${PLAN_LIMITS.count.toLocaleString('en-GB')}`,
  example: '155',
  description: 'A count (admissions, bed days, a score); fractions allowed.',
});

/** A fraction written as Excel stores a percentage: 0.95 for 95%. */
export const fraction = numberField({
  min: 0,
  max: 1,
  range: '0 to 1 (0.95 is 95%)',
  example: '0.95',
  description: 'A fraction from 0 to 1: 0.95 for 95%.',
});

/** A percentage written as a number of per cent: 50 for 50%. */
export const percent = numberField({
  min: 0,
  max: 100,
  range: '0 to 100',
  example: '50',
  description: 'Per cent, 0 to 100: 50 for 50%.',
});

/** A financial quarter, 1 to 4 (Q1 is April to June). */
export const quarterNumber = numberField({
  min: 1,
  max: 4,
  integer: true,
  range: '1 to 4 (Q1 is April to June)',
  example: '2',
  description: 'A quarter, 1 to 4; Q1 is April to June.',
});

/** Text that fits in one Excel cell. */
export const text = z.string().max(PLAN_LIMITS.text);

/** An id or short reference. */
export const id = z.string().min(1).max(PLAN_LIMITS.id);

/** An optional field: absent or null both mean "not given". */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v) as Exclude<z.output<T>, null> | undefined);
}

/** A list with the plan's size bound. */
export function list<T extends z.ZodType>(item: T, max: number = PLAN_LIMITS.listItems) {
  return z.array(item).max(max);
}

/**
 * An object whose keys are names the person chose (year labels, unit-cost ids). It is read as a
 * Map and given back as an object with no prototype, so a key such as "constructor" or "__proto__"
 * is plain text, never a property every JavaScript object already has.
 */
export function keyed<T extends z.ZodType>(value: T, description: string) {
  const valueSchema = z.toJSONSchema(value, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete valueSchema.$schema;
  return z
    .preprocess(
      (o) =>
        o !== null && typeof o === 'object' && !Array.isArray(o) && !(o instanceof JsonNumber)
          ? new Map(Object.entries(o))
          : o,
      z.map(z.string(), value),
    )
    .transform((map) => {
      const out = Object.create(null) as Record<string, z.output<T>>;
      for (const [k, v] of map) out[k] = v;
      return out as Readonly<Record<string, z.output<T>>>;
    })
    .meta({ description, type: 'object', additionalProperties: valueSchema });
}

/**
 * An object with exactly these fields: a key the plan doesn't know is an error naming it, with the
 * field it was probably meant to be (a misspelt "cost" would otherwise build a plan at £0).
 * The message has a line per unknown key, in the order of `keys`.
 */
export function fields<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => unknownFieldMessage(key, known)).join('\n')
        : undefined,
  });
}

export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  const expected = known.filter((k) => k !== '$schema');
  return `"${key.length > 40 ? `${key.slice(0, 40)}…` : key}" is not a field here${guess ? `: did you mean "${guess}"?` : ''} (the fields are ${expected.join(', ')})`;
}

function closest(key: string, known: readonly string[]): string | undefined {
  if (key.length > 64) return undefined;
  const lower = key.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const target = name.toLowerCase();
    const distance =
      target === lower ? 0 : target.startsWith(lower) || lower.startsWith(target) ? 1 : editDistance(lower, target);
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance))
      best = { name, distance };
  }
  return best?.name;
}

/** Edits from one word to the other, a swap of two neighbouring letters counting as one ("valeu" is one from "value"). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Adds an error for each item whose key repeats an earlier item's, at that item's key field. */
export function refuseDuplicates<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  field: string,
  what: string,
  ctx: z.RefinementCtx,
  pathPrefix: PropertyKey[] = [],
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key.toLowerCase());
    if (first === undefined) seen.set(key.toLowerCase(), index);
    else
      ctx.addIssue({
        code: 'custom',
        path: [...pathPrefix, index, field],
        message: `${what} "${key}" is listed twice (first at item ${first + 1}); each may appear once`,
      });
  });
}
