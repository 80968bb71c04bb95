import type { Finding } from '../../domain/audit/finding';
import { failedTemplateRules, type TemplateRule } from '../../domain/templateRules';
import type { Plan } from '../../domain/plan';
import { cellAddress } from '../a1';
import type { LocatedTemplate } from './locateTemplate';

/**
 * The template's own rules (templateRules.ts) that the plan read from it fails, each at the cell a
 * person changes: an overspent source at its Balance in the Running Balances (else its income),
 * a joint line's % NHS, a Scheme ID used twice at the second line, a required spend at its
 * Planned Spend, a discharge-funded line's Scheme Type.
 */
export function templateRuleFindings(t: LocatedTemplate, plan: Plan): Finding[] {
  return failedTemplateRules(plan).flatMap((rule): Finding[] => {
    const where = cellOf(t, rule);
    if (!where) return [];
    return [{ ...where, rule: rule.rule, expected: rule.expected, found: rule.found, message: rule.message }];
  });
}

function cellOf(t: LocatedTemplate, rule: TemplateRule): { sheet: string; cell: string } | undefined {
  const s = rule.subject;
  const header = { sheet: t.lines.sheet, cell: cellAddress(t.lines.header.row, t.lines.header.columns[0]?.index ?? 0) };
  if (s.kind === 'source') {
    const balance = t.blocks.balances.find((b) => b.source === s.source && b.year === s.year && b.kind === 'balance');
    if (balance) return { sheet: balance.figure.sheet, cell: balance.figure.cell };
    const income = t.income?.rows.find((r) => r.source === s.source && r.cells[s.year]);
    if (income) return { sheet: t.income!.sheet, cell: income.cells[s.year] };
    const line = t.lines.lines.find((l) => l.line.source === s.source);
    return line?.cells.source ? { sheet: t.lines.sheet, cell: line.cells.source } : header;
  }
  if (s.kind === 'line') {
    const line = t.lines.lines[s.index];
    const field = s.field === 'nhsPercent' ? (line.cells.nhsPercent ?? line.cells.commissioner) : line.cells[s.field];
    return { sheet: t.lines.sheet, cell: field ?? cellAddress(line.row, 0) };
  }
  if (s.kind === 'required') {
    const planned = t.blocks.required.find((r) => r.spend === s.spend && r.year === s.year && r.kind === 'planned');
    return planned ? { sheet: planned.figure.sheet, cell: planned.figure.cell } : undefined;
  }
  const income = t.income?.rows.find((r) => r.source === 'nhsMinimum' && r.cells[s.year]);
  return income ? { sheet: t.income!.sheet, cell: income.cells[s.year] } : header;
}
