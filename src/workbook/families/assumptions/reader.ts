import type Decimal from 'decimal.js';
import { DEFAULT_SIGN_OFF_ROLES } from '../../../domain/benefitCard';
import { canonicalYear, isFinancialYearLabel } from '../../../domain/financialYear';
import type {
  InvestmentLine,
  NelTarget,
  Partner,
  Plan,
  PlanYear,
  Scheme,
  SchemeYear,
  UnitCost,
} from '../../../domain/plan';
import type { PlanPath } from '../../../domain/planRules';
import type { Location } from '../../../domain/problems';
import { cellAddress } from '../../a1';
import { findSheet, type WorkbookSnapshot } from '../../snapshot';
import { BLOCKS, SHEET_SPECS } from '../shared/blocks';
import { locateBlock, type Block } from '../shared/blockLocator';
import { CellReader } from '../shared/cells';
import { HEADERS, NO, SHEET, YES } from './names';

/* The plan's own sheets read back: Assumptions (its tables and sign-off roles), Schemes and Investments. */

export interface AssumptionTables {
  infoValue: (label: string) => string;
  signOffRoles: Pick<Plan, 'signOffRoles'>;
  partners: Partner[];
  yearsBlock: Block | undefined;
  yearCells: Map<number, { row: number }>;
  years: PlanYear[];
  unitBlock: Block | undefined;
  unitCosts: UnitCost[];
  targets: NelTarget[];
}

export interface SchemeColumns {
  costColumns: Map<string, number>;
  benefitColumns: Map<string, Map<string, number>>;
}

/** The tables of the Assumptions sheet, read in sheet order so problems come back in that order. */
export function readAssumptionTables(a: CellReader): AssumptionTables {
  const block = (spec: (typeof SHEET_SPECS.assumptions.blocks)[number]) =>
    locateBlock(a, SHEET_SPECS.assumptions, spec);
  const info = block(BLOCKS.planInfo);
  const infoValue = (label: string) => {
    const r = info?.rows.find((row) => a.text(row, 0).toLowerCase() === label.toLowerCase());
    return r === undefined ? '' : a.text(r, 1);
  };

  const signOffRoles = readSignOffRoles(a);
  const partners = readPartners(a, block(BLOCKS.partners));
  const yearsBlock = block(BLOCKS.years);
  const yearCells = new Map<number, { row: number }>();
  const years = readYears(a, yearsBlock, yearCells);
  const unitBlock = block(BLOCKS.unitCosts);
  const unitCosts = readUnitCosts(a, unitBlock);
  const targets = readTargets(a, block(BLOCKS.targets));
  return { infoValue, signOffRoles, partners, yearsBlock, yearCells, years, unitBlock, unitCosts, targets };
}

function readPartners(a: CellReader, partnersBlock: Block | undefined): Partner[] {
  return (partnersBlock?.rows ?? []).map((r) => {
    const kind = a.text(r, partnersBlock!.col(2)).toLowerCase();
    if (kind !== 'council' && kind !== 'nhs')
      a.error(r, partnersBlock!.col(2), `a partner's kind is "council" or "nhs", not "${kind}".`);
    return {
      id: a.text(r, partnersBlock!.col(0)),
      name: a.text(r, partnersBlock!.col(1)),
      kind: kind === 'nhs' ? 'nhs' : 'council',
    };
  });
}

function readYears(a: CellReader, yearsBlock: Block | undefined, yearCells: Map<number, { row: number }>): PlanYear[] {
  return (yearsBlock?.rows ?? []).map((r, i) => {
    yearCells.set(i, { row: r });
    return {
      // Written any way (2029-30, 2029 to 2030), a year is kept as the plan writes it.
      label: canonicalYear(a.text(r, yearsBlock!.col(0))),
      statedPool: a.optionalAmount(r, yearsBlock!.col(1), `The stated pool in ${cellAddress(r, yearsBlock!.col(1))}`),
      minimumPool: a.optionalAmount(r, yearsBlock!.col(2), `The minimum pool in ${cellAddress(r, yearsBlock!.col(2))}`),
    };
  });
}

function readUnitCosts(a: CellReader, unitBlock: Block | undefined): UnitCost[] {
  return (unitBlock?.rows ?? []).map((r) => {
    const id = a.text(r, unitBlock!.col(0));
    return {
      id,
      benefit: a.text(r, unitBlock!.col(1)),
      shortLabel: a.text(r, unitBlock!.col(2)) || id,
      value: a.amount(r, unitBlock!.col(3), `The unit cost ${id}`),
      unit: a.text(r, unitBlock!.col(4)),
      source: a.text(r, unitBlock!.col(5)),
    };
  });
}

function readTargets(a: CellReader, targetsBlock: Block | undefined): NelTarget[] {
  return (targetsBlock?.rows ?? []).map((r) => ({
    year: a.text(r, targetsBlock!.col(0)),
    baseline: a.amount(r, targetsBlock!.col(1), 'The NEL baseline'),
    target: a.amount(r, targetsBlock!.col(2), 'The NEL target'),
    statedAtRisk: a.optionalAmount(r, targetsBlock!.col(3), 'The stated amount at risk'),
  }));
}

/** The per-year columns after the fixed ones on the Schemes sheet: "<year> cost (£)" and "<year> <unit id>". */
export function readSchemeColumns(
  s: CellReader,
  schemesBlock: Block | undefined,
  tables: AssumptionTables,
): SchemeColumns {
  const yearLabels = new Set(tables.years.map((y) => y.label));
  const unitIds = new Set(tables.unitCosts.map((u) => u.id));
  const costColumns = new Map<string, number>();
  const benefitColumns = new Map<string, Map<string, number>>();
  if (schemesBlock) {
    (s.sheet.values[schemesBlock.header] ?? []).forEach((h, c) => {
      if (typeof h !== 'string' || c < HEADERS.schemes.length) return;
      const match = /^(\S+)\s+(.+)$/.exec(h.trim());
      if (!match) return;
      const [, typed, rest] = match;
      const year = canonicalYear(typed);
      if (!isFinancialYearLabel(year))
        return s.error(schemesBlock.header, c, `the column "${h}" should start with a financial year such as 2014/15.`);
      if (!yearLabels.has(year))
        return s.error(
          schemesBlock.header,
          c,
          `the column "${h}" is for ${year}, which is not in the Years table on the ${SHEET.assumptions} sheet; add the year there or remove the column.`,
        );
      if (/^cost/i.test(rest)) costColumns.set(year, c);
      else if (unitIds.has(rest)) {
        if (!benefitColumns.has(year)) benefitColumns.set(year, new Map());
        benefitColumns.get(year)!.set(rest, c);
      } else if (tables.unitBlock) {
        // Without a readable unit-cost table every benefit column would look unknown; that one error is enough.
        s.error(
          schemesBlock.header,
          c,
          `the column "${h}" counts "${rest}", but there is no unit cost with that id on the ${SHEET.assumptions} sheet (known: ${[...unitIds].join(', ')}).`,
        );
      }
    });
    // A year with no columns yet was typed under the plan's years: a request for it, whose columns the next refresh adds.
  }
  return { costColumns, benefitColumns };
}

export function readSchemes(s: CellReader, schemesBlock: Block | undefined, columns: SchemeColumns): Scheme[] {
  return (schemesBlock?.rows ?? []).map((r) => {
    const col = schemesBlock!.col;
    const ref = s.text(r, col(0));
    const inPoolText = s.text(r, col(5)).toLowerCase();
    if (![YES.toLowerCase(), NO.toLowerCase(), 'y', 'n', 'true', 'false'].includes(inPoolText)) {
      s.error(r, col(5), `"In BCF pool" for scheme ${ref} must be ${YES} or ${NO}, not "${s.text(r, col(5))}".`);
    }
    const schemeYears: Record<string, SchemeYear> = {};
    for (const [year, c] of columns.costColumns) {
      const benefits: Record<string, Decimal> = {};
      for (const [id, bc] of columns.benefitColumns.get(year) ?? []) {
        if (!s.isBlank(r, bc)) benefits[id] = s.amount(r, bc, `The ${year} ${id} reduction for scheme ${ref}`);
      }
      // A year left blank is no entry for that year (the tables show 0), as the layout writes it: read
      // as a £0 entry, the next refresh would fill every blank cost cell with 0.
      if (s.isBlank(r, c) && !Object.keys(benefits).length) continue;
      schemeYears[year] = { cost: s.amount(r, c, `The ${year} cost of scheme ${ref}`), benefits };
    }
    return {
      ref,
      group: s.text(r, col(1)),
      tiers: s.text(r, col(2)),
      name: s.text(r, col(3)),
      description: s.text(r, col(4)),
      inPool: [YES.toLowerCase(), 'y', 'true'].includes(inPoolText),
      years: schemeYears,
      investments: [],
    };
  });
}

/** Adds each Investments line to its scheme; the reader (for its problems) when the sheet is there. */
export function readInvestmentsInto(snapshot: WorkbookSnapshot, schemes: Scheme[]): CellReader | undefined {
  const investmentsSheet = findSheet(snapshot, SHEET.investments);
  const inv = investmentsSheet ? new CellReader(investmentsSheet) : undefined;
  if (inv) {
    const invBlock = locateBlock(inv, SHEET_SPECS.investments, BLOCKS.investments);
    const byRef = new Map(schemes.map((x) => [x.ref.toLowerCase(), x]));
    for (const r of invBlock?.rows ?? []) {
      const ref = inv.text(r, invBlock!.col(0));
      const scheme = byRef.get(ref.toLowerCase());
      if (!scheme) {
        inv.error(r, invBlock!.col(0), `the investment line names scheme "${ref}", which is not on the Schemes sheet.`);
        continue;
      }
      const line: InvestmentLine = {
        year: inv.text(r, invBlock!.col(1)),
        line: inv.text(r, invBlock!.col(2)),
        amount: inv.amount(r, invBlock!.col(3), `The amount for "${inv.text(r, invBlock!.col(2))}"`),
      };
      (scheme.investments as InvestmentLine[]).push(line);
    }
  }
  return inv;
}

/** Where in the workbook each path the plan rules name was read from. */
export function planLocator(
  a: CellReader,
  s: CellReader,
  tables: AssumptionTables,
  schemesBlock: Block | undefined,
  schemeRows: readonly number[],
  { costColumns, benefitColumns }: SchemeColumns,
): (path: PlanPath) => Location {
  const { unitBlock, yearsBlock, yearCells } = tables;
  return (path: PlanPath): Location => {
    switch (path.kind) {
      case 'scheme':
        return s.where(schemeRows[path.index], schemesBlock!.col({ ref: 0, name: 3, description: 4 }[path.field]));
      case 'schemeYear': {
        const c = path.field === 'cost' ? costColumns.get(path.year) : benefitColumns.get(path.year)?.get(path.field);
        return s.where(schemeRows[path.index], c ?? 0);
      }
      case 'unitCost':
        // A missing unit cost is reported at the row where it would be added, just below the table.
        return a.where(
          unitBlock!.rows[path.index] ?? unitBlock!.header + unitBlock!.rows.length + 1,
          unitBlock!.col(path.field === 'id' ? 0 : 3),
        );
      case 'year':
        return a.where(yearCells.get(path.index)!.row, yearsBlock!.col(path.field === 'label' ? 0 : 1));
    }
  };
}

/** The roles signing a card off: a workbook without them (or with the neutral defaults) leaves the plan's own unset. */
function readSignOffRoles(a: CellReader): Pick<Plan, 'signOffRoles'> {
  const block = locateBlock(a, SHEET_SPECS.assumptions, BLOCKS.signOffRoles, { optional: true });
  const roles = (block?.rows ?? []).slice(0, DEFAULT_SIGN_OFF_ROLES.length).map((r) => a.text(r, block!.col(1)));
  const own =
    roles.length === DEFAULT_SIGN_OFF_ROLES.length &&
    roles.every(Boolean) &&
    roles.some((r, i) => r !== DEFAULT_SIGN_OFF_ROLES[i]);
  return own ? { signOffRoles: roles } : {};
}
