import type Decimal from 'decimal.js';
import { formatCount, formatPounds, ZERO } from './money';
import type { Plan, Scheme, UnitCost } from './plan';
import { withPaneYears } from './planYears';
import { templateChanges } from './templateChanges';
import { expenditureToJson, incomeToJson, minimumsToJson } from './expenditureJson';

type TemplateSection = 'income' | 'expenditure' | 'minimums';
/** The planning template's sections, each compared whole, as its plan-file text. */
const TEMPLATE_SECTIONS: readonly { key: TemplateSection; words: string; json: (p: Plan) => string }[] = [
  { key: 'income', words: 'Income (Income sheet)', json: (p) => JSON.stringify(incomeToJson(p.income ?? [])) },
  {
    key: 'expenditure',
    words: 'Expenditure lines (Expenditure sheet)',
    json: (p) => JSON.stringify(expenditureToJson(p.expenditure ?? [])),
  },
  {
    key: 'minimums',
    words: 'Minimums (Expenditure sheet)',
    json: (p) => JSON.stringify(minimumsToJson(p.minimums ?? {})),
  },
];

/**
 * What differs between two versions of a plan, in words a commissioner recognises ("Scheme 2b:
 * 2014/15 cost £1,057,451 → £1,100,000"), and a three-way merge of the pane's edits with what was
 * typed in the workbook since the pane last read it. Only what the workbook holds is compared
 * (free-text notes live in plan files, not in the workbook).
 */
export function planChanges(from: Plan, to: Plan): string[] {
  const changes: string[] = [];
  const field = (what: string, a: string, b: string) => {
    if (a !== b) changes.push(`${what}: ${a || '(blank)'} → ${b || '(blank)'}`);
  };
  field('Health and Wellbeing Board', from.board, to.board);
  field('Title', from.title, to.title);
  field(
    'Partners',
    from.partners.map((p) => `${p.id} ${p.name} (${p.kind})`).join('; '),
    to.partners.map((p) => `${p.id} ${p.name} (${p.kind})`).join('; '),
  );
  field('Years', from.years.map(yearText).join(', '), to.years.map(yearText).join(', '));
  field('NEL targets', from.targets.map(targetText).join('; '), to.targets.map(targetText).join('; '));
  keyedChanges(from.unitCosts, to.unitCosts, (u) => u.id, `Unit cost`, unitCostChanges, changes);
  keyedChanges(from.schemes, to.schemes, schemeKey, 'Scheme', schemeChanges, changes);
  changes.push(...templateChanges(from, to));
  return changes;
}

export function samePlan(a: Plan, b: Plan): boolean {
  return planChanges(a, b).length === 0;
}

export interface MergedPlan {
  readonly plan: Plan;
  /** Unit costs or schemes both the pane and the workbook changed, differently. */
  readonly conflicts: readonly string[];
}

/**
 * Keeps both sides' edits: `base` is the plan as the pane last read it from the workbook, `pane`
 * what the pane now holds, `workbook` what the workbook now holds. A unit cost or a scheme changed
 * on one side only takes that side's version; one changed on both sides differently is a conflict,
 * settled by `prefer` (the merged plan then carries the preferred side's version).
 */
export function mergePlans(
  base: Plan,
  pane: Plan,
  workbook: Plan,
  prefer: 'pane' | 'workbook' = 'workbook',
): MergedPlan {
  const conflicts: string[] = [];
  const unitCosts = mergeKeyed(
    base.unitCosts,
    pane.unitCosts,
    workbook.unitCosts,
    (u) => u.id,
    (a, b) => unitCostChanges(a, b).length === 0,
    prefer,
    (u) => `Unit cost ${u.id}`,
    conflicts,
  );
  const schemes = mergeKeyed(
    base.schemes,
    pane.schemes,
    workbook.schemes,
    schemeKey,
    (a, b) => schemeChanges(a, b).length === 0,
    prefer,
    (s) => `Scheme ${s.ref}`,
    conflicts,
  );
  // The pane edits unit costs, schemes, the planning template and the years; everything else on the Assumptions sheet is the workbook's.
  return {
    plan: withPaneYears(base, pane, {
      ...workbook,
      notes: pane.notes,
      unitCosts,
      schemes,
      ...mergeTemplate(base, pane, workbook, prefer, conflicts),
    }),
    conflicts,
  };
}

/**
 * The template's sections merge whole: a section changed on one side only is taken from that side;
 * changed on both sides differently, it is a conflict settled by `prefer`.
 */
function mergeTemplate(base: Plan, pane: Plan, workbook: Plan, prefer: 'pane' | 'workbook', conflicts: string[]) {
  const merged: Partial<Pick<Plan, TemplateSection>> = {};
  for (const { key, words, json } of TEMPLATE_SECTIONS) {
    const [b, p, w] = [json(base), json(pane), json(workbook)];
    const take = p === w || p === b ? workbook : w === b ? pane : prefer === 'pane' ? pane : workbook;
    if (p !== w && p !== b && w !== b) conflicts.push(`${words} (changed in the pane and in the workbook)`);
    if (take[key] !== undefined) Object.assign(merged, { [key]: take[key] });
  }
  return merged;
}

function mergeKeyed<T>(
  base: readonly T[],
  pane: readonly T[],
  workbook: readonly T[],
  key: (t: T) => string,
  same: (a: T, b: T) => boolean,
  prefer: 'pane' | 'workbook',
  describe: (t: T) => string,
  conflicts: string[],
): T[] {
  const byKey = (list: readonly T[]) => new Map(list.map((t) => [key(t), t]));
  const b = byKey(base);
  const p = byKey(pane);
  const result: T[] = [];
  for (const w of workbook) {
    const k = key(w);
    const was = b.get(k);
    const now = p.get(k);
    if (!was) {
      // New in the workbook (or added on both sides).
      if (now && !same(now, w)) {
        conflicts.push(`${describe(w)} was added in both the pane and the workbook`);
        result.push(prefer === 'pane' ? now : w);
      } else result.push(w);
      continue;
    }
    const paneChanged = !now || !same(now, was);
    const workbookChanged = !same(w, was);
    if (!paneChanged) result.push(w);
    else if (!workbookChanged || (now && same(now, w))) {
      if (now) result.push(now); // removed in the pane: leave it out
    } else {
      conflicts.push(`${describe(w)} was ${now ? 'changed' : 'removed'} in the pane and changed in the workbook`);
      if (prefer === 'workbook') result.push(w);
      else if (now) result.push(now);
    }
  }
  const inWorkbook = new Set(workbook.map(key));
  for (const now of pane) {
    const k = key(now);
    if (inWorkbook.has(k)) continue;
    const was = b.get(k);
    if (!was)
      result.push(now); // added in the pane
    else if (!same(now, was)) {
      // Deleted from the workbook but edited in the pane.
      conflicts.push(`${describe(now)} was changed in the pane and deleted from the workbook`);
      if (prefer === 'pane') result.push(now);
    }
  }
  return result;
}

function schemeKey(s: Scheme): string {
  return s.ref.trim().toLowerCase();
}

function keyedChanges<T>(
  from: readonly T[],
  to: readonly T[],
  key: (t: T) => string,
  noun: string,
  diff: (a: T, b: T) => string[],
  out: string[],
): void {
  const before = new Map(from.map((t) => [key(t), t]));
  const after = new Map(to.map((t) => [key(t), t]));
  for (const [k, a] of before) {
    const b = after.get(k);
    if (!b) out.push(`${noun} ${label(a)} removed`);
    else for (const d of diff(a, b)) out.push(`${noun} ${label(b)}: ${d}`);
  }
  for (const [k, b] of after) if (!before.has(k)) out.push(`${noun} ${label(b)} added`);
}

function label(t: unknown): string {
  const o = t as { ref?: string; id?: string; name?: string };
  return o.ref !== undefined ? `${o.ref}${o.name ? ` (${o.name})` : ''}` : (o.id ?? '');
}

/** Whole pounds as £1,057,451; pence only when there are some. */
function pounds(value: Decimal): string {
  return formatPounds(value, !value.isInteger());
}

function unitCostChanges(a: UnitCost, b: UnitCost): string[] {
  const out: string[] = [];
  if (!a.value.equals(b.value)) out.push(`${pounds(a.value)} → ${pounds(b.value)}`);
  for (const f of ['benefit', 'shortLabel', 'unit', 'source'] as const)
    if (a[f] !== b[f]) out.push(`${f} "${a[f]}" → "${b[f]}"`);
  return out;
}

function schemeChanges(a: Scheme, b: Scheme): string[] {
  const out: string[] = [];
  for (const f of ['ref', 'name', 'group', 'tiers', 'description'] as const)
    if (a[f] !== b[f]) out.push(`${f} "${a[f]}" → "${b[f]}"`);
  if (a.inPool !== b.inPool) out.push(b.inPool ? 'now in the BCF pool' : 'now outside the BCF pool');
  const years = new Set([...Object.keys(a.years), ...Object.keys(b.years)]);
  for (const year of years) {
    const x = a.years[year];
    const y = b.years[year];
    const cost = (e: typeof x) => e?.cost ?? ZERO;
    if (!cost(x).equals(cost(y))) out.push(`${year} cost ${pounds(cost(x))} → ${pounds(cost(y))}`);
    const ids = new Set([...Object.keys(x?.benefits ?? {}), ...Object.keys(y?.benefits ?? {})]);
    for (const id of ids) {
      const c = (e: typeof x): Decimal => e?.benefits[id] ?? ZERO;
      if (!c(x).equals(c(y))) out.push(`${year} ${id} ${formatCount(c(x))} → ${formatCount(c(y))}`);
    }
  }
  const lines = (s: Scheme) => s.investments.map((l) => `${l.year}|${l.line}|${l.amount.toString()}`).join('\n');
  if (lines(a) !== lines(b)) out.push('investment lines changed');
  return out;
}

function yearText(y: Plan['years'][number]): string {
  return `${y.label}${y.statedPool ? ` (stated pool ${formatPounds(y.statedPool)})` : ''}${y.minimumPool ? ` (minimum ${formatPounds(y.minimumPool)})` : ''}`;
}

function targetText(t: Plan['targets'][number]): string {
  return `${t.year} ${t.baseline.toString()}→${t.target.toString()}${t.statedAtRisk ? ` at risk ${t.statedAtRisk.toString()}` : ''}`;
}
