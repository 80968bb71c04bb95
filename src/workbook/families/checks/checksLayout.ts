import type Decimal from 'decimal.js';
import { Money, sum } from '../../../domain/money';
import { unitCostName, type Plan } from '../../../domain/plan';
import { planChecks, statementFigure, type PlanCheck } from '../../../domain/planChecks';
import { computePoolYear } from '../../../domain/pool';
import { rating } from '../../../domain/riskLog';
import { NEL } from '../../../domain/schemeTable';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan, type TablePlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, ROOM_TO_GROW, SHEET_SPECS } from '../shared/blocks';
import { SHEET } from '../assumptions/names';
import type { PoolGeometry } from '../pool/poolLayout';
import { FAIL, PASS, POOL_SHEETS } from '../pool/names';
import { RISK_HEADER_ROW } from '../riskLog/riskLogLayout';
import { inputNote, legendRow } from '../shared/inputLegend';
import { templateCheckRows } from '../template/expenditureSummary';
import type { WorkbookGeometry } from '../geometry';

type Row = (CellPlan | null)[];

export const CHECKS_HEADER_ROW = 3;

/** The check's status cell on the Checks sheet, e.g. "B5": where the audit points for a failed check. */
export function checkCells(plan: Plan, checks = planChecks(plan)): Map<string, string> {
  return new Map(checks.map((c, i) => [c.id, `B${CHECKS_HEADER_ROW + 2 + i}`]));
}

/**
 * The Checks sheet: every plan check as live formulas (Expected, Found, PASS/FAIL) over the
 * inputs, followed by the amounts the plan states in words and the parts tagged or itemised for
 * them, which people can correct or extend.
 */
export function checksLayout(plan: Plan, geometry: WorkbookGeometry & { readonly pool: PoolGeometry }): SheetPlan {
  const { pool } = geometry;
  const checks = planChecks(plan);
  // The template's rules follow the plan's checks, their status read from the Expenditure sheet's checklist.
  const template = geometry.template ? templateCheckRows(plan, geometry.template) : [];
  const statements = plan.statements ?? [];
  const parts = statements.flatMap((s) => s.parts.map((p) => ({ id: s.id, ...p })));
  const firstCheck = CHECKS_HEADER_ROW + 1;
  const spec = SHEET_SPECS.checks;
  const stHeader = firstCheck + checks.length + template.length + 1;
  const stFirst = stHeader + 1;
  const ptHeader = stFirst + regionRows(spec, BLOCKS.statements, statements.length);
  // The parts end the sheet, so the sums take whole columns: a part typed anywhere under them counts.
  const ptRange = (col: string) => `$${col}:$${col}`;

  const place = new Places(plan, geometry);
  const rows: Row[] = checksHeadRows(plan);
  checks.forEach((c, i) => rows.push(checkRow(plan, c, firstCheck + i + 1, { place, pool, stFirst, ptRange })));
  rows.push(...template, []);
  rows.push(...statementsBlockRows(statements));
  rows.push(...partsBlockRows(parts));

  const tables: TablePlan[] = [
    {
      name: BLOCKS.checks.id,
      row: CHECKS_HEADER_ROW,
      column: 0,
      columns: BLOCKS.checks.headers,
      rowCount: checks.length + template.length,
    },
    {
      name: BLOCKS.statements.id,
      row: stHeader,
      column: 0,
      columns: BLOCKS.statements.headers,
      rowCount: statements.length + ROOM_TO_GROW,
    },
    {
      name: BLOCKS.parts.id,
      row: ptHeader,
      column: 0,
      columns: BLOCKS.parts.headers,
      rowCount: regionRows(spec, BLOCKS.parts, parts.length),
    },
  ];
  return {
    name: POOL_SHEETS.checks,
    rows,
    tables,
    columnWidths: [30, 8, 16, 16, 90, 60],
    freeze: { rows: CHECKS_HEADER_ROW + 1, columns: 0 },
    tabColor: '7030A0',
  };
}

function checksHeadRows(plan: Plan): Row[] {
  return [
    [text(`${plan.board} BCF plan checks`, 'title')],
    [
      text(
        inputNote(
          'the amounts the plan states in words, and the parts tagged or itemised for them (below the checks). Each check is a live formula over the other sheets: PASS when the figures agree; the audit (bcf audit, or the Pool & audit pane) lists the failures.',
        ),
        'note',
      ),
    ],
    legendRow(),
    BLOCKS.checks.headers.map((h) => text(h, 'header')),
  ];
}

function statementsBlockRows(statements: NonNullable<Plan['statements']>): Row[] {
  const statementRows = statements.map((s) => [
    text(s.id, 'input'),
    text(s.kind, 'input'),
    text(s.label, 'input'),
    text(s.year, 'input'),
    num(s.stated, s.kind === 'reductionPercent' ? '0.0##' : FORMAT.count, 'input'),
    text(s.source, 'input'),
  ]);
  return [
    BLOCKS.statements.headers.map((h) => text(h, 'header')),
    ...blockBody(SHEET_SPECS.checks, BLOCKS.statements, statementRows, [
      { style: 'input' },
      { style: 'input' },
      { style: 'input' },
      { style: 'input' },
      { style: 'input', format: FORMAT.count },
      { style: 'input' },
    ]),
  ];
}

function partsBlockRows(
  parts: readonly { id: string; label: string; scheme?: string; amount: Decimal | number }[],
): Row[] {
  const partRows = parts.map((p) => [
    text(p.id, 'input'),
    text(p.label, 'input'),
    text(p.scheme ?? '', 'input'),
    num(p.amount, FORMAT.count, 'input'),
  ]);
  return [
    BLOCKS.parts.headers.map((h) => text(h, 'header')),
    ...blockBody(SHEET_SPECS.checks, BLOCKS.parts, partRows, [
      { style: 'input' },
      { style: 'input' },
      { style: 'input' },
      { style: 'input', format: FORMAT.count },
    ]),
  ];
}

interface Context {
  readonly place: Places;
  readonly pool: PoolGeometry;
  readonly stFirst: number;
  ptRange(col: string): string;
}

type Subject<K extends PlanCheck['subject']['kind']> = Extract<PlanCheck['subject'], { kind: K }>;

/** One check's row: its id, the PASS/FAIL formula, Expected, Found and what it checks. */
interface RowBuilder {
  readonly plan: Plan;
  readonly c: PlanCheck;
  readonly r: number;
  readonly ctx: Context;
  status(test: string): CellPlan;
  readonly equalPounds: string;
}

function checkRow(plan: Plan, c: PlanCheck, r: number, ctx: Context): Row {
  const b: RowBuilder = {
    plan,
    c,
    r,
    ctx,
    status: (test: string) =>
      formula(`IF(${test},"${PASS}","${FAIL}")`, c.passed ? PASS : FAIL, '@', c.passed ? 'computed' : 'warning'),
    equalPounds: `ROUND(D${r}-C${r},2)=0`,
  };
  const subject = c.subject;
  switch (subject.kind) {
    case 'pool':
      return poolCheckRow(b, subject);
    case 'minimum':
      return minimumCheckRow(b, subject);
    case 'shares':
      return sharesCheckRow(b, subject);
    case 'statement':
      return statementCheckRow(b, subject);
    case 'investments':
      return investmentsCheckRow(b, subject);
    case 'atRisk':
      return atRiskCheckRow(b, subject);
    case 'risk':
      return riskCheckRow(b, subject);
  }
}

function money(f: string, v: Decimal): CellPlan {
  return formula(f, v, FORMAT.pounds);
}

function poolCheckRow({ plan, c, ctx, status, equalPounds }: RowBuilder, subject: Subject<'pool'>): Row {
  const { place, pool } = ctx;
  const figures = computePoolYear(plan, subject.year);
  const useContributions = (plan.pool?.contributions ?? []).some((x) => x.year === subject.year);
  const expected = useContributions
    ? money(pool.contributed(subject.year), figures.contributed)
    : money(place.statedPool(subject.year), place.year(subject.year).statedPool!);
  return [
    text(c.id),
    status(equalPounds),
    expected,
    money(pool.allocated(subject.year), figures.allocated),
    text(
      `${subject.year}: the schemes in the pool are allocated exactly what was put in (${useContributions ? 'contributions on the Pool sheet' : 'the stated pool'}).`,
    ),
  ];
}

function minimumCheckRow({ plan, c, r, ctx, status }: RowBuilder, subject: Subject<'minimum'>): Row {
  const { place, pool } = ctx;
  const figures = computePoolYear(plan, subject.year);
  const useContributions = (plan.pool?.contributions ?? []).some((x) => x.year === subject.year);
  const y = place.year(subject.year);
  const found = useContributions
    ? money(pool.contributed(subject.year), figures.contributed)
    : y.statedPool
      ? money(place.statedPool(subject.year), y.statedPool)
      : money(pool.allocated(subject.year), figures.allocated);
  return [
    text(c.id),
    status(`D${r}>=C${r}`),
    money(place.minimumPool(subject.year), y.minimumPool!),
    found,
    text(`${subject.year}: the pool is at least the minimum required.`),
  ];
}

function sharesCheckRow({ plan, c, r, ctx, status }: RowBuilder, subject: Subject<'shares'>): Row {
  return [
    text(c.id),
    status(`ROUND(D${r}-C${r},10)=0`),
    formula('1', 1, FORMAT.percent),
    formula(
      ctx.pool.shares(subject.year),
      sum(computePoolYear(plan, subject.year).partners.map((x) => x.share)),
      FORMAT.percent,
    ),
    text(
      `${subject.year}: the partners' shares of an under- or overspend (Pool sheet, by partner) add up to 100%: fixed shares add to 100 and every contribution is from a partner on the Assumptions sheet.`,
    ),
  ];
}

function statementCheckRow({ plan, c, r, ctx, status, equalPounds }: RowBuilder, subject: Subject<'statement'>): Row {
  const s = plan.statements![subject.index];
  const row = ctx.stFirst + subject.index + 1;
  const stated = `$E$${row}`;
  const figure = statementFigure(plan, s)!;
  const found = formula(stated, s.stated, s.kind === 'reductionPercent' ? '0.0##' : FORMAT.count);
  if (s.kind === 'tagged' || s.kind === 'parts') {
    return [
      text(c.id),
      status(equalPounds),
      formula(`SUMIF(${ctx.ptRange('A')},$A$${row},${ctx.ptRange('D')})`, figure.expected, FORMAT.count),
      found,
      text(
        `${s.label}: the stated amount equals the ${s.kind === 'tagged' ? 'amounts tagged for it' : 'items the plan lists'} (parts below).`,
      ),
    ];
  }
  const t = ctx.place.target(s.year);
  if (s.kind === 'amountAtRisk') {
    return [
      text(c.id),
      status(equalPounds),
      money(`(${t.baseline}-${t.target})*${unitCostName(NEL)}`, figure.expected),
      found,
      text(`${s.label}: equals the target reduction × ${unitCostName(NEL)}.`),
    ];
  }
  const places = Math.max(s.stated.decimalPlaces(), 0);
  return [
    text(c.id),
    status(`ROUND(C${r},${places})=D${r}`),
    formula(`(${t.baseline}-${t.target})/${t.baseline}*100`, figure.expected, '0.00'),
    found,
    text(`${s.label}: the stated percentage is the NEL reduction ÷ baseline, rounded as printed.`),
  ];
}

function investmentsCheckRow({ plan, c, ctx, status, equalPounds }: RowBuilder, subject: Subject<'investments'>): Row {
  const scheme = plan.schemes[subject.scheme];
  const cost = scheme.years[subject.year]?.cost ?? new Money(0);
  const total = scheme.investments
    .filter((l) => l.year === subject.year)
    .reduce((a, l) => a.plus(l.amount), new Money(0));
  // The lines end their sheet, so the sum takes whole columns: a line typed under them counts.
  const range = (col: string) => `${SHEET.investments}!$${col}:$${col}`;
  return [
    text(c.id),
    status(equalPounds),
    money(ctx.place.cost(subject.scheme, subject.year), cost),
    money(`SUMIFS(${range('D')},${range('A')},"${quote(scheme.ref)}",${range('B')},"${quote(subject.year)}")`, total),
    text(
      `Scheme ${scheme.ref} ${subject.year}: the investment lines (Investments sheet) add up to the scheme's cost (Schemes sheet).`,
    ),
  ];
}

function atRiskCheckRow({ plan, c, ctx, status, equalPounds }: RowBuilder, subject: Subject<'atRisk'>): Row {
  const t = plan.targets[subject.target];
  const at = ctx.place.target(t.year);
  return [
    text(c.id),
    status(equalPounds),
    money(
      `(${at.baseline}-${at.target})*${unitCostName(NEL)}`,
      t.baseline.minus(t.target).times(plan.unitCosts.find((u) => u.id === NEL)!.value),
    ),
    money(at.atRisk, t.statedAtRisk!),
    text(`${t.year}: the amount at risk (pay for performance) is the target reduction × ${unitCostName(NEL)}.`),
  ];
}

function riskCheckRow({ plan, c, r, status }: RowBuilder, subject: Subject<'risk'>): Row {
  const risk = plan.risks![subject.index];
  const row = RISK_HEADER_ROW + 2 + subject.index;
  const sheet = `'${POOL_SHEETS.risks}'`;
  if (risk.statedRating === undefined) {
    return [
      text(c.id),
      status(`AND(${sheet}!C${row}>=1,${sheet}!C${row}<=5,${sheet}!D${row}>=1,${sheet}!D${row}<=5)`),
      formula(`${sheet}!C${row}`, risk.impact, '0'),
      formula(`${sheet}!D${row}`, risk.probability, '0'),
      text(`Risk ${risk.id}: impact (Expected column) and probability (Found column) are scored 1 to 5.`),
    ];
  }
  return [
    text(c.id),
    status(`D${r}=C${r}`),
    formula(`${sheet}!E${row}`, rating(risk), '0'),
    formula(`${sheet}!F${row}`, risk.statedRating, '0'),
    text(`Risk ${risk.id}: the stated rating is impact × probability.`),
  ];
}

function quote(s: string): string {
  return s.replace(/"/g, '""');
}

/** Addresses of the inputs the checks read, from the geometry of the sheets that hold them. */
class Places {
  constructor(
    private readonly plan: Plan,
    private readonly geometry: WorkbookGeometry,
  ) {}

  year(label: string) {
    return this.plan.years.find((y) => y.label === label)!;
  }

  statedPool(label: string): string {
    return this.geometry.assumptions.statedPool(label);
  }

  minimumPool(label: string): string {
    return this.geometry.assumptions.minimumPool(label);
  }

  /** Only asked for a year with a target: the checks that read one are made only then (planChecks.ts). */
  target(year: string) {
    return this.geometry.assumptions.target(year)!;
  }

  cost(scheme: number, year: string): string {
    const g = this.geometry.schemes;
    return g.cell(g.costColumn(year), scheme);
  }
}
