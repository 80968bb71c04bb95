import type Decimal from 'decimal.js';
import type { QuarterNumber } from './financialYear';
import { Money } from './money';
import type { Plan } from './plan';
import type { Contribution, FixedShare, Pool, QuarterSpend, SharingRule } from './pool';
import type { Problem } from './problems';
import type { Risk } from './riskLog';
import { STATEMENT_KINDS, type Statement, type StatementKind, type StatementPart } from './statements';

type Json = Record<string, unknown>;

/**
 * Reads the plan's optional "pool", "risks" and "statements" keys. Problems carry JSON paths like
 * the rest of planFromJson, and are added to its list so every mistake is reported at once.
 */
export function planExtrasFromJson(root: Json, problems: Problem[]): Pick<Plan, 'pool' | 'risks' | 'statements'> {
  const r = new ExtrasReader(problems);
  return {
    ...(root.pool !== undefined ? { pool: r.pool(root.pool, 'pool') } : {}),
    ...(root.risks !== undefined ? { risks: r.list(root.risks, 'risks').map((x, i) => r.risk(x, `risks[${i}]`)) } : {}),
    ...(root.statements !== undefined ? { statements: r.list(root.statements, 'statements').map((x, i) => r.statement(x, `statements[${i}]`)) } : {}),
  };
}

export function planExtrasToJson(plan: Plan): Json {
  const n = (d: Decimal) => d.toNumber();
  const out: Json = {};
  if (plan.pool) {
    out.pool = {
      sharing: plan.pool.sharing.kind === 'fixed' ? { kind: 'fixed', shares: plan.pool.sharing.shares.map((s) => ({ partner: s.partner, percent: n(s.percent) })) } : { kind: 'contributions' },
      contributions: plan.pool.contributions.map((c) => ({ year: c.year, partner: c.partner, source: c.source, amount: n(c.amount) })),
      spend: plan.pool.spend.map((s) => ({ scheme: s.scheme, year: s.year, quarter: s.quarter, amount: n(s.amount) })),
      ...(plan.pool.phasing ? { phasing: Object.fromEntries(Object.entries(plan.pool.phasing).map(([y, qs]) => [y, qs.map((q) => (q === null ? null : n(q)))])) } : {}),
    };
  }
  if (plan.risks) {
    out.risks = plan.risks.map((r) => ({
      id: r.id,
      description: r.description,
      impact: n(r.impact),
      probability: n(r.probability),
      ...(r.statedRating ? { statedRating: n(r.statedRating) } : {}),
      mitigations: r.mitigations,
      owner: r.owner,
    }));
  }
  if (plan.statements) {
    out.statements = plan.statements.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      year: s.year,
      stated: n(s.stated),
      source: s.source,
      parts: s.parts.map((p) => ({ label: p.label, amount: n(p.amount), ...(p.scheme ? { scheme: p.scheme } : {}) })),
    }));
  }
  return out;
}

class ExtrasReader {
  constructor(private readonly problems: Problem[]) {}

  pool(json: unknown, path: string): Pool {
    const o = this.object(json, path);
    return {
      sharing: this.sharing(o.sharing, `${path}.sharing`),
      contributions: this.list(o.contributions ?? [], `${path}.contributions`).map((c, i) => this.contribution(c, `${path}.contributions[${i}]`)),
      spend: this.list(o.spend ?? [], `${path}.spend`).map((s, i) => this.spend(s, `${path}.spend[${i}]`)),
      ...(o.phasing !== undefined ? { phasing: this.phasing(o.phasing, `${path}.phasing`) } : {}),
    };
  }

  /** { "2015/16": [0.1, 0.2, 0.3, 0.4] }: each year's quarter shares of the allocation (null for blank). */
  private phasing(json: unknown, path: string): Record<string, (Decimal | null)[]> {
    const o = this.object(json, path);
    const out: Record<string, (Decimal | null)[]> = {};
    for (const [year, quarters] of Object.entries(o)) {
      const list = this.list(quarters, `${path}["${year}"]`);
      if (list.length !== 4) this.fail(`${path}["${year}"]`, `four quarter shares, Q1 to Q4 (null for blank); found ${list.length}`);
      out[year] = [0, 1, 2, 3].map((q) => (list[q] === null || list[q] === undefined ? null : this.amount(list[q], `${path}["${year}"][${q}]`)));
    }
    return out;
  }

  private sharing(json: unknown, path: string): SharingRule {
    if (json === undefined) return { kind: 'contributions' };
    const o = this.object(json, path);
    if (o.kind === 'contributions') return { kind: 'contributions' };
    if (o.kind !== 'fixed') {
      this.fail(`${path}.kind`, `expected "contributions" or "fixed", found ${JSON.stringify(o.kind)}`);
      return { kind: 'contributions' };
    }
    const shares: FixedShare[] = this.list(o.shares, `${path}.shares`).map((s, i) => {
      const so = this.object(s, `${path}.shares[${i}]`);
      return { partner: this.text(so, 'partner', `${path}.shares[${i}]`), percent: this.amount(so.percent, `${path}.shares[${i}].percent`) };
    });
    // Shares that don't add up to 100 are a failed plan check (pool-shares), not a refusal: the rest of the plan still reads.
    return { kind: 'fixed', shares };
  }

  private contribution(json: unknown, path: string): Contribution {
    const o = this.object(json, path);
    return { year: this.text(o, 'year', path), partner: this.text(o, 'partner', path), source: this.text(o, 'source', path), amount: this.amount(o.amount, `${path}.amount`) };
  }

  private spend(json: unknown, path: string): QuarterSpend {
    const o = this.object(json, path);
    const quarter = Number(o.quarter);
    if (![1, 2, 3, 4].includes(quarter)) this.fail(`${path}.quarter`, `expected a quarter 1 to 4 (Q1 is April to June), found ${JSON.stringify(o.quarter)}`);
    return { scheme: this.text(o, 'scheme', path), year: this.text(o, 'year', path), quarter: (quarter || 1) as QuarterNumber, amount: this.amount(o.amount, `${path}.amount`) };
  }

  risk(json: unknown, path: string): Risk {
    const o = this.object(json, path);
    return {
      id: this.text(o, 'id', path),
      description: this.text(o, 'description', path),
      impact: this.amount(o.impact, `${path}.impact`),
      probability: this.amount(o.probability, `${path}.probability`),
      ...(o.statedRating !== undefined ? { statedRating: this.amount(o.statedRating, `${path}.statedRating`) } : {}),
      mitigations: this.list(o.mitigations ?? [], `${path}.mitigations`).map((m) => String(m)),
      owner: typeof o.owner === 'string' ? o.owner : '',
    };
  }

  statement(json: unknown, path: string): Statement {
    const o = this.object(json, path);
    const kind = o.kind as StatementKind;
    if (!STATEMENT_KINDS.includes(kind)) this.fail(`${path}.kind`, `expected one of ${STATEMENT_KINDS.join(', ')}, found ${JSON.stringify(o.kind)}`);
    const parts: StatementPart[] = this.list(o.parts ?? [], `${path}.parts`).map((p, i) => {
      const po = this.object(p, `${path}.parts[${i}]`);
      return { label: this.text(po, 'label', `${path}.parts[${i}]`), amount: this.amount(po.amount, `${path}.parts[${i}].amount`), ...(typeof po.scheme === 'string' ? { scheme: po.scheme } : {}) };
    });
    return {
      id: this.text(o, 'id', path),
      kind: STATEMENT_KINDS.includes(kind) ? kind : 'parts',
      label: this.text(o, 'label', path),
      year: this.text(o, 'year', path),
      stated: this.amount(o.stated, `${path}.stated`),
      source: typeof o.source === 'string' ? o.source : '',
      parts,
    };
  }

  list(json: unknown, path: string): unknown[] {
    if (Array.isArray(json)) return json;
    this.fail(path, `expected a list, found ${JSON.stringify(json)?.slice(0, 40)}`);
    return [];
  }

  private object(json: unknown, path: string): Json {
    if (json !== null && typeof json === 'object' && !Array.isArray(json)) return json as Json;
    this.fail(path, `expected an object, found ${JSON.stringify(json)?.slice(0, 40)}`);
    return {};
  }

  private text(o: Json, key: string, path: string): string {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    this.fail(`${path}.${key}`, `expected text, found ${JSON.stringify(v) ?? 'nothing'}`);
    return '';
  }

  /** As in the rest of the plan file: a number, or text such as "1,146,000" or "£2,004". */
  private amount(value: unknown, path: string): Decimal {
    if (typeof value === 'number' && Number.isFinite(value)) return new Money(String(value));
    if (typeof value === 'string') {
      const cleaned = value.replace(/[£,\s]/g, '');
      if (/^-?\d+(\.\d+)?$/.test(cleaned)) return new Money(cleaned);
    }
    this.fail(path, `expected an amount such as 1146000 or "1,146,000", found ${JSON.stringify(value) ?? 'nothing'}`);
    return new Money(0);
  }

  private fail(path: string, message: string): void {
    this.problems.push({ severity: 'error', where: { path }, message });
  }
}
