import type { Plan } from '../../domain/plan';
import { checkPlan } from '../../domain/planRules';
import { PlanError, type Problem } from '../../domain/problems';
import { SHEET } from './assumptions/names';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { readCardBook } from './cards/reader';
import { BLOCKS, SHEET_SPECS } from './shared/blocks';
import { locateBlock } from './shared/blockLocator';
import { CellReader } from './shared/cells';
import { readPoolSheets } from './pool/reader';
import { readJointFundingInto } from './jointFunding/reader';
import { readTemplate } from './template/reader';
import {
  planLocator,
  readAssumptionTables,
  readInvestmentsInto,
  readSchemeColumns,
  readSchemes,
} from './assumptions/reader';

/**
 * Reads the plan back from every family's sheets (each family's reader), so whatever a
 * commissioner or finance lead typed there is the plan. Problems name the sheet and cell; errors throw a PlanError
 * carrying all of them, warnings come back with the plan.
 */
export function readPlan(snapshot: WorkbookSnapshot): { plan: Plan; problems: Problem[] } {
  const problems: Problem[] = [];
  const assumptions = requireSheet(snapshot, SHEET.assumptions);
  const schemesSheet = requireSheet(snapshot, SHEET.schemes);
  const a = new CellReader(assumptions);
  const tables = readAssumptionTables(a);

  const s = new CellReader(schemesSheet);
  const schemesBlock = locateBlock(s, SHEET_SPECS.schemes, BLOCKS.schemes);
  const columns = readSchemeColumns(s, schemesBlock, tables);
  const schemeRows = schemesBlock?.rows ?? [];
  const schemes = readSchemes(s, schemesBlock, columns);
  const inv = readInvestmentsInto(snapshot, schemes);

  problems.push(...a.problems, ...s.problems, ...(inv?.problems ?? []));
  const plan: Plan = {
    board: tables.infoValue('Health and Wellbeing Board'),
    title: tables.infoValue('Title'),
    partners: tables.partners,
    years: tables.years,
    unitCosts: tables.unitCosts,
    schemes,
    targets: tables.targets,
    notes: [],
    ...readPoolSheets(snapshot, problems),
    cards: readCardBook(snapshot, problems),
    ...tables.signOffRoles,
    ...readJointFundingInto(snapshot, problems),
    ...readTemplate(
      snapshot,
      tables.years.map((y) => y.label),
      problems,
    ),
  };
  const locate = planLocator(a, s, tables, schemesBlock, schemeRows, columns);
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
