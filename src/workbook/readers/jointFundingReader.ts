import { isFinancialYearLabel } from '../../domain/financialYear';
import type { Plan } from '../../domain/plan';
import type { Problem } from '../../domain/problems';
import type { Day, IcbRule, JointFunding, JointPackage, Task } from '../../domain/jointFunding';
import { checkJointFunding, type PackageField } from '../../domain/jointFundingChecks';
import { packageFromCells, parseDay, parseMethod, type PackageCells } from '../../domain/jointFundingInput';
import type { RegisterProblem } from '../../domain/jointFundingJson';
import { Money } from '../../domain/money';
import {
  JOINT_SHEETS,
  REGISTER_COLUMNS,
  REGISTER_INPUTS,
  registerColumn,
  RULE_HEADERS,
  SETTINGS,
  TASK_HEADERS,
  TASK_KINDS,
} from '../layouts/jointFundingNames';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { CellReader, findHeaderRow, parseAmount } from './cells';

/**
 * Reads the joint-funding register back from its sheets: the packages people typed or pasted on the
 * Joint register sheet, the tasks on Joint tasks, and the as-at date, year and default rules on
 * Joint funding. A package that can't be used is a problem naming its cell and is left out; the
 * rest are returned. Undefined when the workbook has no register.
 */
export function readJointFunding(
  snapshot: WorkbookSnapshot,
): { jointFunding: JointFunding; problems: RegisterProblem[] } | undefined {
  const register = findSheet(snapshot, JOINT_SHEETS.register);
  if (!register) return undefined;
  const problems: RegisterProblem[] = [];
  const summary = findSheet(snapshot, JOINT_SHEETS.summary);
  const settings = summary ? readSettings(summary, problems) : { rules: [] };
  const tasks = readTasks(findSheet(snapshot, JOINT_SHEETS.tasks), problems);
  const r = new CellReader(register);
  const header = findHeaderRow(register, REGISTER_COLUMNS[0][1]);
  if (header < 0) {
    problems.push(
      cellProblem(
        r,
        0,
        0,
        `the ${JOINT_SHEETS.register} sheet has no header row starting "${REGISTER_COLUMNS[0][1]}"; put the header back or rebuild the sheet.`,
      ),
    );
    return { jointFunding: { ...settings, packages: [] }, problems };
  }
  const packages: JointPackage[] = [];
  const rowOf: number[] = [];
  for (let row = header + 1; row < register.values.length; row++) {
    if (REGISTER_COLUMNS.slice(0, REGISTER_INPUTS).every((_, c) => r.isBlank(row, c))) continue;
    const cells = Object.fromEntries(
      REGISTER_COLUMNS.slice(0, REGISTER_INPUTS).map(([key], c) => [key, r.at(row, c)]),
    ) as PackageCells;
    const ref = r.text(row, registerColumn('ref'));
    const read = packageFromCells(cells, tasks.get(ref.toLowerCase()) ?? []);
    for (const issue of read.issues) problems.push(cellProblem(r, row, fieldColumn(issue.field), issue.message));
    if (read.pkg) {
      packages.push(read.pkg);
      rowOf.push(row);
    }
  }
  const jf: JointFunding = { ...settings, packages };
  const { usable, issues } = checkJointFunding(jf);
  for (const issue of issues) {
    if (issue.kind === 'package')
      problems.push(cellProblem(r, rowOf[issue.index], fieldColumn(issue.field), issue.message));
    else
      problems.push({
        severity: 'error',
        where: { sheet: JOINT_SHEETS.summary, cell: 'A1' },
        row: null,
        field: 'rules',
        message: issue.message,
      });
  }
  return { jointFunding: { ...jf, packages: usable }, problems };
}

function fieldColumn(field: PackageField): number {
  return registerColumn(field === 'tasks' ? 'method' : field);
}

function cellProblem(r: CellReader, row: number, column: number, message: string): RegisterProblem {
  return {
    severity: 'error',
    where: r.where(row, column),
    row: row + 1,
    field: REGISTER_COLUMNS[column]?.[1] ?? '',
    message,
  };
}

function readSettings(
  sheet: SheetSnapshot,
  problems: RegisterProblem[],
): { asAt?: Day; year?: string; rules: IcbRule[] } {
  const r = new CellReader(sheet);
  const out: { asAt?: Day; year?: string; rules: IcbRule[] } = { rules: [] };
  const fail = (row: number, column: number, message: string) =>
    problems.push({
      severity: 'error',
      where: r.where(row, column),
      row: row + 1,
      field: String(r.at(row, 0) ?? ''),
      message,
    });
  for (let row = 0; row < sheet.values.length; row++) {
    const label = r.text(row, 0);
    if (label === SETTINGS.asAt) {
      const day = parseDay(r.at(row, 1));
      if (day === undefined) fail(row, 1, `the as-at date "${r.text(row, 1)}" isn't a date; write it as dd/mm/yyyy.`);
      else out.asAt = day;
    } else if (label === SETTINGS.year) {
      if (isFinancialYearLabel(r.text(row, 1))) out.year = r.text(row, 1);
      else fail(row, 1, `"${r.text(row, 1)}" isn't a financial year; write it as 2023/24.`);
    }
  }
  const header = findHeaderRow(sheet, RULE_HEADERS[0]);
  for (let row = header + 1; header >= 0 && row < sheet.values.length && !r.isBlank(row, 0); row++) {
    const method = parseMethod(r.at(row, 1));
    const percent = parseAmount(r.at(row, 2));
    if ('error' in method || (method.method !== 'equal' && method.method !== 'fixed'))
      fail(row, 1, `a default rule is "Equal 50:50" or "Fixed share", not "${r.text(row, 1)}".`);
    else if (method.method === 'fixed' && (percent === undefined || r.isBlank(row, 2)))
      fail(
        row,
        2,
        `the default rule for ${r.text(row, 0)} is a fixed share but its ICB share (%) is blank or not a number.`,
      );
    else
      out.rules.push({
        icb: r.text(row, 0),
        method: method.method,
        icbPercent: method.method === 'equal' ? new Money(50) : (method.icbPercent ?? percent!),
      });
  }
  return out;
}

function readTasks(sheet: SheetSnapshot | undefined, problems: RegisterProblem[]): Map<string, Task[]> {
  const byRef = new Map<string, Task[]>();
  if (!sheet) return byRef;
  const r = new CellReader(sheet);
  const header = findHeaderRow(sheet, TASK_HEADERS[0]);
  for (let row = header + 1; header >= 0 && row < sheet.values.length; row++) {
    if ([0, 1, 2, 3].every((c) => r.isBlank(row, c))) continue;
    const minutes = parseAmount(r.at(row, 2));
    const kind = r.text(row, 3).toLowerCase();
    const health = kind.startsWith('h') ? true : kind.startsWith('s') ? false : undefined;
    const fail = (column: number, message: string) =>
      problems.push({
        severity: 'error',
        where: r.where(row, column),
        row: row + 1,
        field: TASK_HEADERS[column],
        message,
      });
    if (minutes === undefined || r.isBlank(row, 2))
      fail(2, `the minutes "${r.text(row, 2)}" aren't a number of minutes a week.`);
    else if (health === undefined)
      fail(3, `a task is "${TASK_KINDS.health}" or "${TASK_KINDS.social}", not "${r.text(row, 3)}".`);
    else {
      const key = r.text(row, 0).toLowerCase();
      byRef.set(key, [...(byRef.get(key) ?? []), { task: r.text(row, 1), minutes, health }]);
    }
  }
  return byRef;
}

/** For reading a whole plan: the register, with its problems added to the plan's (so errors stop a build). */
export function readJointFundingInto(snapshot: WorkbookSnapshot, problems: Problem[]): Pick<Plan, 'jointFunding'> {
  const read = readJointFunding(snapshot);
  if (!read) return {};
  problems.push(...read.problems);
  return { jointFunding: read.jointFunding };
}
