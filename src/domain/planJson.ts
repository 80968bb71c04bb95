import type Decimal from 'decimal.js';
import { cardBookFromJson, cardBookToJson } from './benefitCardJson';
import { Money } from './money';
import type { InvestmentLine, NelTarget, Partner, Plan, PlanYear, Scheme, SchemeYear, UnitCost } from './plan';
import { checkPlan, type PlanPath } from './planRules';
import { PlanError, type Problem } from './problems';
import { planExtrasFromJson, planExtrasToJson } from './poolJson';
import { jointFundingToJson, readJointFundingJson } from './jointFundingJson';

/**
 * Reads a plan from parsed JSON (the format of examples/barnet-2014-16.json). Every problem is
 * reported with its JSON path, e.g. `schemes[2].years["2014/15"].cost`, and all of them at once.
 */
export function planFromJson(json: unknown): { plan: Plan; problems: Problem[] } {
  const reader = new JsonReader();
  const plan = reader.plan(json);
  const problems = [...reader.problems, ...(reader.problems.some((p) => p.severity === 'error') ? [] : checkPlan(plan, jsonLocator))];
  if (problems.some((p) => p.severity === 'error')) throw new PlanError(problems);
  return { plan, problems };
}

export function jsonLocator(path: PlanPath): { path: string } {
  switch (path.kind) {
    case 'scheme':
      return { path: `schemes[${path.index}].${path.field}` };
    case 'schemeYear':
      return { path: `schemes[${path.index}].years["${path.year}"].${path.field === 'cost' ? 'cost' : `benefits.${path.field}`}` };
    case 'unitCost':
      return { path: `unitCosts[${path.index}].${path.field}` };
    case 'year':
      return { path: `years[${path.index}].${path.field}` };
  }
}

type Json = Record<string, unknown>;

class JsonReader {
  readonly problems: Problem[] = [];

  plan(json: unknown): Plan {
    const root = this.object(json, '$');
    return {
      board: this.text(root, 'board', '$', true),
      title: this.text(root, 'title', '$', false),
      partners: this.list(root, 'partners', '$', false).map((p, i) => this.partner(p, `partners[${i}]`)),
      years: this.list(root, 'years', '$', true).map((y, i) => this.year(y, `years[${i}]`)),
      unitCosts: this.list(root, 'unitCosts', '$', true).map((u, i) => this.unitCost(u, `unitCosts[${i}]`)),
      schemes: this.list(root, 'schemes', '$', true).map((s, i) => this.scheme(s, `schemes[${i}]`)),
      targets: this.list(root, 'targets', '$', false).map((t, i) => this.target(t, `targets[${i}]`)),
      notes: this.list(root, 'notes', '$', false).map((n, i) => (typeof n === 'string' ? n : (this.fail(`notes[${i}]`, 'expected text'), ''))),
      cards: cardBookFromJson(root.cards, this.problems),
      ...planExtrasFromJson(root, this.problems),
      ...(root.jointFunding !== undefined ? { jointFunding: this.jointFunding(root.jointFunding) } : {}),
    };
  }

  /** In a plan, a package with a problem is an error like any other; `bcf joint` reads the section leniently. */
  private jointFunding(json: unknown) {
    const { jointFunding, problems } = readJointFundingJson(json);
    this.problems.push(...problems);
    return jointFunding;
  }

  private partner(json: unknown, path: string): Partner {
    const o = this.object(json, path);
    const kind = this.text(o, 'kind', path, true);
    if (kind !== 'council' && kind !== 'nhs') this.fail(`${path}.kind`, `expected "council" or "nhs", found "${kind}"`);
    return { id: this.text(o, 'id', path, true), name: this.text(o, 'name', path, true), kind: kind === 'nhs' ? 'nhs' : 'council' };
  }

  private year(json: unknown, path: string): PlanYear {
    const o = this.object(json, path);
    return { label: this.text(o, 'label', path, true), statedPool: this.optionalAmount(o, 'statedPool', path), minimumPool: this.optionalAmount(o, 'minimumPool', path) };
  }

  private unitCost(json: unknown, path: string): UnitCost {
    const o = this.object(json, path);
    return {
      id: this.text(o, 'id', path, true),
      benefit: this.text(o, 'benefit', path, true),
      shortLabel: this.text(o, 'shortLabel', path, false) || this.text(o, 'id', path, false),
      value: this.amount(o.value, `${path}.value`),
      unit: this.text(o, 'unit', path, false),
      source: this.text(o, 'source', path, false),
    };
  }

  private scheme(json: unknown, path: string): Scheme {
    const o = this.object(json, path);
    const years: Record<string, SchemeYear> = {};
    const yearsJson = this.object(o.years ?? {}, `${path}.years`);
    for (const [label, entry] of Object.entries(yearsJson)) {
      const yearPath = `${path}.years["${label}"]`;
      const e = this.object(entry, yearPath);
      const benefits: Record<string, Decimal> = {};
      for (const [id, count] of Object.entries(this.object(e.benefits ?? {}, `${yearPath}.benefits`))) {
        benefits[id] = this.amount(count, `${yearPath}.benefits.${id}`);
      }
      years[label] = { cost: this.amount(e.cost, `${yearPath}.cost`), benefits };
    }
    if (o.inPool !== undefined && typeof o.inPool !== 'boolean') this.fail(`${path}.inPool`, `expected true or false, found ${JSON.stringify(o.inPool)}`);
    return {
      ref: this.text(o, 'ref', path, true),
      group: this.text(o, 'group', path, false),
      tiers: this.text(o, 'tiers', path, false),
      name: this.text(o, 'name', path, true),
      description: this.text(o, 'description', path, false),
      inPool: o.inPool !== false,
      years,
      investments: this.list(o, 'investments', path, false).map((line, i) => this.investment(line, `${path}.investments[${i}]`)),
    };
  }

  private investment(json: unknown, path: string): InvestmentLine {
    const o = this.object(json, path);
    return { year: this.text(o, 'year', path, true), line: this.text(o, 'line', path, true), amount: this.amount(o.amount, `${path}.amount`) };
  }

  private target(json: unknown, path: string): NelTarget {
    const o = this.object(json, path);
    return {
      year: this.text(o, 'year', path, true),
      baseline: this.amount(o.baseline, `${path}.baseline`),
      target: this.amount(o.target, `${path}.target`),
      statedAtRisk: this.optionalAmount(o, 'statedAtRisk', path),
    };
  }

  private object(json: unknown, path: string): Json {
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) return json as Json;
    this.fail(path, `expected an object, found ${describe(json)}`);
    return {};
  }

  private list(o: Json, key: string, path: string, required: boolean): unknown[] {
    const value = o[key];
    if (value === undefined && !required) return [];
    if (Array.isArray(value)) return value;
    this.fail(`${path === '$' ? '' : `${path}.`}${key}`, `expected a list, found ${describe(value)}`);
    return [];
  }

  private text(o: Json, key: string, path: string, required: boolean): string {
    const value = o[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (value !== undefined || required) this.fail(`${path === '$' ? '' : `${path}.`}${key}`, `expected text, found ${describe(value)}`);
    return '';
  }

  private optionalAmount(o: Json, key: string, path: string): Decimal | undefined {
    return o[key] === undefined || o[key] === null ? undefined : this.amount(o[key], `${path}.${key}`);
  }

  /** Numbers, or text such as "1,057,451" or "£2,004"; nothing else is silently taken as zero. */
  private amount(value: unknown, path: string): Decimal {
    if (typeof value === 'number' && Number.isFinite(value)) return new Money(String(value));
    if (typeof value === 'string') {
      const cleaned = value.replace(/[£,\s]/g, '');
      if (/^-?\d+(\.\d+)?$/.test(cleaned)) return new Money(cleaned);
    }
    this.fail(path, `expected an amount such as 1057451 or "1,057,451", found ${describe(value)}`);
    return new Money(0);
  }

  private fail(path: string, message: string): void {
    this.problems.push({ severity: 'error', where: { path }, message });
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/** The JSON form of a plan, so a workbook read back can be saved and compared. */
export function planToJson(plan: Plan): unknown {
  const amount = (d: Decimal) => d.toNumber();
  return {
    board: plan.board,
    title: plan.title,
    partners: plan.partners,
    years: plan.years.map((y) => ({ label: y.label, ...(y.statedPool ? { statedPool: amount(y.statedPool) } : {}), ...(y.minimumPool ? { minimumPool: amount(y.minimumPool) } : {}) })),
    unitCosts: plan.unitCosts.map((u) => ({ ...u, value: amount(u.value) })),
    schemes: plan.schemes.map((s) => ({
      ...s,
      years: Object.fromEntries(
        Object.entries(s.years).map(([label, e]) => [label, { cost: amount(e.cost), benefits: Object.fromEntries(Object.entries(e.benefits).map(([id, c]) => [id, amount(c)])) }]),
      ),
      investments: s.investments.map((l) => ({ ...l, amount: amount(l.amount) })),
    })),
    targets: plan.targets.map((t) => ({ year: t.year, baseline: amount(t.baseline), target: amount(t.target), ...(t.statedAtRisk ? { statedAtRisk: amount(t.statedAtRisk) } : {}) })),
    notes: plan.notes,
    ...(plan.cards ? { cards: cardBookToJson(plan.cards, plan) } : {}),
    ...planExtrasToJson(plan),
    ...(plan.jointFunding ? { jointFunding: jointFundingToJson(plan.jointFunding) } : {}),
  };
}
