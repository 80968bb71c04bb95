import { RULE_TITLES, type Finding } from '../domain/audit/finding';
import { quoteSheet } from '../domain/problems';
import { plural } from '../domain/plural';
import { loadSnapshot } from '../adapters/file/workbookFile';
import { READ_LIMITS } from '../adapters/file/readLimits';
import { columnLetter } from '../workbook/a1';
import { auditWorkbook, cleanSummary } from '../workbook/audit/auditWorkbook';
import { WHAT_A_SCHEME_TABLE_HAS } from '../workbook/audit/printedTables';
import type { CliCommand } from './command';
/**
 * bcf audit: 0 when the workbook is clean, 1 with findings, 2 when the file can't be read (the
 * caller turns a FileProblem into one line on stderr), 3 when it holds nothing to check. --json prints the findings as an array of
 * {sheet, cell, rule, expected, found, message}.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit <file.xlsx> [--json]',
  summary:
    'Lists what does not add up: numbers typed over formulas, edited formulas, failed plan checks, hand-typed scheme tables. Exit 0 clean, 1 findings, 2 unreadable, 3 nothing to check (no plan, template or scheme table).',
  flags: {
    json: { type: 'boolean', help: 'print the findings as JSON: [{sheet, cell, rule, expected, found, message}]' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [file], flags }, io) {
    const snapshot = await loadSnapshot(file);
    const result = auditWorkbook(snapshot);
    const findings = result.findings;
    const checked = cleanSummary(result);
    if (flags.json) {
      io.out(
        JSON.stringify(
          findings.map(({ sheet, cell, rule, expected, found, message }) => ({
            sheet,
            cell,
            rule,
            expected,
            found,
            message,
          })),
          null,
          2,
        ),
      );
    } else if (!findings.length && checked) {
      io.out(`${file}: clean, nothing to report (${checked}).`);
    } else if (findings.length) {
      const warnings = findings.filter(isWarning).length;
      io.out(`${file}: ${plural(findings.length, 'finding')}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`);
      for (const f of findings) io.out(describeFinding(f));
    }
    for (const sheet of snapshot.sheets) {
      if (sheet.leftOut)
        io.err(
          `Note: ${sheet.leftOut.toLocaleString('en-GB')} cell${sheet.leftOut === 1 ? '' : 's'} of sheet "${sheet.name}" right of column ${columnLetter(READ_LIMITS.columns - 1)} were not read or audited.`,
        );
    }
    if (!findings.length && !checked) {
      // Not clean: nothing was checked, which a script gating on the exit code must not take for a pass.
      io.err(`bcf audit: no scheme table found in ${file}, so nothing was checked: ${WHAT_A_SCHEME_TABLE_HAS}.`);
      return NOTHING_CHECKED;
    }
    return findings.length ? 1 : 0;
  },
};

/** The exit code when the workbook has no plan, no template and no scheme table to check. */
const NOTHING_CHECKED = 3;

/** Findings that ask for a look rather than say something is wrong; like every finding, they still make the exit code 1. */
const WARNING_RULES: ReadonlySet<Finding['rule']> = new Set(['plan-warning', 'discharge-type']);
export const isWarning = (f: Finding) => WARNING_RULES.has(f.rule);

export function describeFinding(f: Finding): string {
  const figures = f.expected || f.found ? ` [expected ${f.expected || '-'}, found ${f.found || '-'}]` : '';
  return `${quoteSheet(f.sheet)}!${f.cell}  ${isWarning(f) ? 'Warning: ' : ''}${RULE_TITLES[f.rule]}: ${f.message}${figures}`;
}
