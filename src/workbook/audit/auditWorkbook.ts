import { sortFindings, type Finding } from '../../domain/audit/finding';
import { cardSheetName } from '../../domain/benefitCard';
import { UNIT_COST_NAME_PREFIX } from '../../domain/plan';
import { SUMMARY_SHEET } from '../families/cards/cardSummary';
import { SHEET } from '../families/assumptions/names';
import { JOINT_SHEETS } from '../families/jointFunding/names';
import { TEMPLATE_SHEETS } from '../families/template/names';
import { POOL_SHEETS } from '../families/pool/names';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { auditTemplate } from '../template/templateAudit';
import { auditAddinWorkbook } from './addinAudit';
import { plural } from '../../domain/plural';
import { auditPrintedTables } from './printedTables';

export interface AuditResult {
  /** "addin" when the workbook has the add-in's Assumptions and Schemes sheets; "template" for NHS England's planning template. */
  readonly kind: 'addin' | 'tables' | 'template';
  readonly findings: readonly Finding[];
  /** The typed or pasted scheme tables found and checked, besides the add-in's own sheets or the template. */
  readonly tables: number;
}

/**
 * Audits any workbook. One the add-in made is checked formula by formula and against the plan's
 * checks; every other sheet (or every sheet of any other workbook) is searched for scheme tables
 * typed in or pasted, whose rows and totals must add up.
 */
export function auditWorkbook(snapshot: WorkbookSnapshot): AuditResult {
  const isAddin = !!findSheet(snapshot, SHEET.assumptions) && !!findSheet(snapshot, SHEET.schemes);
  const findings: Finding[] = isAddin ? [] : missingInputSheets(snapshot);
  let covered = new Set<string>();
  if (isAddin) {
    const addin = auditAddinWorkbook(snapshot);
    findings.push(...addin.findings);
    // A plan that can't be read can't be laid out again: its tables are still the add-in's, and
    // auditing them as typed tables would report every figure that depends on the bad input.
    const made = addin.sheets.length ? addin.sheets : snapshot.sheets.map((s) => s.name).filter(isAddinSheet);
    covered = new Set(made.map((s) => s.toLowerCase()));
  }
  const template = isAddin ? undefined : auditTemplate(snapshot);
  if (template) {
    findings.push(...template.findings);
    covered = new Set(template.sheets.map((s) => s.toLowerCase()));
  }
  const typed = auditPrintedTables(snapshot.sheets.filter((s) => !covered.has(s.name.toLowerCase())));
  findings.push(...typed.findings);
  return {
    kind: isAddin ? 'addin' : template ? 'template' : 'tables',
    tables: typed.tables,
    findings: sortFindings(
      findings,
      snapshot.sheets.map((s) => s.name),
    ),
  };
}

/**
 * What an audit with nothing to report checked, as the CLI and the pane say it; undefined when it
 * checked nothing at all (no plan, no template and no scheme table), which is not a clean workbook.
 */
export function cleanSummary(result: AuditResult): string | undefined {
  const others = result.tables
    ? `, and ${plural(result.tables, 'other scheme table')} ${result.tables === 1 ? 'adds' : 'add'} up`
    : '';
  if (result.kind === 'addin') return `formulas as built, every plan check passes${others}`;
  if (result.kind === 'template') return `the planning template's totals, balances and rules all hold${others}`;
  return result.tables ? `every scheme table found adds up: ${plural(result.tables, 'table')}` : undefined;
}

/** The add-in's own sheets besides its inputs; two of them, or a formula using its named unit costs, mark a workbook it made. */
const ADDIN_SHEETS = [SHEET.investments, POOL_SHEETS.pool, POOL_SHEETS.checks, POOL_SHEETS.risks, SUMMARY_SHEET].map(
  (n) => n.toLowerCase(),
);
const YEAR_SHEET = /^BCF \d{4}-\d{2}$/;
/** Every sheet the add-in writes, whatever the plan: its inputs, its tables and its families' sheets. */
const MADE_SHEETS = new Set(
  [
    ...ADDIN_SHEETS,
    SHEET.assumptions,
    SHEET.schemes,
    ...Object.values(JOINT_SHEETS),
    ...Object.values(TEMPLATE_SHEETS),
  ].map((n) => n.toLowerCase()),
);

function isAddinSheet(name: string): boolean {
  return MADE_SHEETS.has(name.toLowerCase()) || YEAR_SHEET.test(name) || name.startsWith(cardSheetName(''));
}

/**
 * A workbook the add-in made whose Assumptions or Schemes sheet was renamed or deleted: without
 * them nothing can be checked against the plan, which must be said rather than reported "clean".
 */
function missingInputSheets(snapshot: WorkbookSnapshot): Finding[] {
  const names = snapshot.sheets.map((s) => s.name);
  const addinSheets = names.filter((n) => ADDIN_SHEETS.includes(n.toLowerCase()) || YEAR_SHEET.test(n));
  const usesUnitCosts = snapshot.sheets.find((s) =>
    s.formulas?.some((row) => row?.some((f) => typeof f === 'string' && f.includes(UNIT_COST_NAME_PREFIX))),
  );
  if (addinSheets.length < 2 && !usesUnitCosts) return [];
  const evidence = usesUnitCosts
    ? `its "${usesUnitCosts.name}" sheet uses the add-in's named unit costs`
    : `it has the add-in's ${addinSheets
        .slice(0, 3)
        .map((n) => `"${n}"`)
        .join(', ')} sheets`;
  return [SHEET.assumptions, SHEET.schemes]
    .filter((required) => !findSheet(snapshot, required))
    .map((required) => ({
      sheet: required,
      cell: 'A1',
      rule: 'missing-sheet',
      expected: `a sheet named "${required}"`,
      found: '(no sheet)',
      message: `The "${required}" sheet is missing: the add-in made this workbook (${evidence}), but no sheet is named "${required}", so its figures can't be checked against the plan. If the sheet was renamed, name it "${required}" again; if it was deleted, rebuild the workbook from the plan.`,
    }));
}
