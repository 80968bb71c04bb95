import { healthMinutes, type JointFunding, type JointPackage } from '../../domain/jointFunding';
import type { JointSummary } from '../../domain/jointFundingSummary';
import { columnLetter, sheetRef } from '../a1';
import { formula, num, text } from '../grid';
import { FORMAT, type CellPlan, type SheetPlan } from '../sheetPlan';
import {
  BASIS_CELLS,
  DATE_FORMAT,
  JOINT_SHEETS,
  METHOD_CELLS,
  NO_RULE,
  PSEUDONYM_NOTE,
  REGISTER_COLUMNS,
  registerColumn,
  TASK_HEADERS,
  TASK_KINDS,
  type RegisterColumn,
} from './jointFundingNames';

type Row = (CellPlan | null)[];

/** Where the register's rows are, and the Joint funding sheet's settings and rules, for each other's formulas. */
export interface JointGeometry {
  readonly firstRow: number; // 1-based row of the first package
  readonly lastRow: number; // at least firstRow, so a range is never empty
  readonly asAt: string; // absolute references on the Joint funding sheet
  readonly first: string;
  readonly last: string;
  readonly rules: string; // the rules table's three columns, "'Joint funding'!$A$40:$C$41"
  readonly rulesIcb: string;
  readonly taskFirst: number; // 1-based rows of the Joint tasks sheet's first and last task
  readonly taskLast: number;
}

export const REGISTER_HEADER_ROW = 3; // zero-based; packages start on the row below
export const TASK_HEADER_ROW = 3;

/** A register column over every package row, absolute, as another sheet refers to it. */
export function registerRange(g: JointGeometry, key: RegisterColumn): string {
  const c = columnLetter(registerColumn(key));
  return sheetRef(JOINT_SHEETS.register, `$${c}$${g.firstRow}:$${c}$${g.lastRow}`);
}

/**
 * The register people type or paste packages into: one row per package, the inputs in yellow, and
 * beside them each package's split and shares as formulas over the Joint funding sheet's settings
 * and default rules, and over the Joint tasks sheet's minutes for time to task.
 */
export function registerSheet(board: string, jf: JointFunding, summary: JointSummary, g: JointGeometry): SheetPlan {
  const rows: Row[] = [
    [text(`${board}: jointly funded care packages`, 'title')],
    [
      text(
        `${PSEUDONYM_NOTE} One row per package; type or paste the yellow columns. A blank split method uses the ICB's default rule on the ${JOINT_SHEETS.summary} sheet; time to task takes its minutes from the ${JOINT_SHEETS.tasks} sheet.`,
        'note',
      ),
    ],
    [],
    REGISTER_COLUMNS.map(([, h]) => text(h, 'header')),
  ];
  const firsts = firstActive(summary.figures);
  jf.packages.forEach((pkg, i) => rows.push(packageRow(pkg, summary.figures[i], firsts[i], g, g.firstRow + i)));
  const n = Math.max(jf.packages.length, 1);
  const range = (key: RegisterColumn) =>
    `${columnLetter(registerColumn(key))}${g.firstRow}:${columnLetter(registerColumn(key))}${g.firstRow + n - 1}`;
  return {
    name: JOINT_SHEETS.register,
    rows,
    tables: [
      {
        name: 'JointRegister',
        row: REGISTER_HEADER_ROW,
        column: 0,
        columns: REGISTER_COLUMNS.map(([, h]) => h),
        rowCount: jf.packages.length,
      },
    ],
    validations: [
      {
        range: range('basis'),
        kind: 'list',
        list: Object.values(BASIS_CELLS),
        message: `Choose ${Object.values(BASIS_CELLS).join(', ')}.`,
      },
      {
        range: range('method'),
        kind: 'list',
        list: Object.values(METHOD_CELLS),
        message: `Choose ${Object.values(METHOD_CELLS).join(', ')}, or leave blank for the ICB's default rule.`,
      },
      { range: range('weeklyCost'), kind: 'decimal', min: 0, message: 'Enter the weekly cost in pounds, 0 or more.' },
      {
        range: range('icbPercent'),
        kind: 'decimal',
        min: 0,
        message: "Enter the ICB's share as a percentage from 0 to 100.",
      },
    ],
    freeze: { rows: REGISTER_HEADER_ROW + 1, columns: 2 },
    columnWidths: [12, 22, 16, 24, 12, 14, 14, 18, 10, 14, 12, 12, 16, 10, 10, 12, 14, 14, 10, 10, 10, 10, 14, 14],
    tabColor: '7030A0',
  };
}

function packageRow(
  pkg: JointPackage,
  f: JointSummary['figures'][number],
  firsts: { person: number; personIcb: number },
  g: JointGeometry,
  r: number,
): Row {
  const at = (key: RegisterColumn) => `${columnLetter(registerColumn(key))}${r}`;
  const col = (key: RegisterColumn) => columnLetter(registerColumn(key));
  const split = pkg.split;
  const minutes = healthMinutes(split);
  const parts =
    f.method === 'timeToTask'
      ? { icb: minutes.health, all: minutes.health.plus(minutes.social) }
      : { icb: f.share.times(10000), all: 10000 };
  const tasks = (kind: string) =>
    `SUMIFS(${taskRange(g, 2)},${taskRange(g, 0)},${at('ref')},${taskRange(g, 3)},"${kind}")`;
  const { asAt, first, last } = g;
  return [
    text(pkg.ref, 'input'),
    text(pkg.person, 'input'),
    text(BASIS_CELLS[pkg.basis], 'input'),
    text(pkg.icb, 'input'),
    num(pkg.start, DATE_FORMAT, 'input'),
    pkg.end === null ? { style: 'input', format: DATE_FORMAT } : num(pkg.end, DATE_FORMAT, 'input'),
    num(pkg.weeklyCost, FORMAT.pence, 'input'),
    split.method === 'default' ? { style: 'input' } : text(METHOD_CELLS[split.method], 'input'),
    split.method === 'fixed' || split.method === 'panel'
      ? num(split.icbPercent, '0.00', 'input')
      : { style: 'input', format: '0.00' },
    split.method === 'panel' ? num(split.decided, DATE_FORMAT, 'input') : { style: 'input', format: DATE_FORMAT },
    formula(tasks(TASK_KINDS.health), minutes.health, '0'),
    formula(tasks(TASK_KINDS.social), minutes.social, '0'),
    formula(
      `IF(${at('method')}="",IFERROR(VLOOKUP(${at('icb')},${g.rules},2,0),"${NO_RULE}"),${at('method')})`,
      METHOD_CELLS[f.method],
      FORMAT.text,
    ),
    // The share as whole parts (minutes, or hundredths of a percent) so the ICB's pence are one division of
    // whole numbers: exact in floating point when it ends in a half, so ROUND goes up in every engine.
    formula(
      `IF(${at('methodUsed')}="${METHOD_CELLS.timeToTask}",${at('healthMinutes')},IF(${at('methodUsed')}="${METHOD_CELLS.equal}",5000,` +
        `ROUND(IF(${at('method')}="",IFERROR(VLOOKUP(${at('icb')},${g.rules},3,0),0),${at('icbPercent')})*100,0)))`,
      parts.icb,
      '0',
    ),
    formula(
      `IF(${at('methodUsed')}="${METHOD_CELLS.timeToTask}",${at('healthMinutes')}+${at('socialMinutes')},10000)`,
      parts.all,
      '0',
    ),
    formula(`IF(${at('allParts')}=0,0,${at('icbParts')}/${at('allParts')})`, f.share, FORMAT.percent),
    formula(
      `IF(${at('allParts')}=0,0,ROUND(ROUND(${at('weeklyCost')}*100,0)*${at('icbParts')}/${at('allParts')},0)/100)`,
      f.weekly.icb,
      FORMAT.pence,
    ),
    formula(`${at('weeklyCost')}-${at('icbWeekly')}`, f.weekly.council, FORMAT.pence),
    formula(`IF(AND(${at('start')}<=${asAt},OR(${at('end')}="",${at('end')}>=${asAt})),1,0)`, f.active ? 1 : 0, '0'),
    formula(
      `IF(${at('active')}=1,IF(COUNTIFS(${col('person')}$${g.firstRow}:${at('person')},${at('person')},${col('active')}$${g.firstRow}:${at('active')},1)=1,1,0),0)`,
      firsts.person,
      '0',
    ),
    formula(
      `IF(${at('active')}=1,IF(COUNTIFS(${col('person')}$${g.firstRow}:${at('person')},${at('person')},${col('icb')}$${g.firstRow}:${at('icb')},${at('icb')},${col('active')}$${g.firstRow}:${at('active')},1)=1,1,0),0)`,
      firsts.personIcb,
      '0',
    ),
    formula(`MAX(0,MIN(IF(${at('end')}="",${last},${at('end')}),${last})-MAX(${at('start')},${first})+1)`, f.days, '0'),
    formula(`ROUND(${at('icbWeekly')}*${at('days')}/7,2)`, f.annual.icb, FORMAT.pence),
    formula(`ROUND(${at('councilWeekly')}*${at('days')}/7,2)`, f.annual.council, FORMAT.pence),
  ];
}

/** Whether each package is the first active one of its person (and of its person within its ICB), as the COUNTIFS columns find. */
function firstActive(figures: JointSummary['figures']): { person: number; personIcb: number }[] {
  const seen = new Set<string>();
  const seenIcb = new Set<string>();
  return figures.map((f) => {
    const person = f.pkg.person.trim().toLowerCase();
    const icb = `${person}|${f.pkg.icb.trim().toLowerCase()}`;
    const first = { person: f.active && !seen.has(person) ? 1 : 0, personIcb: f.active && !seenIcb.has(icb) ? 1 : 0 };
    if (f.active) {
      seen.add(person);
      seenIcb.add(icb);
    }
    return first;
  });
}

function taskRange(g: JointGeometry, column: number): string {
  const c = columnLetter(column);
  return sheetRef(JOINT_SHEETS.tasks, `$${c}$${g.taskFirst}:$${c}$${g.taskLast}`);
}

/** The tasks of packages split by time to task: one row per task, minutes a week, health or social care. */
export function tasksSheet(jf: JointFunding): SheetPlan {
  const rows: Row[] = [
    [text('Time to task: the tasks of each package split by time spent', 'title')],
    [
      text(
        `The ICB's share of a package split by "${METHOD_CELLS.timeToTask}" is its health minutes over all its minutes. One row per task; the package ref is the one on the ${JOINT_SHEETS.register} sheet.`,
        'note',
      ),
    ],
    [],
    TASK_HEADERS.map((h) => text(h, 'header')),
  ];
  for (const pkg of jf.packages) {
    if (pkg.split.method !== 'timeToTask') continue;
    for (const t of pkg.split.tasks)
      rows.push([
        text(pkg.ref, 'input'),
        text(t.task, 'input'),
        num(t.minutes, '0', 'input'),
        text(t.health ? TASK_KINDS.health : TASK_KINDS.social, 'input'),
      ]);
  }
  const count = rows.length - TASK_HEADER_ROW - 1;
  return {
    name: JOINT_SHEETS.tasks,
    rows,
    tables: [{ name: 'JointTasks', row: TASK_HEADER_ROW, column: 0, columns: [...TASK_HEADERS], rowCount: count }],
    validations: [
      {
        range: `D${TASK_HEADER_ROW + 2}:D${TASK_HEADER_ROW + 1 + Math.max(count, 1)}`,
        kind: 'list',
        list: Object.values(TASK_KINDS),
        message: `Choose ${TASK_KINDS.health} or ${TASK_KINDS.social}.`,
      },
    ],
    columnWidths: [16, 34, 14, 20],
    tabColor: '7030A0',
  };
}

export function taskCount(jf: JointFunding): number {
  return jf.packages.reduce((n, p) => n + (p.split.method === 'timeToTask' ? p.split.tasks.length : 0), 0);
}
