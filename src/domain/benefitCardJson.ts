import type Decimal from 'decimal.js';
import { BENEFIT_TYPES, cardDefaults, DEFAULT_SIGN_OFF_ROLES, DEFAULT_TOLERANCES, signOffRoles, type Actual, type BenefitType, type CardBook, type CardRecord, type Milestone, type RateMeasure, type SignOff, type Tolerances } from './benefitCard';
import { Money } from './money';
import type { Plan } from './plan';
import type { Problem } from './problems';

/**
 * The "cards" key of a plan file: what people keep on the Benefit Cards. Fractions (tolerances,
 * phasing, optimism bias, rates in %) are written as fractions, 0.95 for 95%, as Excel stores them.
 * Problems carry JSON paths such as `cards.records[2].actuals[5].reduction`.
 */
export function cardBookFromJson(json: unknown, problems: Problem[]): CardBook | undefined {
  if (json === undefined || json === null) return undefined;
  const r = new Reader(problems);
  const o = r.object(json, 'cards');
  const t = o.tolerances === undefined ? {} : r.object(o.tolerances, 'cards.tolerances');
  const tolerances: Tolerances = {
    green: r.optionalAmount(t.green, 'cards.tolerances.green') ?? DEFAULT_TOLERANCES.green,
    amber: r.optionalAmount(t.amber, 'cards.tolerances.amber') ?? DEFAULT_TOLERANCES.amber,
    forecastRange: r.optionalAmount(t.forecastRange, 'cards.tolerances.forecastRange') ?? DEFAULT_TOLERANCES.forecastRange,
  };
  if (tolerances.amber.greaterThan(tolerances.green)) r.fail('cards.tolerances.amber', `the amber tolerance (${tolerances.amber}) is above the green one (${tolerances.green}); amber must be the lower bar.`);
  const records = r.list(o.records, 'cards.records').map((x, i) => record(r, x, `cards.records[${i}]`));
  return { tolerances, asAt: r.optionalText(o.asAt, 'cards.asAt'), records };
}

function record(r: Reader, json: unknown, path: string): CardRecord {
  const o = r.object(json, path);
  const type = r.optionalText(o.type, `${path}.type`);
  if (type !== undefined && !BENEFIT_TYPES.includes(type as BenefitType)) r.fail(`${path}.type`, `the benefit type is one of ${BENEFIT_TYPES.join(', ')}, not "${type}".`);
  const phasing: Record<string, Record<string, (Decimal | null)[]>> = {};
  if (o.phasing !== undefined) {
    for (const [metric, years] of Object.entries(r.object(o.phasing, `${path}.phasing`))) {
      phasing[metric] = {};
      for (const [year, list] of Object.entries(r.object(years, `${path}.phasing.${metric}`))) {
        phasing[metric][year] = r.list(list, `${path}.phasing.${metric}["${year}"]`).map((v, q) => (v === null ? null : r.amount(v, `${path}.phasing.${metric}["${year}"][${q}]`)));
      }
    }
  }
  return {
    scheme: r.text(o.scheme, `${path}.scheme`),
    title: r.optionalText(o.title, `${path}.title`),
    type: type as BenefitType | undefined,
    tier: r.optionalText(o.tier, `${path}.tier`),
    owner: r.optionalText(o.owner, `${path}.owner`),
    description: r.optionalText(o.description, `${path}.description`),
    measures: r.optionalText(o.measures, `${path}.measures`),
    evidence: r.optionalText(o.evidence, `${path}.evidence`),
    optimismBias: r.optionalAmount(o.optimismBias, `${path}.optimismBias`),
    timeLag: r.optionalText(o.timeLag, `${path}.timeLag`),
    notes: r.optionalText(o.notes, `${path}.notes`),
    phasing: o.phasing === undefined ? undefined : phasing,
    rateMeasures: r.list(o.rateMeasures, `${path}.rateMeasures`).map((x, i) => rate(r, x, `${path}.rateMeasures[${i}]`)),
    actuals: r.list(o.actuals, `${path}.actuals`).map((x, i) => actual(r, x, `${path}.actuals[${i}]`)),
    barriers: r.list(o.barriers, `${path}.barriers`).map((x, i) => r.text(x, `${path}.barriers[${i}]`)),
    dependencies: r.list(o.dependencies, `${path}.dependencies`).map((x, i) => r.text(x, `${path}.dependencies[${i}]`)),
    milestones: r.list(o.milestones, `${path}.milestones`).map((x, i) => milestone(r, x, `${path}.milestones[${i}]`)),
    signOffs: r.list(o.signOffs, `${path}.signOffs`).map((x, i) => signOff(r, x, `${path}.signOffs[${i}]`)),
  };
}

function rate(r: Reader, json: unknown, path: string): RateMeasure {
  const o = r.object(json, path);
  return {
    id: r.text(o.id, `${path}.id`),
    name: r.text(o.name, `${path}.name`),
    unit: r.optionalText(o.unit, `${path}.unit`) ?? '',
    target: r.amount(o.target, `${path}.target`),
    higherIsBetter: o.higherIsBetter !== false,
  };
}

function actual(r: Reader, json: unknown, path: string): Actual {
  const o = r.object(json, path);
  return {
    quarter: r.text(o.quarter, `${path}.quarter`),
    metric: r.text(o.metric, `${path}.metric`),
    reduction: r.optionalAmount(o.reduction, `${path}.reduction`, true),
    baseline: r.optionalAmount(o.baseline, `${path}.baseline`),
    actual: r.optionalAmount(o.actual, `${path}.actual`),
    note: r.optionalText(o.note, `${path}.note`),
  };
}

function milestone(r: Reader, json: unknown, path: string): Milestone {
  const o = r.object(json, path);
  return { activity: r.optionalText(o.activity, `${path}.activity`) ?? '', milestone: r.optionalText(o.milestone, `${path}.milestone`) ?? '', due: r.optionalText(o.due, `${path}.due`) ?? '', status: r.optionalText(o.status, `${path}.status`) ?? '' };
}

function signOff(r: Reader, json: unknown, path: string): SignOff {
  const o = r.object(json, path);
  return { role: r.text(o.role, `${path}.role`), name: r.optionalText(o.name, `${path}.name`) ?? '', date: r.optionalText(o.date, `${path}.date`) ?? '', decision: r.optionalText(o.decision, `${path}.decision`) ?? '' };
}

type Json = Record<string, unknown>;

class Reader {
  constructor(private readonly problems: Problem[]) {}

  fail(path: string, message: string): void {
    this.problems.push({ severity: 'error', where: { path }, message });
  }

  object(json: unknown, path: string): Json {
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) return json as Json;
    this.fail(path, `expected an object, found ${JSON.stringify(json)?.slice(0, 40)}`);
    return {};
  }

  list(json: unknown, path: string): unknown[] {
    if (json === undefined || json === null) return [];
    if (Array.isArray(json)) return json;
    this.fail(path, `expected a list, found ${JSON.stringify(json)?.slice(0, 40)}`);
    return [];
  }

  text(json: unknown, path: string): string {
    if (typeof json === 'string') return json;
    if (typeof json === 'number') return String(json);
    this.fail(path, `expected text, found ${JSON.stringify(json)?.slice(0, 40) ?? 'nothing'}`);
    return '';
  }

  optionalText(json: unknown, path: string): string | undefined {
    return json === undefined || json === null ? undefined : this.text(json, path);
  }

  amount(json: unknown, path: string, allowNegative = false): Decimal {
    let value: Decimal | undefined;
    if (typeof json === 'number' && Number.isFinite(json)) value = new Money(String(json));
    else if (typeof json === 'string' && /^-?\d+(\.\d+)?$/.test(json.replace(/[£,\s]/g, ''))) value = new Money(json.replace(/[£,\s]/g, ''));
    if (!value) {
      this.fail(path, `expected a number, found ${JSON.stringify(json)?.slice(0, 40)}`);
      return new Money(0);
    }
    if (!allowNegative && value.isNegative()) this.fail(path, `expected 0 or more, found ${value}`);
    return value;
  }

  optionalAmount(json: unknown, path: string, allowNegative = false): Decimal | undefined {
    return json === undefined || json === null || json === '' ? undefined : this.amount(json, path, allowNegative);
  }
}

/**
 * The JSON form of the cards, in one canonical form whatever it was read from: blank fields and
 * fields equal to what the plan would show anyway (the scheme's tier and description, the default
 * title, type and measures) are left out, actuals are in metric then quarter order and sign-offs
 * in role order. A plan read back from a built workbook then saves exactly as the plan it came from.
 */
export function cardBookToJson(book: CardBook | undefined, plan?: Plan): unknown {
  if (!book) return undefined;
  const roleOrder = (role: string) => {
    const roles = plan ? signOffRoles(plan) : DEFAULT_SIGN_OFF_ROLES;
    const i = roles.findIndex((r) => r.toLowerCase() === role.toLowerCase());
    return i < 0 ? roles.length : i;
  };
  const byKey = (a: Actual, b: Actual) => (a.metric === b.metric ? (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0) : a.metric < b.metric ? -1 : 1);
  const n = (d: Decimal | undefined) => (d === undefined ? undefined : d.toNumber());
  const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return clean({
    tolerances: { green: n(book.tolerances.green), amber: n(book.tolerances.amber), forecastRange: n(book.tolerances.forecastRange) },
    asAt: book.asAt,
    records: book.records.map((c) => {
      const defaults = plan ? cardDefaults(plan, c) : undefined;
      const unlessDefault = <T>(value: T, fallback: T | undefined) => (value === fallback ? undefined : value);
      return clean({
        scheme: c.scheme,
        title: unlessDefault(c.title, defaults?.title),
        type: unlessDefault(c.type, defaults?.type),
        tier: unlessDefault(c.tier, defaults?.tier),
        owner: c.owner,
        description: unlessDefault(c.description, defaults?.description),
        measures: unlessDefault(c.measures, defaults?.measures),
        evidence: c.evidence,
        optimismBias: n(c.optimismBias),
        timeLag: c.timeLag,
        notes: c.notes,
        phasing: c.phasing
          ? Object.fromEntries(Object.entries(c.phasing).map(([m, years]) => [m, Object.fromEntries(Object.entries(years).map(([y, list]) => [y, list.map((p) => (p === null ? null : p.toNumber()))]))]))
          : undefined,
        rateMeasures: c.rateMeasures?.map((m) => ({ ...m, target: m.target.toNumber() })),
        actuals: [...(c.actuals ?? [])].sort(byKey).map((a) => clean({ quarter: a.quarter, metric: a.metric, reduction: n(a.reduction), baseline: n(a.baseline), actual: n(a.actual), note: a.note })),
        barriers: c.barriers,
        dependencies: c.dependencies,
        milestones: c.milestones,
        signOffs: c.signOffs?.filter((s) => s.name || s.date || s.decision).sort((a, b) => roleOrder(a.role) - roleOrder(b.role)),
      });
    }),
  });
}
