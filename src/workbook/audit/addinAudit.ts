import type { Finding } from '../../domain/audit/finding';
import { planChecks } from '../../domain/planChecks';
import type { Plan } from '../../domain/plan';
import { PlanError, type Problem } from '../../domain/problems';
import { cellAddress, parseAddress } from '../a1';
import { SUMMARY_SHEET } from '../layouts/cardSummary';
import { checkCells } from '../layouts/checks';
import { POOL_SHEETS } from '../layouts/poolNames';
import { readPlan } from '../readers/planReader';
import type { Scalar, SheetPlan, WorkbookPlan } from '../sheetPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { workbookLayout } from '../workbookLayout';

/**
 * The audit of a workbook the add-in made: the plan is read back from its input sheets, laid out
 * again, and every formula the layout would write is compared with what is in the workbook (a
 * number typed over it, the formula edited, or the cell cleared); then the plan's checks run on
 * what people typed. Returns the sheets it accounted for, so the caller can audit the others as
 * hand-typed tables.
 */
export function auditAddinWorkbook(snapshot: WorkbookSnapshot): { findings: Finding[]; sheets: string[] } {
  let plan: Plan;
  let problems: Problem[];
  try {
    ({ plan, problems } = readPlan(snapshot));
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    const findings = e.problems.map((p) => problemFinding(p, 'unreadable-input'));
    return { findings, sheets: [] };
  }
  const findings: Finding[] = problems.map((p) => problemFinding(p, 'plan-warning'));
  const sheetsByName = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s]));
  const cardSheets: string[] = [];
  const compare = (sheetPlan: SheetPlan) => compareSheet(sheetPlan, sheetsByName.get(sheetPlan.name.toLowerCase()), findings);
  // A workbook whose cards were never created (the pane generates the tables alone) is not missing them.
  const layout = workbookLayout(plan, sheetsByName.has(SUMMARY_SHEET.toLowerCase()) ? 'all' : 'tables', {
    eachCardSheet: (sheet) => {
      compare(sheet);
      cardSheets.push(sheet.name);
    },
  });
  layout.sheets.forEach(compare);
  const checkCell = checkCells(plan);
  for (const check of planChecks(plan)) {
    if (check.passed) continue;
    const at = sourceCell(layout, checkCell.get(check.id)!);
    findings.push({ sheet: at.sheet, cell: at.cell, rule: 'check-failed', expected: check.expected, found: check.found, message: check.message });
  }
  return { findings, sheets: [...layout.sheets.map((s) => s.name), ...cardSheets] };
}

function problemFinding(p: Problem, rule: Finding['rule']): Finding {
  const where = 'sheet' in p.where ? p.where : { sheet: '', cell: 'A1' };
  return { sheet: where.sheet, cell: where.cell, rule, expected: '', found: '', message: p.message.charAt(0).toUpperCase() + p.message.slice(1) };
}

/**
 * A failed check points at the input it found wrong when its Found cell is a plain reference to
 * one (the stated rating, the stated amount at risk...), and otherwise at its status on the Checks sheet.
 */
function sourceCell(layout: WorkbookPlan, statusCell: string): { sheet: string; cell: string } {
  const checks = layout.sheets.find((s) => s.name === POOL_SHEETS.checks)!;
  const { row } = parseAddress(statusCell);
  const found = checks.rows[row]?.[3]?.formula;
  const ref = found && /^=(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))?!?\$?([A-Z]+)\$?(\d+)$/.exec(found);
  if (ref && found.includes('!')) return { sheet: (ref[1] ?? ref[2]).replace(/''/g, "'"), cell: `${ref[3]}${ref[4]}` };
  if (ref) return { sheet: POOL_SHEETS.checks, cell: `${ref[3]}${ref[4]}` };
  return { sheet: POOL_SHEETS.checks, cell: statusCell };
}

/** Formula text as Excel may save it back: no spaces, any case, _xlfn. prefixes, needless sheet quotes. */
export function normalizeFormula(formula: string): string {
  let out = '';
  let inString = false;
  for (const ch of formula.replace(/^=/, '')) {
    if (ch === '"') inString = !inString;
    out += inString || ch === '"' ? ch : /\s/.test(ch) ? '' : ch.toUpperCase();
  }
  return out.replace(/_XLFN\.|_XLWS\./g, '').replace(/'([A-Z_][A-Z0-9_.]*)'!/g, '$1!');
}

function describeValue(v: Scalar): string {
  if (v === null || v === undefined) return '(blank)';
  return typeof v === 'string' ? `"${v}"` : String(v);
}

/** Every formula the layout puts on a sheet, against what the workbook's sheet holds. */
function compareSheet(sheetPlan: SheetPlan, sheet: SheetSnapshot | undefined, findings: Finding[]): void {
  if (!sheet) {
    if (sheetPlan.rows.some((row) => row.some((c) => c?.formula))) {
      findings.push({ sheet: sheetPlan.name, cell: 'A1', rule: 'missing-sheet', expected: `the "${sheetPlan.name}" sheet`, found: '(no sheet)', message: `The "${sheetPlan.name}" sheet is missing, so its calculations are gone. Rebuild the workbook to restore it.` });
    }
    return;
  }
  const rows = sheetPlan.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell?.formula) continue;
      const finding = compareCell(sheet, r, c, cell.formula, cell.result ?? null);
      if (finding) findings.push(finding);
    }
  }
}

function compareCell(sheet: SheetSnapshot, r: number, c: number, formula: string, result: Scalar): Finding | undefined {
  const actual = sheet.formulas?.[r]?.[c] ?? null;
  if (actual === formula) return undefined;
  const value = sheet.values[r]?.[c] ?? null;
  const cell = cellAddress(r, c);
  const base = { sheet: sheet.name, cell, expected: formula };
  if (actual === null) {
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      return { ...base, rule: 'formula-cleared', found: '(blank)', message: `${cell} should be calculated by ${formula} but is empty: the formula was deleted. Restore it or rebuild the sheet.` };
    }
    return {
      ...base,
      rule: 'typed-over-formula',
      found: describeValue(value),
      message: `${cell} holds ${describeValue(value)} typed over its formula ${formula}${result !== null && result !== value ? ` (which gives ${describeValue(result)})` : ''}; the figure no longer follows the plan. Restore the formula or rebuild the sheet.`,
    };
  }
  if (normalizeFormula(actual) !== normalizeFormula(formula)) {
    return { ...base, rule: 'formula-changed', found: actual, message: `${cell}'s formula was changed by hand from ${formula} to ${actual}. Check it is intended; rebuilding the sheet restores the original.` };
  }
  return undefined;
}
