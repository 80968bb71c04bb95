/** Workbooks laid out like NHS England's BCF planning templates, with exact manifests (see templateCorpus.js). */
export type Rule =
  | 'column-total'
  | 'subtotal'
  | 'row-total'
  | 'running-balance'
  | 'source-overspent'
  | 'joint-percent'
  | 'required-spend'
  | 'minimum-spend'
  | 'duplicate-id'
  | 'discharge-type'
  | 'unreadable-input';
export type Version = '2015-16' | '2017-19' | '2019-20' | '2021-22' | '2022-23' | '2023-25' | '2025-26';
export type SourceId =
  | 'dfg'
  | 'nhsMinimum'
  | 'ibcf'
  | 'winterPressures'
  | 'laDischarge'
  | 'icbDischarge'
  | 'additionalLa'
  | 'additionalNhs'
  | 'laBetterCareGrant';
/** Money: a decimal string with two places, in pounds. */
export type Money = string;
export interface ExpectedLine {
  /** null where the version has no Scheme ID column (2015-16). */
  id: string | null;
  name: string;
  schemeType: string | null;
  subType: string | null;
  areaOfSpend: string;
  commissioner: 'LA' | 'NHS' | 'Joint';
  /** "60" for 60%; null unless Joint. */
  nhsPercent: string | null;
  provider: string;
  source: SourceId;
  /** By year label ("2023/24"); null where the cell holds text that is not an amount. Blank cells are "0.00". */
  spend: Record<string, Money | null>;
  status: 'new' | 'existing';
}
export interface RequiredRow {
  minimum: Money;
  planned: Money;
  under: Money;
}
export interface Fault {
  sheet: string;
  /** A1, uppercase, no $. */
  cell: string;
  rule: Rule;
  /** The figure the cell should show, in pounds; null for faults that are not a wrong figure. */
  correct: Money | null;
  /** '£000' where the cell is on a sheet in thousands (the cell shows correct / 1000). */
  unit?: '£000';
  note: string;
  /** Cells whose checks this fault may also trip (an audit may, but need not, report these too). */
  mayAlsoFlag: { sheet: string; cell: string; rule: Rule }[];
}
export interface Manifest {
  name: string;
  version: Version;
  board: string;
  title: string;
  years: string[];
  sheets: { expenditure: string; income: string };
  /** 1-based row of the expenditure header. */
  headerRow: number;
  expected: {
    lines: ExpectedLine[];
    spendByYear: Record<string, Money>;
    spendBySource: Partial<Record<SourceId, Record<string, Money>>>;
    incomeBySource: Partial<Record<SourceId, Record<string, Money>>>;
    /** Versions with a Required Spend block: per year, OOH and ASC rows. */
    requiredSpend?: Record<string, { ooh: RequiredRow; asc: RequiredRow }>;
  };
  faults: Fault[];
}
export interface Grid {
  name: string;
  cells: Map<string, { v: unknown; fmt?: string }>;
  merges: [number, number, number, number][];
}
export interface TemplateSpec extends Manifest {
  /** The variations this copy was drawn with. */
  look: Record<string, unknown>;
  grids: Grid[];
}
export function templateCorpus(): TemplateSpec[];
export function makeTemplate(options: {
  version: Version;
  lines?: number;
  seed?: number;
  faults?: Rule[];
  look?: Record<string, unknown>;
  name?: string;
}): TemplateSpec;
export function manifestOf(spec: TemplateSpec): Manifest;
export function toXlsx(spec: TemplateSpec): Promise<Buffer>;
export const VERSIONS: Record<Version, { years: string[]; title: string; sources: Record<string, string | string[]> }>;
