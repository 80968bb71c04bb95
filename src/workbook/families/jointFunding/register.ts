import type Decimal from 'decimal.js';
import { healthMinutes, PERCENT_PLACES, type JointFunding, type JointPackage } from '../../../domain/jointFunding';
import type { JointSummary } from '../../../domain/jointFundingSummary';
import { columnLetter, sheetRef } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type Scalar, type SheetPlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS } from '../shared/blocks';
import {
  BASIS_CELLS,
  DATE_FORMAT,
  JOINT_SHEETS,
  METHOD_CELLS,
  NO_RULE,
  PSEUDONYM_NOTE,
  registerColumn,
  TASK_KINDS,
  type RegisterColumn,
} from './names';

type Row = (CellPlan | null)[];

/** Parts of one per cent in the register's share columns (domain PERCENT_PLACES: six decimal places). */
export const PERCENT_PARTS = 10 ** PERCENT_PLACES;

/** Where the register's rows start, and the Joint funding sheet's settings and rules, for each other's formulas. */
export interface JointGeometry {
  readonly firstRow: number; // 1-based row of the first package
  readonly asAt: string; // absolute references on the Joint funding sheet
  readonly first: string;
  readonly last: string;
  readonly rules: string; // the rules block's three columns, room to grow included: "'Joint funding'!$A$25:$C$29"
  readonly rulesIcb: string;
}

export const REGISTER_HEADER_ROW = 3; // zero-based; packages start on the row below
export const TASK_HEADER_ROW = 3;

const REGISTER = SHEET_SPECS.jointRegister;
const TASKS = SHEET_SPECS.jointTasks;

/**
 * A register column as another sheet refers to it: the whole column, since the register ends its
 * sheet and a package typed anywhere under it counts ("'Joint register'!$S:$S").
 */
export function registerRange(key: RegisterColumn): string {
  const c = columnLetter(registerColumn(key));
  return sheetRef(JOINT_SHEETS.register, `$${c}:$${c}`);
}

/**
 * The register people type or paste packages into: one row per package, the inputs in yellow, and
 * beside them each package's split and shares as formulas over the Joint funding sheet's settings
 * and default rules, and over the Joint tasks sheet's minutes for time to task. Its room to grow
 * carries the same formulas, so a package typed there is calculated and counted at once.
 */
export function registerSheet(board: string, jf: JointFunding, summary: JointSummary, g: JointGeometry): SheetPlan {
  const rows: Row[] = [
    [text(`${board}: jointly funded care packages`, 'title')],
    [
      text(
        `${PSEUDONYM_NOTE} One row per package; type or paste the yellow columns, in the blank rows under the last package too. A blank split method uses the ICB's default rule on the ${JOINT_SHEETS.summary} sheet; time to task takes its minutes from the ${JOINT_SHEETS.tasks} sheet.`,
        'note',
      ),
    ],
    [],
    BLOCKS.jointRegister.headers.map((h) => text(h, 'header')),
  ];
  const firsts = firstActive(summary.figures);
  const items = jf.packages.map((pkg, i) => [
    ...packageInputs(pkg),
    ...packageFormulas(g, g.firstRow + i, packageResults(summary.figures[i], firsts[i])),
  ]);
  const spare = (k: number) => [
    ...SPARE_INPUTS,
    ...packageFormulas(g, g.firstRow + jf.packages.length + k, SPARE_RESULTS),
  ];
  rows.push(...blockBody(REGISTER, BLOCKS.jointRegister, items, spare));
  const n = regionRows(REGISTER, BLOCKS.jointRegister, jf.packages.length);
  const range = (key: RegisterColumn) =>
    `${columnLetter(registerColumn(key))}${g.firstRow}:${columnLetter(registerColumn(key))}${g.firstRow + n - 1}`;
  return {
    name: JOINT_SHEETS.register,
    rows,
    tables: [
      {
        name: BLOCKS.jointRegister.id,
        row: REGISTER_HEADER_ROW,
        column: 0,
        columns: BLOCKS.jointRegister.headers,
        rowCount: n,
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
    columnWidths: [
      12, 22, 16, 24, 12, 14, 14, 18, 10, 14, 12, 12, 16, 10, 10, 12, 14, 14, 10, 10, 10, 10, 10, 10, 14, 14,
    ],
    tabColor: '7030A0',
  };
}

/** The typed columns of a package's row, in the register's order. */
function packageInputs(pkg: JointPackage): Row {
  const split = pkg.split;
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
    split.method === 'panel' && split.decided !== null
      ? num(split.decided, DATE_FORMAT, 'input')
      : { style: 'input', format: DATE_FORMAT },
  ];
}

/** The typed columns of a row in the room to grow: blank, formatted as a package's. */
const SPARE_INPUTS: Row = [
  { style: 'input' },
  { style: 'input' },
  { style: 'input' },
  { style: 'input' },
  { style: 'input', format: DATE_FORMAT },
  { style: 'input', format: DATE_FORMAT },
  { style: 'input', format: FORMAT.pence },
  { style: 'input' },
  { style: 'input', format: '0.00' },
  { style: 'input', format: DATE_FORMAT },
];

/** What the calculated columns of a row hold, in the register's order from "Health minutes a week". */
type RowResults = readonly (Decimal | Scalar)[];

function packageResults(f: JointSummary['figures'][number], firsts: Firsts): RowResults {
  const minutes = healthMinutes(f.pkg.split);
  const parts =
    f.method === 'timeToTask'
      ? { icb: minutes.health, all: minutes.health.plus(minutes.social) }
      : { icb: f.share.times(PERCENT_PARTS * 100), all: PERCENT_PARTS * 100 };
  return [
    minutes.health,
    minutes.social,
    METHOD_CELLS[f.method],
    parts.icb,
    parts.all,
    f.share,
    f.weekly.icb,
    f.weekly.council,
    f.active ? 1 : 0,
    firsts.person,
    firsts.personIcb,
    firsts.personBasis,
    firsts.personMethod,
    f.days,
    f.annual.icb,
    f.annual.council,
  ];
}

/** A blank row's figures: no ICB, no start date, so no method, nothing active, no days and no money. */
const SPARE_RESULTS: RowResults = [0, 0, '', 0, PERCENT_PARTS * 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * The calculated columns of the register's row `r` (1-based), package or blank: a row's formulas
 * depend only on where it is, so a package typed in the room to grow is calculated as one written.
 */
function packageFormulas(g: JointGeometry, r: number, results: RowResults): Row {
  const at = (key: RegisterColumn) => `${columnLetter(registerColumn(key))}${r}`;
  const col = (key: RegisterColumn) => columnLetter(registerColumn(key));
  // A blank ref is no criterion (engines differ on it): a blank row has no tasks.
  const tasks = (kind: string) =>
    `IF(${at('ref')}="",0,SUMIFS(${taskRange(2)},${taskRange(0)},${at('ref')},${taskRange(3)},"${kind}"))`;
  const { asAt, first, last } = g;
  // 1 on the first active row of its person (within its ICB, basis or method): people are counted once.
  const firstOf = (within?: RegisterColumn) => {
    const same = within ? `,${col(within)}$${g.firstRow}:${at(within)},${at(within)}` : '';
    return [
      `IF(${at('active')}=1,IF(COUNTIFS(${col('person')}$${g.firstRow}:${at('person')},${at('person')}${same},${col('active')}$${g.firstRow}:${at('active')},1)=1,1,0),0)`,
      '0',
    ] as const;
  };
  const formulas = [
    [tasks(TASK_KINDS.health), '0'],
    [tasks(TASK_KINDS.social), '0'],
    [
      `IF(${at('method')}="",IF(${at('icb')}="","",IFERROR(VLOOKUP(${at('icb')},${g.rules},2,0),"${NO_RULE}")),${at('method')})`,
      FORMAT.text,
    ],
    // The share as whole parts (minutes, or millionths of a percent, so 33.333% is kept as typed) so the ICB's
    // pence are one division of whole numbers: exact in floating point when it ends in a half, so ROUND goes
    // up in every engine (pence x parts stays under 2^53 for weekly costs under £900,000).
    [
      `IF(${at('methodUsed')}="${METHOD_CELLS.timeToTask}",${at('healthMinutes')},IF(${at('methodUsed')}="${METHOD_CELLS.equal}",${PERCENT_PARTS * 50},` +
        `ROUND(IF(${at('method')}="",IFERROR(VLOOKUP(${at('icb')},${g.rules},3,0),0),${at('icbPercent')})*${PERCENT_PARTS},0)))`,
      '0',
    ],
    [
      `IF(${at('methodUsed')}="${METHOD_CELLS.timeToTask}",${at('healthMinutes')}+${at('socialMinutes')},${PERCENT_PARTS * 100})`,
      '0',
    ],
    [`IF(${at('allParts')}=0,0,${at('icbParts')}/${at('allParts')})`, FORMAT.percent],
    [
      `IF(${at('allParts')}=0,0,ROUND(ROUND(${at('weeklyCost')}*100,0)*${at('icbParts')}/${at('allParts')},0)/100)`,
      FORMAT.pence,
    ],
    [`${at('weeklyCost')}-${at('icbWeekly')}`, FORMAT.pence],
    // A row without a start date (blank, or a sub-total a person typed) is never active.
    [`IF(AND(${at('start')}<>"",${at('start')}<=${asAt},OR(${at('end')}="",${at('end')}>=${asAt})),1,0)`, '0'],
    firstOf(),
    firstOf('icb'),
    firstOf('basis'),
    firstOf('methodUsed'),
    [
      `IF(${at('start')}="",0,MAX(0,MIN(IF(${at('end')}="",${last},${at('end')}),${last})-MAX(${at('start')},${first})+1))`,
      '0',
    ],
    [`ROUND(${at('icbWeekly')}*${at('days')}/7,2)`, FORMAT.pence],
    [`ROUND(${at('councilWeekly')}*${at('days')}/7,2)`, FORMAT.pence],
  ] as const;
  return formulas.map(([f, format], i) => formula(f, results[i], format));
}

type Firsts = { person: number; personIcb: number; personBasis: number; personMethod: number };

/** Whether each package is the first active one of its person (and of its person within its ICB, basis, method), as the COUNTIFS columns find. */
function firstActive(figures: JointSummary['figures']): Firsts[] {
  const seen = new Set<string>();
  const first = (f: JointSummary['figures'][number], key: string) => {
    const k = `${f.pkg.person.trim().toLowerCase()}|${key.trim().toLowerCase()}`;
    const is = f.active && !seen.has(k);
    if (f.active) seen.add(k);
    return is ? 1 : 0;
  };
  return figures.map((f) => ({
    person: first(f, ''),
    personIcb: first(f, `icb:${f.pkg.icb}`),
    personBasis: first(f, `basis:${f.pkg.basis}`),
    personMethod: first(f, `method:${f.method}`),
  }));
}

/** A column of the Joint tasks sheet, whole: its tasks end the sheet, so a task typed under them counts. */
function taskRange(column: number): string {
  const c = columnLetter(column);
  return sheetRef(JOINT_SHEETS.tasks, `$${c}:$${c}`);
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
    BLOCKS.jointTasks.headers.map((h) => text(h, 'header')),
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
  const items = rows.splice(TASK_HEADER_ROW + 1);
  rows.push(...blockBody(TASKS, BLOCKS.jointTasks, items, TASK_SPARE));
  const n = regionRows(TASKS, BLOCKS.jointTasks, items.length);
  return {
    name: JOINT_SHEETS.tasks,
    rows,
    tables: [
      { name: BLOCKS.jointTasks.id, row: TASK_HEADER_ROW, column: 0, columns: BLOCKS.jointTasks.headers, rowCount: n },
    ],
    validations: [
      {
        range: `D${TASK_HEADER_ROW + 2}:D${TASK_HEADER_ROW + 1 + n}`,
        kind: 'list',
        list: Object.values(TASK_KINDS),
        message: `Choose ${TASK_KINDS.health} or ${TASK_KINDS.social}.`,
      },
    ],
    columnWidths: [16, 34, 14, 20],
    tabColor: '7030A0',
  };
}

const TASK_SPARE: Row = [{ style: 'input' }, { style: 'input' }, { style: 'input', format: '0' }, { style: 'input' }];
