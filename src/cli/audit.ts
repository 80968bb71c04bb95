import { RULE_TITLES, type Finding } from '../domain/audit/finding';
import { quoteSheet } from '../domain/problems';
import { loadSnapshot } from '../adapters/file/planFiles';
import { READ_LIMITS } from '../adapters/file/readLimits';
import { columnLetter } from '../workbook/a1';
import { auditWorkbook } from '../workbook/audit/auditWorkbook';
import type { CliCommand } from './command';
/**
 * bcf audit: 0 when the workbook is clean, 1 with findings, 2 when the file can't be read (the
 * caller turns a FileProblem into one line on stderr). --json prints the findings as an array of
 * {sheet, cell, rule, expected, found, message}.
 */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit <file.xlsx> [--json]',
  summary:
    'Lists what does not add up: numbers typed over formulas, edited formulas, failed plan checks, hand-typed scheme tables. Exit 0 clean, 1 findings, 2 unreadable.',
  flags: {
    json: { type: 'boolean', help: 'print the findings as JSON: [{sheet, cell, rule, expected, found, message}]' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [file], flags }, io) {
    const snapshot = await loadSnapshot(file);
    const result = auditWorkbook(snapshot);
    const findings = result.findings;
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
    } else if (!findings.length) {
      io.out(
        `${file}: clean, nothing to report (${result.kind === 'addin' ? 'formulas as built, every plan check passes' : 'every table found adds up'}).`,
      );
    } else {
      io.out(`${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
      for (const f of findings) io.out(describeFinding(f));
    }
    for (const sheet of snapshot.sheets) {
      if (sheet.leftOut)
        io.err(
          `Note: ${sheet.leftOut.toLocaleString('en-GB')} cell${sheet.leftOut === 1 ? '' : 's'} of sheet "${sheet.name}" right of column ${columnLetter(READ_LIMITS.columns - 1)} were not read or audited.`,
        );
    }
    return findings.length ? 1 : 0;
  },
};

export function describeFinding(f: Finding): string {
  const figures = f.expected || f.found ? ` [expected ${f.expected || '-'}, found ${f.found || '-'}]` : '';
  return `${quoteSheet(f.sheet)}!${f.cell}  ${RULE_TITLES[f.rule]}: ${f.message}${figures}`;
}
