import { sortFindings, type Finding } from '../../domain/audit/finding';
import { SHEET } from '../layouts/names';
import { findSheet, type WorkbookSnapshot } from '../snapshot';
import { auditAddinWorkbook } from './addinAudit';
import { auditPrintedTables } from './printedTables';

export interface AuditResult {
  /** "addin" when the workbook has the add-in's Assumptions and Schemes sheets. */
  readonly kind: 'addin' | 'tables';
  readonly findings: readonly Finding[];
}

/**
 * Audits any workbook. One the add-in made is checked formula by formula and against the plan's
 * checks; every other sheet (or every sheet of any other workbook) is searched for scheme tables
 * typed in or pasted, whose rows and totals must add up.
 */
export function auditWorkbook(snapshot: WorkbookSnapshot): AuditResult {
  const isAddin = !!findSheet(snapshot, SHEET.assumptions) && !!findSheet(snapshot, SHEET.schemes);
  const findings: Finding[] = [];
  let covered = new Set<string>();
  if (isAddin) {
    const addin = auditAddinWorkbook(snapshot);
    findings.push(...addin.findings);
    covered = new Set(addin.sheets.map((s) => s.toLowerCase()));
  }
  findings.push(...auditPrintedTables(snapshot.sheets.filter((s) => !covered.has(s.name.toLowerCase()))));
  return { kind: isAddin ? 'addin' : 'tables', findings: sortFindings(findings, snapshot.sheets.map((s) => s.name)) };
}
