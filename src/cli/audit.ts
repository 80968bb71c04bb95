import { RULE_TITLES, type Finding } from '../domain/audit/finding';
import { quoteSheet } from '../domain/problems';
import { loadSnapshot } from '../adapters/file/planFiles';
import { auditWorkbook } from '../workbook/audit/auditWorkbook';
import type { Io } from './main';


/**
 * bcf audit: 0 when the workbook is clean, 1 with findings, 2 when the file can't be read (the
 * caller turns a FileProblem into one line on stderr). --json prints the findings as an array of
 * {sheet, cell, rule, expected, found, message}.
 */
export async function audit(args: readonly string[], io: Io): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length !== 1) {
    io.err('bcf audit: give one workbook, e.g. bcf audit out/barnet-2014-16.xlsx [--json]');
    return 64;
  }
  const snapshot = await loadSnapshot(files[0]);
  const result = auditWorkbook(snapshot);
  const findings = result.findings;
  if (json) {
    io.out(JSON.stringify(findings.map(({ sheet, cell, rule, expected, found, message }) => ({ sheet, cell, rule, expected, found, message })), null, 2));
  } else if (!findings.length) {
    io.out(`${files[0]}: clean, nothing to report (${result.kind === 'addin' ? 'formulas as built, every plan check passes' : 'every table found adds up'}).`);
  } else {
    io.out(`${files[0]}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
    for (const f of findings) io.out(describeFinding(f));
  }
  return findings.length ? 1 : 0;
}

export function describeFinding(f: Finding): string {
  const figures = f.expected || f.found ? ` [expected ${f.expected || '-'}, found ${f.found || '-'}]` : '';
  return `${quoteSheet(f.sheet)}!${f.cell}  ${RULE_TITLES[f.rule]}: ${f.message}${figures}`;
}
