import { problemFinding, type Finding } from '../../domain/audit/finding';
import { planChecks } from '../../domain/planChecks';
import type { Plan } from '../../domain/plan';
import { PlanError, quoteSheet, type Problem } from '../../domain/problems';
import { cellAddress, parseAddress } from '../a1';
import { schemesGeometry } from '../families/assumptions/schemesLayout';
import { benefitCardsLayout } from '../families/cards/benefitCards';
import { SUMMARY_SHEET } from '../families/cards/cardSummary';
import { checkCells } from '../families/checks/checksLayout';
import { POOL_SHEETS } from '../families/pool/names';
import { readPlan } from '../families/planReader';
import type { Scalar, SheetPlan, WorkbookPlan } from '../sheetPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { workbookLayout } from '../workbookLayout';
import { growingRows } from './roomToGrow';
import { yearSheetName } from '../families/assumptions/names';
import { yearSheetLayout } from '../families/yearTables/yearTableLayout';
import { failedTemplateRules } from '../../domain/templateRules';
import { templateRuleCell } from '../families/template/templateCells';

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
  const { compared, layout, sheets } = compareLayout(plan, snapshot);
  findings.push(...resolveOutOfDate(compared));
  const checks = planChecks(plan);
  const checkCell = checkCells(plan, checks);
  for (const check of checks) {
    if (check.passed) continue;
    const at = sourceCell(layout, checkCell.get(check.id)!);
    findings.push({
      sheet: at.sheet,
      cell: at.cell,
      rule: 'check-failed',
      expected: check.expected,
      found: check.found,
      message: check.message,
    });
  }
  findings.push(...templateFindings(plan));
  return { findings, sheets };
}

/**
 * Every sheet the plan lays out against the workbook's: the card sheets one by one as they are laid
 * out (a thousand are never held at once), then the inputs and tables, then the cards' summary.
 */
function compareLayout(
  plan: Plan,
  snapshot: WorkbookSnapshot,
): { compared: SheetComparison[]; layout: WorkbookPlan; sheets: string[] } {
  const sheetsByName = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s]));
  const compared: SheetComparison[] = [];
  const compare = (sheetPlan: SheetPlan) =>
    compared.push(compareSheet(sheetPlan, sheetsByName.get(sheetPlan.name.toLowerCase())));
  const today = plan.jointFunding?.asAt ?? 0; // formulas compared are the same whatever day a dateless register is for
  const cardSheets: string[] = [];
  // A workbook whose cards were never created (the pane generates the tables alone) is not missing
  // them. The cards are laid out for their formulas alone: their figures, most of the work, show
  // only in a finding's message, and are worked out (compareWithFigures) for the few sheets whose
  // findings need them. And before the tables: laid out while the tables are held, their cells
  // outlive the collector's young generation (1,000 cards: 55 MB promoted and 230 ms of pauses, against 8 MB and 80 ms).
  const cards = sheetsByName.has(SUMMARY_SHEET.toLowerCase())
    ? workbookLayout(plan, 'cards', {
        today,
        cardFormulasOnly: true,
        eachCardSheet: (sheet) => {
          compare(sheet);
          cardSheets.push(sheet.name);
        },
      })
    : undefined;
  // The year sheets likewise: their figures are a decimal.js table per year, which nothing compared needs.
  const layout = workbookLayout(plan, 'tables', { today, tableFormulasOnly: true });
  const summary = cards?.sheets.filter((s) => s.name === SUMMARY_SHEET) ?? [];
  [...layout.sheets, ...summary].forEach(compare);
  const yearSheets = plan.years.map((y) => yearSheetName(y.label));
  compareWithFigures(plan, today, compared, sheetsByName, new Set([...cardSheets, SUMMARY_SHEET, ...yearSheets]));
  return { compared, layout, sheets: [...layout.sheets, ...summary].map((s) => s.name).concat(cardSheets) };
}

/**
 * A number typed over a formula is reported with the figure the formula gives, which a sheet laid
 * out for its formulas alone doesn't have: the year and card sheets with such a finding are laid
 * out again with their figures (every card when it is the summary, which adds them all up) and
 * compared again in place.
 */
function compareWithFigures(
  plan: Plan,
  today: number,
  compared: SheetComparison[],
  sheetsByName: ReadonlyMap<string, SheetSnapshot>,
  withoutFigures: ReadonlySet<string>,
): void {
  const yearSheets = new Set(plan.years.map((y) => yearSheetName(y.label)));
  const needs = new Map<string, number>();
  compared.forEach((c, i) => {
    if (withoutFigures.has(c.sheet) && c.differences.some((d) => d.finding.rule === 'typed-over-formula'))
      needs.set(c.sheet, i);
  });
  if (!needs.size) return;
  const again = (sheetPlan: SheetPlan) => {
    const i = needs.get(sheetPlan.name);
    if (i !== undefined) compared[i] = compareSheet(sheetPlan, sheetsByName.get(sheetPlan.name.toLowerCase()));
  };
  const schemes = schemesGeometry(plan);
  for (const { label } of plan.years) if (needs.has(yearSheetName(label))) again(yearSheetLayout(plan, label, schemes));
  if (needs.has(SUMMARY_SHEET)) workbookLayout(plan, 'cards', { today, eachCardSheet: again }).sheets.forEach(again);
  else if ([...needs.keys()].some((sheet) => !yearSheets.has(sheet)))
    benefitCardsLayout(plan, schemes, { eachSheet: again, only: (sheet) => needs.has(sheet) });
}

/** A failed template rule at the cell it concerns on the Income or Expenditure sheet. */
function templateFindings(plan: Plan): Finding[] {
  return failedTemplateRules(plan).flatMap((r): Finding[] => {
    const at = templateRuleCell(plan, r.subject);
    return at ? [{ ...at, rule: r.rule, expected: r.expected, found: r.found, message: r.message }] : [];
  });
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

interface SheetComparison {
  readonly sheet: string;
  /** Where the sheet's rows no longer match the plan's layout: rows were added to its inputs since it was written. */
  readonly outOfDate?: Finding;
  /** Each formula that differs, with the formula the layout expects there. */
  readonly differences: readonly { readonly finding: Finding; readonly expected: string }[];
}

/** The styles of the labels that place a sheet's rows (headers, totals, group and row labels): where they moved, the sheet is for other inputs. */
const PLACING_STYLES = new Set<string | undefined>([undefined, 'header', 'subtitle', 'group', 'total']);

/** Every formula the layout puts on a sheet, against what the workbook's sheet holds. */
function compareSheet(sheetPlan: SheetPlan, sheet: SheetSnapshot | undefined): SheetComparison {
  if (!sheet) {
    const missing: Finding = {
      sheet: sheetPlan.name,
      cell: 'A1',
      rule: 'missing-sheet',
      expected: `the "${sheetPlan.name}" sheet`,
      found: '(no sheet)',
      message: `The "${sheetPlan.name}" sheet is missing, so its calculations are gone. Rebuild the workbook to restore it.`,
    };
    return {
      sheet: sheetPlan.name,
      differences: sheetPlan.rows.some((row) => row.some((c) => c?.formula))
        ? [{ finding: missing, expected: '' }]
        : [],
    };
  }
  const rows = sheetPlan.rows;
  const growing = growingRows(sheet, sheetPlan.name);
  const differences: { finding: Finding; expected: string }[] = [];
  let outOfDate: Finding | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const found = sheet.formulas?.[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      // A label where it was laid out is the common case: one comparison before any trimming.
      const label = cell.value;
      if (!outOfDate && typeof label === 'string' && sheet.values[r]?.[c] !== label) {
        if (label.trim() && PLACING_STYLES.has(cell.style)) outOfDate = movedLabel(sheet, r, c, label);
      }
      // Most formulas are as built: one comparison, without the allocations of a finding.
      if (!cell.formula || found?.[c] === cell.formula) continue;
      const finding = compareCell(sheet, r, c, cell.formula, cell.result ?? null);
      if (finding?.rule === 'formula-cleared' && growing.isSpare(r)) continue;
      if (finding?.rule === 'formula-cleared' && growing.isTyped(r) && !rowHasFormulas(sheet, r))
        outOfDate ??= addedRow(sheet.name, r);
      else if (finding) differences.push({ finding, expected: cell.formula });
    }
  }
  return { sheet: sheetPlan.name, outOfDate, differences };
}

function rowHasFormulas(sheet: SheetSnapshot, r: number): boolean {
  return (sheet.formulas?.[r] ?? []).some((f) => f !== null && f !== undefined);
}

/** A row typed into a block where the layout calculates cells beside the typed ones, with none of them there yet. */
function addedRow(sheet: string, r: number): Finding {
  return {
    sheet,
    cell: cellAddress(r, 0),
    rule: 'out-of-date',
    expected: '',
    found: '',
    message: `Row ${r + 1} of the ${sheet} sheet was added (typed, pasted or inserted) where the sheet has no calculations yet, so its figures are not in the totals. Refresh (Generate tables) to calculate it; what was typed is kept.`,
  };
}

/** A label of the layout that is not where the workbook has it. */
function movedLabel(sheet: SheetSnapshot, r: number, c: number, label: string): Finding | undefined {
  const found = sheet.values[r]?.[c];
  if (found === label) return undefined;
  if (typeof found === 'string' && found.trim().toLowerCase() === label.trim().toLowerCase()) return undefined;
  const cell = cellAddress(r, c);
  return {
    sheet: sheet.name,
    cell,
    rule: 'out-of-date',
    expected: `"${label}"`,
    found: describeValue(found ?? null),
    message: `The ${sheet.name} sheet was laid out for other inputs than the plan now holds (rows were added or removed on an input sheet since it was written): ${cell} should read "${label}". Refresh (Generate tables, or refresh the cards) to lay it out again; the audit then checks each formula.`,
  };
}

/**
 * One "out of date" finding for each sheet laid out for other inputs, and for each sheet whose
 * differing formulas point into such a sheet (their rows moved with it); every other difference as found.
 */
function resolveOutOfDate(compared: readonly SheetComparison[]): Finding[] {
  const stale = compared.filter((c) => c.outOfDate);
  const staleRefs = stale.map((c) => `${quoteSheet(c.sheet)}!`.toUpperCase());
  const out: Finding[] = [];
  for (const c of compared) {
    if (c.outOfDate) {
      out.push(c.outOfDate);
      continue;
    }
    const moved = c.differences.find((d) => staleRefs.some((ref) => d.expected.toUpperCase().includes(ref)));
    if (moved) {
      const sheets = stale
        .filter((s) => moved.expected.toUpperCase().includes(`${quoteSheet(s.sheet)}!`.toUpperCase()))
        .map((s) => s.sheet);
      out.push({
        ...moved.finding,
        rule: 'out-of-date',
        message: `${c.sheet}'s formulas point at rows of ${sheets.join(', ')}, which is out of date with its inputs. Refresh to lay the workbook out again; the audit then checks each formula.`,
      });
      continue;
    }
    out.push(...c.differences.map((d) => d.finding));
  }
  return out;
}

function compareCell(sheet: SheetSnapshot, r: number, c: number, formula: string, result: Scalar): Finding | undefined {
  const actual = sheet.formulas?.[r]?.[c] ?? null;
  if (actual === formula) return undefined;
  const value = sheet.values[r]?.[c] ?? null;
  const cell = cellAddress(r, c);
  const base = { sheet: sheet.name, cell, expected: formula };
  if (actual === null) {
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      return {
        ...base,
        rule: 'formula-cleared',
        found: '(blank)',
        message: `${cell} should be calculated by ${formula} but is empty: the formula was deleted. Restore it or rebuild the sheet.`,
      };
    }
    return {
      ...base,
      rule: 'typed-over-formula',
      found: describeValue(value),
      message: `${cell} holds ${describeValue(value)} typed over its formula ${formula}${result !== null && result !== value ? ` (which gives ${describeValue(result)})` : ''}; the figure no longer follows the plan. Restore the formula or rebuild the sheet.`,
    };
  }
  if (normalizeFormula(actual) !== normalizeFormula(formula)) {
    return {
      ...base,
      rule: 'formula-changed',
      found: actual,
      message: `${cell}'s formula was changed by hand from ${formula} to ${actual}. Check it is intended; rebuilding the sheet restores the original.`,
    };
  }
  return undefined;
}
