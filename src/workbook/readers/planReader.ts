import type Decimal from 'decimal.js';
import { DEFAULT_SIGN_OFF_ROLES } from '../../domain/benefitCard';
import { isFinancialYearLabel } from '../../domain/financialYear';
import type {
  InvestmentLine,
  NelTarget,
  Partner,
  Plan,
  PlanYear,
  Scheme,
  SchemeYear,
  UnitCost,
} from '../../domain/plan';
import { checkPlan, type PlanPath } from '../../domain/planRules';
import { PlanError, type Location, type Problem } from '../../domain/problems';
import { cellAddress } from '../a1';
import { HEADERS, NO, SHEET, YES } from '../layouts/names';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { readCardBook } from './cardReader';
import { BLOCKS, SHEET_SPECS } from '../layouts/blocks';
import { locateBlock } from './blockLocator';
import { CellReader } from './cells';
import { readPoolSheets } from './poolReader';
import { readJointFundingInto } from './jointFundingReader';

/**
 * Reads the plan back from the Assumptions, Schemes and Investments sheets, so whatever a
 * commissioner typed there is the plan. Problems name the sheet and cell; errors throw a PlanError
 * carrying all of them, warnings come back with the plan.
 */
export function readPlan(snapshot: WorkbookSnapshot): { plan: Plan; problems: Problem[] } {
  const problems: Problem[] = [];
  const assumptions = requireSheet(snapshot, SHEET.assumptions);
  const schemesSheet = requireSheet(snapshot, SHEET.schemes);
  const a = new CellReader(assumptions);

  const block = (spec: (typeof SHEET_SPECS.assumptions.blocks)[number]) =>
    locateBlock(a, SHEET_SPECS.assumptions, spec);
  const info = block(BLOCKS.planInfo);
  const infoValue = (label: string) => {
    const r = info?.rows.find((row) => a.text(row, 0).toLowerCase() === label.toLowerCase());
    return r === undefined ? '' : a.text(r, 1);
  };

  const signOffRoles = readSignOffRoles(a);

  const partnersBlock = block(BLOCKS.partners);
  const partners: Partner[] = (partnersBlock?.rows ?? []).map((r) => {
    const kind = a.text(r, partnersBlock!.col(2)).toLowerCase();
    if (kind !== 'council' && kind !== 'nhs')
      a.error(r, partnersBlock!.col(2), `a partner's kind is "council" or "nhs", not "${kind}".`);
    return {
      id: a.text(r, partnersBlock!.col(0)),
      name: a.text(r, partnersBlock!.col(1)),
      kind: kind === 'nhs' ? 'nhs' : 'council',
    };
  });

  const yearsBlock = block(BLOCKS.years);
  const yearCells = new Map<number, { row: number }>();
  const years: PlanYear[] = (yearsBlock?.rows ?? []).map((r, i) => {
    yearCells.set(i, { row: r });
    return {
      label: a.text(r, yearsBlock!.col(0)),
      statedPool: a.optionalAmount(r, yearsBlock!.col(1), `The stated pool in ${cellAddress(r, yearsBlock!.col(1))}`),
      minimumPool: a.optionalAmount(r, yearsBlock!.col(2), `The minimum pool in ${cellAddress(r, yearsBlock!.col(2))}`),
    };
  });

  const unitBlock = block(BLOCKS.unitCosts);
  const unitCosts: UnitCost[] = (unitBlock?.rows ?? []).map((r) => {
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

  const targetsBlock = block(BLOCKS.targets);
  const targets: NelTarget[] = (targetsBlock?.rows ?? []).map((r) => ({
    year: a.text(r, targetsBlock!.col(0)),
    baseline: a.amount(r, targetsBlock!.col(1), 'The NEL baseline'),
    target: a.amount(r, targetsBlock!.col(2), 'The NEL target'),
    statedAtRisk: a.optionalAmount(r, targetsBlock!.col(3), 'The stated amount at risk'),
  }));

  const s = new CellReader(schemesSheet);
  const schemesBlock = locateBlock(s, SHEET_SPECS.schemes, BLOCKS.schemes);
  const yearLabels = new Set(years.map((y) => y.label));
  const unitIds = new Set(unitCosts.map((u) => u.id));
  const costColumns = new Map<string, number>();
  const benefitColumns = new Map<string, Map<string, number>>();
  if (schemesBlock) {
    (schemesSheet.values[schemesBlock.header] ?? []).forEach((h, c) => {
      if (typeof h !== 'string' || c < HEADERS.schemes.length) return;
      const match = /^(\S+)\s+(.+)$/.exec(h.trim());
      if (!match) return;
      const [, year, rest] = match;
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
      } else if (unitBlock) {
        // Without a readable unit-cost table every benefit column would look unknown; that one error is enough.
        s.error(
          schemesBlock.header,
          c,
          `the column "${h}" counts "${rest}", but there is no unit cost with that id on the ${SHEET.assumptions} sheet (known: ${[...unitIds].join(', ')}).`,
        );
      }
    });
    for (const year of yearLabels) {
      if (!costColumns.has(year))
        s.error(
          schemesBlock.header,
          0,
          `the Schemes table has no "${year} cost (£)" column; add it after the other columns.`,
        );
    }
  }

  const schemeRows = schemesBlock?.rows ?? [];
  const schemes: Scheme[] = schemeRows.map((r) => {
    const col = schemesBlock!.col;
    const ref = s.text(r, col(0));
    const inPoolText = s.text(r, col(5)).toLowerCase();
    if (![YES.toLowerCase(), NO.toLowerCase(), 'y', 'n', 'true', 'false'].includes(inPoolText)) {
      s.error(r, col(5), `"In BCF pool" for scheme ${ref} must be ${YES} or ${NO}, not "${s.text(r, col(5))}".`);
    }
    const schemeYears: Record<string, SchemeYear> = {};
    for (const [year, c] of costColumns) {
      const benefits: Record<string, Decimal> = {};
      for (const [id, bc] of benefitColumns.get(year) ?? []) {
        if (!s.isBlank(r, bc)) benefits[id] = s.amount(r, bc, `The ${year} ${id} reduction for scheme ${ref}`);
      }
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

  problems.push(...a.problems, ...s.problems, ...(inv?.problems ?? []));
  const plan: Plan = {
    board: infoValue('Health and Wellbeing Board'),
    title: infoValue('Title'),
    partners,
    years,
    unitCosts,
    schemes,
    targets,
    notes: [],
    ...readPoolSheets(snapshot, problems),
    cards: readCardBook(snapshot, problems),
    ...signOffRoles,
    ...readJointFundingInto(snapshot, problems),
  };
  const locate = (path: PlanPath): Location => {
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
  if (!problems.some((p) => p.severity === 'error')) problems.push(...checkPlan(plan, locate));
  if (problems.some((p) => p.severity === 'error')) throw new PlanError(problems);
  return { plan, problems };
}

function requireSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const sheet = findSheet(snapshot, name);
  if (!sheet) {
    throw new PlanError([
      {
        severity: 'error',
        where: { sheet: name, cell: 'A1' },
        message: `the workbook has no "${name}" sheet. Start a plan with the add-in, or rename the sheet back to "${name}" (found: ${snapshot.sheets.map((s) => s.name).join(', ') || 'no sheets'}).`,
      },
    ]);
  }
  return sheet;
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
