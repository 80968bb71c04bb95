import { ukDate, yearBounds, yearOf, type Day, type JointFunding, type Shares } from '../../../domain/jointFunding';
import {
  BASES,
  jointSummary,
  RETURN_METHODS,
  type GroupFigures,
  type JointSummary,
} from '../../../domain/jointFundingSummary';
import { reconcileJointWithPool } from '../../../domain/jointPoolReconciliation';
import type { Plan } from '../../../domain/plan';
import { sheetRef } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan, type SheetPlan } from '../../sheetPlan';
import { blockBody, BLOCKS, regionRows, SHEET_SPECS, type BlockSpec } from '../shared/blocks';
import { registerRange as R, registerSheet, tasksSheet, REGISTER_HEADER_ROW, type JointGeometry } from './register';
import { reconcileRows } from './reconcile';
import type { PoolGeometry } from '../pool/poolLayout';
import { BASIS_CELLS, DATE_FORMAT, JOINT_SHEETS, METHOD_CELLS, PSEUDONYM_NOTE, SETTINGS } from './names';

type Row = (CellPlan | null)[];

/** The date and year the figures are for: the register's own, else today and the year holding it. */
export function jointSettings(jf: JointFunding, today: Day): { asAt: Day; year: string } {
  const asAt = jf.asAt ?? today;
  return { asAt, year: jf.year ?? yearOf(asAt) };
}

// Rows of the Joint funding sheet (zero-based) that don't move: settings, totals and the FOI return.
const ROW = {
  asAt: 4,
  year: 5,
  first: 6,
  last: 7,
  people: 10,
  packages: 11,
  weekly: 12,
  annual: 13,
  fullYear: 14,
  returnFirst: 17,
  rules: 23, // the default rules' header; the breakdowns follow their room to grow
} as const;

const SUMMARY = SHEET_SPECS.jointSummary;

/**
 * The default rules' rows with the room under them (1-based, first to last), which every package's
 * lookup covers, and the zero-based row of the breakdowns that follow.
 */
function rulesRows(count: number): { first: number; last: number; breakdowns: number } {
  const region = regionRows(SUMMARY, BLOCKS.jointRules, count);
  return { first: ROW.rules + 2, last: ROW.rules + 1 + region, breakdowns: ROW.rules + 1 + region };
}

/**
 * The joint-funding sheets: the Joint funding summary (settings, totals, the FOI return, the default
 * rules, and figures by ICB, basis and method), the register of packages and the time-to-task
 * tasks. Every figure is a formula over the register, with the decimal.js figure cached.
 */
export function jointFundingSheets(plan: Plan, today: Day, pool: PoolGeometry): SheetPlan[] {
  const jf = plan.jointFunding ?? { rules: [], packages: [] };
  const { asAt, year } = jointSettings(jf, today);
  const summary = jointSummary(jf.packages, jf.rules, asAt, year);
  const rules = rulesRows(jf.rules.length); // a rule typed in the room under them is looked up at once
  const abs = (row: number) => sheetRef(JOINT_SHEETS.summary, `$B$${row + 1}`);
  const g: JointGeometry = {
    firstRow: REGISTER_HEADER_ROW + 2,
    asAt: abs(ROW.asAt),
    first: abs(ROW.first),
    last: abs(ROW.last),
    rules: sheetRef(JOINT_SHEETS.summary, `$A$${rules.first}:$C$${rules.last}`),
    rulesIcb: sheetRef(JOINT_SHEETS.summary, `$A$${rules.first}:$A$${rules.last}`),
  };
  const head = summarySheet(plan.board, jf, summary, g);
  // The ICB's shares against its contribution lines on the Pool sheet, for the year of the figures above.
  const reconciled = reconcileRows(
    head.rows.length,
    reconcileJointWithPool(plan, year),
    `$B$${ROW.year + 1}`,
    pool.contributions,
  );
  const summarySheetPlan: SheetPlan = { ...head, rows: [...head.rows, ...reconciled] };
  return [summarySheetPlan, registerSheet(plan.board, jf, summary, g), tasksSheet(jf)];
}

function summarySheet(board: string, jf: JointFunding, s: JointSummary, g: JointGeometry): SheetPlan {
  const rows = headlineRows(board, s, g, jf.rules.length);
  rows.push(BLOCKS.jointRules.headers.map((h) => text(h, 'header')));
  const rules = jf.rules.map((rule) => [
    text(rule.icb, 'input'),
    text(METHOD_CELLS[rule.method], 'input'),
    num(rule.icbPercent, '0.00', 'input'),
  ]);
  rows.push(
    ...blockBody(SUMMARY, BLOCKS.jointRules, rules, [
      { style: 'input' },
      { style: 'input' },
      { style: 'input', format: '0.00' },
    ]),
  );
  const { first, last } = rulesRows(jf.rules.length);
  groupTable(rows, BLOCKS.jointByIcb, s.byIcb, (grp) => text(grp.key), 'icb');
  groupTable(
    rows,
    BLOCKS.jointByBasis,
    s.byBasis,
    (grp) => text(BASIS_CELLS[grp.key as keyof typeof BASIS_CELLS]),
    'basis',
  );
  groupTable(
    rows,
    BLOCKS.jointByMethod,
    s.byMethod,
    (grp) => text(METHOD_CELLS[grp.key as keyof typeof METHOD_CELLS]),
    'methodUsed',
  );
  return {
    name: JOINT_SHEETS.summary,
    rows,
    validations: [
      {
        range: `B${first}:B${last}`,
        kind: 'list',
        list: [METHOD_CELLS.equal, METHOD_CELLS.fixed],
        message: `Choose ${METHOD_CELLS.equal} or ${METHOD_CELLS.fixed}.`,
      },
    ],
    columnWidths: [52, 16, 16, 16, 16, 16, 18, 18],
    tabColor: '7030A0',
  };
}

/** The title, the settings (as-at date, year) and the headline figures and return, above the rules and breakdowns. */
function headlineRows(board: string, s: JointSummary, g: JointGeometry, ruleCount: number): Row[] {
  const { first, last } = yearBounds(s.year);
  return [
    [text(`${board}: joint funding of care packages with the ICBs`, 'title')],
    [
      text(
        `Council and ICB shares of each jointly funded package (s117 aftercare and Care Act packages with health needs). Change the date or year below and every figure follows. ${PSEUDONYM_NOTE}`,
        'note',
      ),
    ],
    [],
    BLOCKS.jointSettings.headers.map((h) => text(h, 'header')),
    [text(SETTINGS.asAt), num(s.asAt, DATE_FORMAT, 'input')],
    [text(SETTINGS.year), text(s.year, 'input')],
    [text(SETTINGS.first), formula(`DATE(VALUE(LEFT(B${ROW.year + 1},4)),4,1)`, first, DATE_FORMAT)],
    [text(SETTINGS.last), formula(`DATE(VALUE(LEFT(B${ROW.year + 1},4))+1,3,31)`, last, DATE_FORMAT)],
    [],
    BLOCKS.jointFigures.headers.map((h) => text(h, 'header')),
    [text('People covered on the as-at date'), formula(`SUM(${R('firstOfPerson')})`, s.people, FORMAT.count)],
    [text('Packages active on the as-at date'), formula(`SUM(${R('active')})`, s.packages, FORMAT.count)],
    sharesRow('Weekly cost on the as-at date', s.weekly, [
      `SUMIF(${R('active')},1,${R('weeklyCost')})`,
      `SUMIF(${R('active')},1,${R('councilWeekly')})`,
      `SUMIF(${R('active')},1,${R('icbWeekly')})`,
    ]),
    sharesRow(`Cost in the financial year (days active / 7)`, s.annual, [
      `C${ROW.annual + 1}+D${ROW.annual + 1}`,
      `SUM(${R('councilYear')})`,
      `SUM(${R('icbYear')})`,
    ]),
    sharesRow(
      'Full year (weekly x 52), as FOI returns state it',
      s.fullYear,
      ['B', 'C', 'D'].map((c) => `${c}${ROW.weekly + 1}*52`),
    ),
    [],
    BLOCKS.jointReturn.headers.map((h) => text(h, 'header')),
    ...returnRows(s, g, ukDate(s.asAt), ruleCount),
    [],
  ];
}

function sharesRow(label: string, shares: Shares, formulas: readonly string[]): Row {
  return [
    text(label),
    formula(formulas[0], shares.total, FORMAT.pence),
    formula(formulas[1], shares.council, FORMAT.pence),
    formula(formulas[2], shares.icb, FORMAT.pence),
  ];
}

/** The answers a council gives to the FOI questions on joint funding, each a formula over the figures above. */
function returnRows(s: JointSummary, g: JointGeometry, asAtShown: string, ruleCount: number): Row[] {
  const packages = `B${ROW.packages + 1}`;
  // The packages column of the split-method table, found the way summarySheet and groupTable lay it out.
  const groups = rulesRows(ruleCount).breakdowns;
  const methodRow = (i: number) => groups + (s.byIcb.length + 2) + (BASES.length + 2) + 1 + i + 1;
  const count = (m: number) => `C${methodRow(m)}`;
  const [equal, , panel, time] = [0, 1, 2, 3].map(count);
  const which =
    `IF(${packages}=0,"${RETURN_METHODS.none}",IF(${equal}=${packages},"${RETURN_METHODS.equal}",IF(${panel}+${time}=0,"${RETURN_METHODS.fixed}",` +
    `IF(${panel}+${time}=${packages},"${RETURN_METHODS.caseByCase}","${RETURN_METHODS.mixed}"))))`;
  return [
    [
      text('Is there an agreement in place for funding joint packages, including s117 aftercare?'),
      formula(`IF(COUNTA(${g.rulesIcb})+${packages}>0,"Yes","No")`, s.answer.agreement, FORMAT.text),
    ],
    [text('Which agreement is in place (A to D)?'), formula(which, s.answer.method, FORMAT.text)],
    [
      text(`How many people are covered by joint packages on the as-at date (${asAtShown} when built)?`),
      formula(`B${ROW.people + 1}`, s.answer.people, FORMAT.count),
    ],
    [
      text('Annual cost to the council of joint packages in the financial year'),
      formula(`C${ROW.annual + 1}`, s.answer.councilAnnual, FORMAT.pence),
    ],
    [
      text("The ICB's contribution for a year (weekly x 52)"),
      formula(`D${ROW.fullYear + 1}`, s.answer.icbFullYear, FORMAT.pence),
    ],
  ];
}

const PEOPLE_COLUMN = {
  icb: 'firstOfPersonIcb',
  basis: 'firstOfPersonBasis',
  methodUsed: 'firstOfPersonMethod',
} as const;

/** One row per ICB, basis or method: people and packages and weekly shares on the date, cost in the year. */
function groupTable(
  rows: Row[],
  spec: BlockSpec,
  groups: readonly GroupFigures[],
  label: (g: GroupFigures) => CellPlan,
  by: 'icb' | 'basis' | 'methodUsed',
): void {
  rows.push(spec.headers.map((h) => text(h, 'header')));
  for (const grp of groups) {
    const r = rows.length + 1;
    const key = `"="&$A${r}`;
    const active = `${R(by)},${key},${R('active')},1`;
    rows.push([
      label(grp),
      formula(`SUMIF(${R(by)},${key},${R(PEOPLE_COLUMN[by])})`, grp.people, FORMAT.count),
      formula(`COUNTIFS(${active})`, grp.packages, FORMAT.count),
      formula(`SUMIFS(${R('weeklyCost')},${active})`, grp.weekly.total, FORMAT.pence),
      formula(`SUMIFS(${R('councilWeekly')},${active})`, grp.weekly.council, FORMAT.pence),
      formula(`SUMIFS(${R('icbWeekly')},${active})`, grp.weekly.icb, FORMAT.pence),
      formula(`SUMIF(${R(by)},${key},${R('councilYear')})`, grp.annual.council, FORMAT.pence),
      formula(`SUMIF(${R(by)},${key},${R('icbYear')})`, grp.annual.icb, FORMAT.pence),
    ]);
  }
  rows.push([]);
}
