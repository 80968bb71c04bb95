import { positionOf } from '../a1';
import type { Problem } from '../problems';
import { TEMPLATE_RULE_TITLES, type TemplateRuleId } from '../templateRules';

/**
 * One thing the audit found wrong in a workbook, located by sheet and A1 cell so the task pane can
 * select it and the CLI can print it. `expected` and `found` are the figures (or formulas) as a
 * finance lead would write them; `message` says what is wrong in plain words.
 */
export interface Finding {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: FindingRule;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

export type FindingRule =
  // in a workbook the add-in made
  | 'typed-over-formula'
  | 'formula-changed'
  | 'formula-cleared'
  | 'missing-sheet'
  | 'out-of-date'
  | 'unreadable-input'
  | 'plan-warning'
  | 'check-failed'
  // in tables typed or pasted by hand
  | 'column-total'
  | 'row-total'
  | 'share-of-pool'
  | 'share-of-total'
  | 'saving'
  | 'input-figure'
  | 'pasted-lines'
  // in a BCF planning template (NHS England's, or the add-in's Income and Expenditure sheets)
  | 'subtotal'
  | 'running-balance'
  | 'required-spend'
  | TemplateRuleId;

export const RULE_TITLES: Record<FindingRule, string> = {
  'typed-over-formula': 'Number typed over a formula',
  'formula-changed': 'Formula changed by hand',
  'formula-cleared': 'Formula deleted',
  'missing-sheet': 'Sheet missing',
  'out-of-date': 'Sheet out of date: refresh',
  'unreadable-input': 'Input the plan cannot use',
  'plan-warning': 'Plan warning',
  'check-failed': 'Plan check fails',
  'column-total': 'Total does not add up',
  'row-total': 'Row total does not add up',
  'share-of-pool': '% of pool is wrong',
  'share-of-total': '% change is wrong',
  saving: 'Saving is not count × unit cost',
  'input-figure': 'Figure disagrees with its total and its row',
  'pasted-lines': 'Table pasted as lines cannot be read',
  subtotal: 'Sub-total does not add up',
  'running-balance': 'Running balance does not agree',
  'required-spend': 'Planned spend figure is wrong',
  ...TEMPLATE_RULE_TITLES,
};

/** Findings in reading order: sheet by sheet in workbook order, then row, then column. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const pos = (cell: string) => positionOf(cell) ?? { row: -1, column: -1 };
  return [...findings].sort((a, b) => {
    const s = sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet);
    if (s) return s;
    const [pa, pb] = [pos(a.cell), pos(b.cell)];
    return pa.row - pb.row || pa.column - pb.column || a.rule.localeCompare(b.rule);
  });
}

/** A problem met reading a workbook, as a finding at its cell (A1 of no sheet when it names a path only). */
export function problemFinding(p: Problem, rule: FindingRule): Finding {
  const where = 'sheet' in p.where ? p.where : { sheet: '', cell: 'A1' };
  return {
    sheet: where.sheet,
    cell: where.cell,
    rule,
    expected: '',
    found: '',
    message: p.message.charAt(0).toUpperCase() + p.message.slice(1),
  };
}
