import { isFinancialYearLabel } from '../../../domain/financialYear';
import type { Plan } from '../../../domain/plan';
import type { Problem } from '../../../domain/problems';
import type { Day, IcbRule, JointFunding, JointPackage, Task } from '../../../domain/jointFunding';
import { checkJointFunding, type PackageField } from '../../../domain/jointFundingChecks';
import { packageFromCells, parseDay, parseMethod, type PackageCells } from '../../../domain/jointFundingInput';
import type { RegisterProblem } from '../../../domain/jointFundingJson';
import { Money } from '../../../domain/money';
import { BLOCKS, SHEET_SPECS, type BlockSpec, type SheetSpec } from '../shared/blocks';
import {
  JOINT_SHEETS,
  REGISTER_COLUMNS,
  REGISTER_INPUTS,
  registerColumn,
  SETTINGS,
  TASK_HEADERS,
  TASK_KINDS,
} from './names';
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from '../../snapshot';
import { locateBlock, type Block } from '../shared/blockLocator';
import { CellReader, parseAmount } from '../shared/cells';

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
  const block = locate(r, SHEET_SPECS.jointRegister, BLOCKS.jointRegister, problems);
  if (!block) return { jointFunding: { ...settings, packages: [] }, problems };
  const packages: JointPackage[] = [];
  const rowOf: number[] = [];
  const inputs = REGISTER_COLUMNS.slice(0, REGISTER_INPUTS);
  for (const row of block.rows) {
    const cells = Object.fromEntries(inputs.map(([key], c) => [key, r.at(row, block.col(c))])) as PackageCells;
    const ref = r.text(row, block.col(registerColumn('ref')));
    const read = packageFromCells(cells, tasks.get(ref.toLowerCase()) ?? []);
    for (const issue of read.issues) problems.push(cellProblem(r, row, block, fieldColumn(issue.field), issue.message));
    if (read.pkg) {
      packages.push(read.pkg);
      rowOf.push(row);
    }
  }
  const jf: JointFunding = { ...settings, packages };
  const { usable, issues } = checkJointFunding(jf);
  for (const issue of issues) {
    if (issue.kind === 'package')
      problems.push({
        ...cellProblem(r, rowOf[issue.index], block, fieldColumn(issue.field), issue.message),
        severity: issue.severity ?? 'error',
      });
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

/**
 * A block of the joint-funding sheets, found as every sheet's blocks are (shared/blockLocator.ts),
 * with a missing header or column reported as a register problem.
 */
function locate(
  r: CellReader,
  sheet: SheetSpec,
  spec: BlockSpec,
  problems: RegisterProblem[],
  optional = false,
): Block | undefined {
  const block = locateBlock(r, sheet, spec, { optional });
  for (const p of r.problems.splice(0)) problems.push({ ...p, row: null, field: spec.headers[0] });
  return block;
}

function fieldColumn(field: PackageField): number {
  return registerColumn(field === 'tasks' ? 'method' : field);
}

/** A problem with the register's `index`-th column (REGISTER_COLUMNS) on a row, at the cell where the sheet has that column. */
function cellProblem(r: CellReader, row: number, block: Block, index: number, message: string): RegisterProblem {
  return {
    severity: 'error',
    where: r.where(row, block.col(index)),
    row: row + 1,
    field: REGISTER_COLUMNS[index][1],
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
  const settings = locate(r, SHEET_SPECS.jointSummary, BLOCKS.jointSettings, problems, true);
  for (const row of settings?.rows ?? []) {
    const [label, value] = [settings!.col(0), settings!.col(1)];
    if (r.text(row, label) === SETTINGS.asAt) {
      const day = parseDay(r.at(row, value));
      if (day === undefined)
        fail(row, value, `the as-at date "${r.text(row, value)}" isn't a date; write it as dd/mm/yyyy.`);
      else out.asAt = day;
    } else if (r.text(row, label) === SETTINGS.year) {
      if (isFinancialYearLabel(r.text(row, value))) out.year = r.text(row, value);
      else fail(row, value, `"${r.text(row, value)}" isn't a financial year; write it as 2023/24.`);
    }
  }
  const rules = locate(r, SHEET_SPECS.jointSummary, BLOCKS.jointRules, problems, true);
  for (const row of rules?.rows ?? []) {
    const rule = readRule(
      r,
      row,
      [0, 1, 2].map((i) => rules!.col(i)),
      fail,
    );
    if (rule) out.rules.push(rule);
  }
  return out;
}

/** A default rule's row: its ICB, "Equal 50:50" or "Fixed share", and the share for a fixed one. */
function readRule(
  r: CellReader,
  row: number,
  [icb, split, share]: number[],
  fail: (row: number, column: number, message: string) => void,
): IcbRule | undefined {
  const method = parseMethod(r.at(row, split));
  const percent = parseAmount(r.at(row, share));
  if ('error' in method || (method.method !== 'equal' && method.method !== 'fixed'))
    fail(row, split, `a default rule is "Equal 50:50" or "Fixed share", not "${r.text(row, split)}".`);
  else if (method.method === 'fixed' && (percent === undefined || r.isBlank(row, share)))
    fail(
      row,
      share,
      `the default rule for ${r.text(row, icb)} is a fixed share but its ICB share (%) is blank or not a number.`,
    );
  else
    return {
      icb: r.text(row, icb),
      method: method.method,
      icbPercent: method.method === 'equal' ? new Money(50) : (method.icbPercent ?? percent!),
    };
  return undefined;
}

function readTasks(sheet: SheetSnapshot | undefined, problems: RegisterProblem[]): Map<string, Task[]> {
  const byRef = new Map<string, Task[]>();
  if (!sheet) return byRef;
  const r = new CellReader(sheet);
  const block = locate(r, SHEET_SPECS.jointTasks, BLOCKS.jointTasks, problems, true);
  if (!block) return byRef;
  const [refC, taskC, minutesC, kindC] = TASK_HEADERS.map((_, i) => block.col(i));
  for (const row of block.rows) {
    const minutes = parseAmount(r.at(row, minutesC));
    const kind = r.text(row, kindC).toLowerCase();
    const health = kind.startsWith('h') ? true : kind.startsWith('s') ? false : undefined;
    const fail = (column: number, message: string) =>
      problems.push({
        severity: 'error',
        where: r.where(row, column),
        row: row + 1,
        field: TASK_HEADERS[column === minutesC ? 2 : 3],
        message,
      });
    if (minutes === undefined || r.isBlank(row, minutesC))
      fail(minutesC, `the minutes "${r.text(row, minutesC)}" aren't a number of minutes a week.`);
    else if (health === undefined)
      fail(kindC, `a task is "${TASK_KINDS.health}" or "${TASK_KINDS.social}", not "${r.text(row, kindC)}".`);
    else {
      const key = r.text(row, refC).toLowerCase();
      byRef.set(key, [...(byRef.get(key) ?? []), { task: r.text(row, taskC), minutes, health }]);
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
