import type { CellPlan } from '../../sheetPlan';
import { HEADERS, SHEET } from '../assumptions/names';
import { POOL_HEADERS, POOL_SHEETS } from '../pool/names';
import {
  FIGURE_HEADERS,
  GROUP_HEADERS,
  JOINT_SHEETS,
  REGISTER_COLUMNS,
  REGISTER_INPUTS,
  RECONCILE_HEADERS,
  RECONCILE_TITLE,
  RETURN_HEADERS,
  RULE_HEADERS,
  SETTINGS_HEADERS,
  TASK_HEADERS,
} from '../jointFunding/names';
import {
  BALANCE_FIRST_HEADER,
  CHECKLIST_HEADERS,
  INCOME_HEADERS,
  LINE_BLOCK_COMPUTED,
  LINE_BLOCK_HEADERS,
  MINIMUM_HEADERS,
  REQUIRED_HEADERS,
  TEMPLATE_SHEETS,
} from '../template/names';

/**
 * What each sheet's blocks are, described once: the layouts write them from this, the readers find
 * them with it (shared/blockLocator.ts) and the audit knows from it which rows people may add.
 *
 * A block is a header row (with an optional title line above it) and the rows under it, down to the
 * next block's title or header. A block that grows is one people type rows into: the layout leaves
 * ROOM_TO_GROW blank input rows under its last row and a blank row before the next block, every
 * formula over its columns covers all of that, and the reader reads every row of it that holds
 * something, so a row typed inside or directly under the block is part of it.
 */
export interface BlockSpec {
  /** The block's name; the Excel table's name where the block is a table. */
  readonly id: string;
  readonly headers: readonly string[];
  /** A line above the header that starts the block (a subtitle), and so ends the block above. */
  readonly title?: string;
  /** People add rows to it. */
  readonly grows: boolean;
  /** Columns the layout calculates: a row is part of the block when one of its other columns holds something. */
  readonly computed?: readonly number[];
  /** Blank rows kept under its last row when not ROOM_TO_GROW (the joint register's, whose rows carry formulas). */
  readonly room?: number;
}

export interface SheetSpec {
  readonly sheet: string;
  /** Top to bottom. */
  readonly blocks: readonly BlockSpec[];
}

/** Blank input rows a growing block keeps under its last row. */
export const ROOM_TO_GROW = 3;

/**
 * The joint register's room: its rows calculate each package's split beside it, so a package typed in
 * the room is counted at once; a batch of packages pasted under the last one fits without a refresh.
 */
export const REGISTER_ROOM = 250;

const block = (id: string, headers: readonly string[], more: Partial<BlockSpec> = {}): BlockSpec => ({
  id,
  headers,
  grows: false,
  ...more,
});
const growing = (id: string, headers: readonly string[], more: Partial<BlockSpec> = {}): BlockSpec =>
  block(id, headers, { ...more, grows: true });

export const BLOCKS = {
  planInfo: block('PlanInfo', HEADERS.plan),
  partners: growing('Partners', HEADERS.partners),
  years: growing('Years', HEADERS.years),
  unitCosts: growing('UnitCosts', HEADERS.unitCosts),
  targets: growing('Targets', HEADERS.targets),
  trackerSettings: block('TrackerSettings', HEADERS.trackerSettings),
  planQuarters: block('PlanQuarters', HEADERS.planQuarters),
  signOffRoles: block('SignOffRoles', HEADERS.signOffRoles),
  schemes: growing('Schemes', HEADERS.schemes),
  investments: growing('Investments', HEADERS.investments),
  contributions: growing('PoolContributions', POOL_HEADERS.contributions),
  sharingRule: block('PoolSharingRule', POOL_HEADERS.sharingRule),
  fixedShares: block('PoolFixedShares', POOL_HEADERS.fixedShares),
  phasing: block('PoolPhasing', POOL_HEADERS.phasing, { computed: [5] }),
  spend: block('PoolSpend', POOL_HEADERS.spend, { computed: [0, 2, 7, 8] }),
  summary: block('PoolSummary', POOL_HEADERS.summary),
  sources: block('PoolSources', POOL_HEADERS.sources),
  poolPartners: block('PoolPartners', POOL_HEADERS.partners),
  checks: block('PlanChecks', POOL_HEADERS.checks),
  statements: growing('Statements', POOL_HEADERS.statements),
  parts: growing('StatementParts', POOL_HEADERS.parts),
  risks: growing('RiskLog', POOL_HEADERS.risks, { computed: [4, 6] }),
  heatMap: block('RiskHeatMap', ['Impact \\ Probability'], {
    title: 'Heat map: number of risks by impact and probability',
  }),
  jointSettings: block('JointSettings', SETTINGS_HEADERS),
  jointFigures: block('JointFigures', FIGURE_HEADERS),
  jointReturn: block('JointReturn', RETURN_HEADERS),
  jointRules: growing('JointRules', RULE_HEADERS),
  jointByIcb: block('JointByIcb', ['ICB', ...GROUP_HEADERS]),
  jointByBasis: block('JointByBasis', ['Funding basis', ...GROUP_HEADERS]),
  jointByMethod: block('JointByMethod', ['Split method', ...GROUP_HEADERS]),
  jointReconcile: block('JointPoolReconciliation', RECONCILE_HEADERS, { title: RECONCILE_TITLE }),
  jointRegister: growing(
    'JointRegister',
    REGISTER_COLUMNS.map(([, h]) => h),
    { computed: REGISTER_COLUMNS.map((_, i) => i).filter((i) => i >= REGISTER_INPUTS), room: REGISTER_ROOM },
  ),
  jointTasks: growing('JointTasks', TASK_HEADERS),
  // The template's sheets (families/template): the year columns are found by their headers.
  templateIncome: growing('TemplateIncome', INCOME_HEADERS, { computed: [2] }),
  templateMinimums: block('TemplateMinimums', MINIMUM_HEADERS),
  templateBalances: block('TemplateBalances', [BALANCE_FIRST_HEADER]),
  templateRequired: block('TemplateRequiredSpend', [REQUIRED_HEADERS[0]]),
  templateChecklist: block('TemplateChecklist', [CHECKLIST_HEADERS[0]]),
  templateLines: growing('TemplateLines', LINE_BLOCK_HEADERS, { computed: LINE_BLOCK_COMPUTED }),
} as const;

export const SHEET_SPECS = {
  assumptions: {
    sheet: SHEET.assumptions,
    blocks: [
      BLOCKS.planInfo,
      BLOCKS.partners,
      BLOCKS.years,
      BLOCKS.unitCosts,
      BLOCKS.targets,
      BLOCKS.trackerSettings,
      BLOCKS.planQuarters,
      BLOCKS.signOffRoles,
    ],
  },
  schemes: { sheet: SHEET.schemes, blocks: [BLOCKS.schemes] },
  investments: { sheet: SHEET.investments, blocks: [BLOCKS.investments] },
  pool: {
    sheet: POOL_SHEETS.pool,
    blocks: [
      BLOCKS.contributions,
      BLOCKS.sharingRule,
      BLOCKS.fixedShares,
      BLOCKS.phasing,
      BLOCKS.spend,
      BLOCKS.summary,
      BLOCKS.sources,
      BLOCKS.poolPartners,
    ],
  },
  checks: { sheet: POOL_SHEETS.checks, blocks: [BLOCKS.checks, BLOCKS.statements, BLOCKS.parts] },
  risks: { sheet: POOL_SHEETS.risks, blocks: [BLOCKS.risks, BLOCKS.heatMap] },
  // The default rules sit above the breakdowns, whose ICB rows grow with the register: so the rules'
  // rows, which every package's split looks up, stay put when a package for a new ICB is typed.
  jointSummary: {
    sheet: JOINT_SHEETS.summary,
    blocks: [
      BLOCKS.jointSettings,
      BLOCKS.jointFigures,
      BLOCKS.jointReturn,
      BLOCKS.jointRules,
      BLOCKS.jointByIcb,
      BLOCKS.jointByBasis,
      BLOCKS.jointByMethod,
      BLOCKS.jointReconcile,
    ],
  },
  jointRegister: { sheet: JOINT_SHEETS.register, blocks: [BLOCKS.jointRegister] },
  jointTasks: { sheet: JOINT_SHEETS.tasks, blocks: [BLOCKS.jointTasks] },
  templateIncome: { sheet: TEMPLATE_SHEETS.income, blocks: [BLOCKS.templateIncome] },
  // The lines end the sheet, so the sums over them take whole columns and a line typed under them counts.
  templateExpenditure: {
    sheet: TEMPLATE_SHEETS.expenditure,
    blocks: [
      BLOCKS.templateMinimums,
      BLOCKS.templateBalances,
      BLOCKS.templateRequired,
      BLOCKS.templateChecklist,
      BLOCKS.templateLines,
    ],
  },
} as const satisfies Record<string, SheetSpec>;

/** True when the block is the last of its sheet: it grows to the sheet's end, so formulas over it take whole columns. */
export function isLastBlock(sheet: SheetSpec, spec: BlockSpec): boolean {
  return sheet.blocks[sheet.blocks.length - 1] === spec;
}

/**
 * The body a layout writes for a block: its rows, then for a growing block ROOM_TO_GROW copies of
 * `spare` (blank input cells) and, unless it is the sheet's last block, a blank row before the next.
 * `spare` is a function of the spare row's index (0 first) where the room carries its rows' formulas
 * (the joint register), so a row typed there is calculated as the rows above it.
 */
export function blockBody(
  sheet: SheetSpec,
  spec: BlockSpec,
  items: readonly (readonly (CellPlan | null)[])[],
  spare: readonly (CellPlan | null)[] | ((k: number) => readonly (CellPlan | null)[]),
): (CellPlan | null)[][] {
  const body = items.map((r) => [...r]);
  if (!spec.grows) return body;
  for (let k = 0; k < roomOf(spec); k++) body.push([...(typeof spare === 'function' ? spare(k) : spare)]);
  if (!isLastBlock(sheet, spec)) body.push([]);
  return body;
}

/** Rows under a block's header that formulas over it cover: its rows and the room to grow. */
export function regionRows(sheet: SheetSpec, spec: BlockSpec, items: number): number {
  return spec.grows ? items + roomOf(spec) + (isLastBlock(sheet, spec) ? 0 : 1) : items;
}

/** Blank rows a growing block keeps under its last row. */
export function roomOf(spec: BlockSpec): number {
  return spec.room ?? ROOM_TO_GROW;
}

/** Every title and first header of a sheet's blocks, lower case: the rows where a block ends. */
export function blockMarkers(sheet: SheetSpec): Set<string> {
  const markers = new Set<string>();
  for (const b of sheet.blocks) {
    markers.add(b.headers[0].toLowerCase());
    if (b.title) markers.add(b.title.toLowerCase());
  }
  return markers;
}
