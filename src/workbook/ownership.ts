import { cardSheetName } from '../domain/benefitCard';
import { quoteSheet } from '../domain/problems';
import { SUMMARY_SHEET } from './families/cards/names';
import { JOINT_SHEETS } from './families/jointFunding/names';
import { TEMPLATE_SHEETS } from './families/template/names';
import { SHEET } from './families/assumptions/names';
import { POOL_SHEETS } from './families/pool/names';
import type { CellPlan, DefinedNamePlan, SheetPlan, WorkbookPlan } from './sheetPlan';
import { stampFormula, stampRange } from './sheetStamp';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

/**
 * What the add-in made in a workbook, recorded in the workbook itself, so that a command never
 * clears, converts, renames or writes a sheet, table or defined name a person made. The record is a
 * very hidden sheet of plain cells: every host carries cells (Office.js, ExcelJS, HyperFormula),
 * where custom properties and name comments are not carried by all of them.
 *
 * Each owned sheet is recorded by a formula pointing at its A1, so when a person renames the sheet,
 * Excel rewrites the formula and the sheet is still found under its new name.
 */
export const REGISTRY_SHEET = 'BCF Registry';
/**
 * Present only while a command that writes in several requests is under way: it lists the sheets
 * the command created. Found at the start of a command, it means the last one stopped half way:
 * those sheets are the add-in's (rewritten or removed), never a person's.
 */
export const PENDING_SHEET = 'BCF Pending';
/** Prefix of sheets a command fills first and copies over an existing sheet in its last request. */
export const STAGING_PREFIX = 'BCF~';

/** Column of a sheet's row in the registry that holds its stamp formula (sheetStamp.ts). */
export const STAMP_COLUMN = 5;

const REGISTRY_TITLE = 'BCF planner: the sheets, tables and names this add-in made. Kept by the add-in; do not edit.';
/** The title Assumptions!A1 carries in workbooks made before the registry existed. */
const LEGACY_TITLE = /: assumptions$/i;

/** Which objects exist in the workbook, whoever made them. */
export interface Inventory {
  readonly sheets: readonly string[];
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  readonly names: readonly string[];
}

export interface OwnedSheet {
  /** The name the layouts use ("Pool"). */
  readonly logical: string;
  /** Its name in the workbook ("BCF Pool", or whatever a person renamed it to). */
  readonly actual: string;
  /** Fingerprint of the sheet's layout when last written; a change means it is rebuilt whole. */
  readonly shape?: string;
  /** About how many bytes reading it back takes, so reads can be sized before they are sent. */
  readonly bytes?: number;
  /** The live formula stamping its contents (sheetStamp.ts), and its value when the registry was read. */
  readonly stampFormula?: string;
  readonly stamp?: number;
}

export interface Registry {
  readonly found: boolean;
  /**
   * A workbook made before the registry: its sheets, tables and names that have the layout's names
   * are taken to be the add-in's (what earlier versions assumed).
   */
  readonly legacy?: boolean;
  readonly sheets: readonly OwnedSheet[];
  /** Logical table and defined names -> their names in the workbook. */
  readonly tables: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  /** Sheets, tables and names listed by an unfinished command (the pending sheet): the add-in's, to be rebuilt. */
  readonly pending: readonly string[];
  readonly pendingTables?: readonly string[];
  readonly pendingNames?: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

/**
 * The registry as recorded, checked against what exists: an entry whose sheet was deleted is dropped.
 * Without a registry, a workbook made by an earlier version (Assumptions!A1 ends ": assumptions")
 * has its sheets, tables and names adopted by the layout's names; any other workbook owns nothing.
 */
export function readRegistry(
  inventory: Inventory,
  registry: SheetSnapshot | undefined,
  pending: SheetSnapshot | undefined,
  legacy?: { title: unknown; layoutSheets?: readonly string[] },
): Registry {
  const exists = new Map(inventory.sheets.map((s) => [lower(s), s]));
  const listed = (kind: string) =>
    (pending?.values ?? [])
      .slice(1)
      .filter((row) => row[0] === kind)
      .map((row) => String(row[1] ?? ''));
  const pendingSheets = listed('sheet').filter((n) => exists.has(lower(n)) && !n.startsWith(STAGING_PREFIX));
  const pendingTables = listed('table').filter((n) => inventory.tables.some((t) => lower(t.name) === lower(n)));
  const pendingNames = listed('name').filter((n) => inventory.names.some((x) => lower(x) === lower(n)));
  const withPending = (r: Registry): Registry => ({ ...r, pending: pendingSheets, pendingTables, pendingNames });
  if (!registry) {
    if (legacy && typeof legacy.title === 'string' && LEGACY_TITLE.test(legacy.title))
      return withPending(legacyRegistry(pendingSheets));
    return withPending({ found: false, sheets: [], tables: new Map(), names: new Map(), pending: pendingSheets });
  }
  const sheets: OwnedSheet[] = [];
  const tables = new Map<string, string>();
  const names = new Map<string, string>();
  registry.values.forEach((row, r) => {
    if (r === 0) return;
    const [kind, logical] = [String(row[0] ?? ''), String(row[1] ?? '')];
    if (!logical) return;
    if (kind === 'sheet') {
      const actual = sheetOfLocator(registry.formulas?.[r]?.[2] ?? null);
      const found = actual === undefined ? undefined : exists.get(lower(actual));
      if (found)
        sheets.push({
          logical,
          actual: found,
          shape: typeof row[3] === 'string' && row[3] ? row[3] : undefined,
          bytes: typeof row[4] === 'number' ? row[4] : undefined,
          stampFormula: registry.formulas?.[r]?.[STAMP_COLUMN] ?? undefined,
          stamp: typeof row[STAMP_COLUMN] === 'number' ? row[STAMP_COLUMN] : undefined,
        });
    } else if (kind === 'table' || kind === 'name') {
      const actual = String(row[2] ?? '');
      const present =
        kind === 'table'
          ? inventory.tables.some((t) => lower(t.name) === lower(actual))
          : inventory.names.some((n) => lower(n) === lower(actual));
      if (actual && present) (kind === 'table' ? tables : names).set(lower(logical), actual);
    }
  });
  return withPending({ found: true, sheets, tables, names, pending: pendingSheets });
}

/**
 * Whether a workbook is one the add-in or `bcf build` made: it has the registry, or the Assumptions
 * title every build writes. Anything else is a person's, which a command must not replace.
 */
export function madeByAddIn(snapshot: WorkbookSnapshot): boolean {
  const sheet = (name: string) => snapshot.sheets.find((s) => lower(s.name) === lower(name));
  const title = sheet(SHEET.assumptions)?.values[0]?.[0];
  return sheet(REGISTRY_SHEET) !== undefined || (typeof title === 'string' && LEGACY_TITLE.test(title));
}

function legacyRegistry(pending: readonly string[]): Registry {
  return { found: false, legacy: true, sheets: [], tables: new Map(), names: new Map(), pending };
}

/** "='My sheet'!$A$1" -> "My sheet". */
export function sheetOfLocator(formula: string | null): string | undefined {
  if (!formula) return undefined;
  const m = /^=(?:'((?:[^']|'')+)'|([^'!#]+))!\$?A\$?1$/.exec(formula.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

function locator(sheet: string): string {
  return `=${quoteSheet(sheet)}!$A$1`;
}

/** The pending sheet's rows: what a command creates before its last request. */
export function pendingPlan(items: readonly { kind: 'sheet' | 'table' | 'name'; name: string }[]): SheetPlan {
  return {
    name: PENDING_SHEET,
    rows: [
      [{ value: 'BCF planner: a command is writing these; if it stopped, the next command tidies them up.' }],
      ...items.map((i) => [{ value: i.kind }, { value: i.name }]),
    ],
    visibility: 'veryHidden',
  };
}

/**
 * In a workbook made before the registry, the sheets that may be the add-in's: those with the
 * layouts' names (the plan's own sheets, a sheet per year, the pool sheets, the cards).
 */
export function looksLikeLayoutSheet(sheet: string): boolean {
  const fixed = [
    ...Object.values(SHEET),
    ...Object.values(POOL_SHEETS),
    ...Object.values(JOINT_SHEETS),
    ...Object.values(TEMPLATE_SHEETS),
    SUMMARY_SHEET,
  ].map(lower);
  return (
    fixed.includes(lower(sheet)) ||
    /^BCF \d{4}-\d{2}$/.test(sheet) ||
    (sheet.startsWith(cardSheetName('')) && sheet.length > cardSheetName('').length)
  );
}

export function isBookkeeping(sheet: string): boolean {
  const s = lower(sheet);
  return s === lower(REGISTRY_SHEET) || s === lower(PENDING_SHEET) || sheet.startsWith(STAGING_PREFIX);
}

/** The result of fitting a layout into a workbook: names it will really have, and what to tell the person. */
export interface Placement {
  /** The plan with every sheet, table and defined name under its name in the workbook, and the registry sheet. */
  readonly plan: WorkbookPlan;
  /** Logical -> actual sheet names, for every sheet of the plan. */
  readonly sheets: ReadonlyMap<string, string>;
  /** Sheets of the plan that exist and are the add-in's (written over); every other planned sheet is new. */
  readonly owned: ReadonlySet<string>;
  /** Lower-case actual sheet name -> the fingerprint of its layout, as recorded in the registry. */
  readonly shapes: ReadonlyMap<string, string>;
  /** Sentences for the person: "Your sheet "Pool" was left as it is; the add-in's is "BCF Pool"." */
  readonly notices: readonly string[];
}

/**
 * Gives each planned sheet, table and defined name a name in the workbook: its own when the add-in
 * made it (found by the registry, even renamed), the layout's when free, else "BCF <name>" (said to
 * the person). Formulas and name references follow. The registry sheet is added, listing everything.
 */
export function placePlan(
  plan: WorkbookPlan,
  inventory: Inventory,
  registry: Registry,
  measure: (sheet: SheetPlan) => number = () => 0,
): Placement {
  const ownedByLogical = new Map(registry.sheets.map((s) => [lower(s.logical), s.actual]));
  const pending = new Set(registry.pending.map(lower));
  const taken = new Set(inventory.sheets.map(lower));
  const sheetNames = new Map<string, string>();
  const owned = new Set<string>();
  const notices: string[] = [];
  for (const sheet of plan.sheets) {
    let actual = ownedByLogical.get(lower(sheet.name));
    if (!actual && (registry.legacy || pending.has(lower(sheet.name))))
      actual = inventory.sheets.find((s) => lower(s) === lower(sheet.name));
    if (actual) owned.add(lower(actual));
    else {
      actual = freeName(sheet.name, taken, 31);
      if (actual !== sheet.name)
        notices.push(
          `Your sheet "${inventory.sheets.find((s) => lower(s) === lower(sheet.name)) ?? sheet.name}" was left as it is; the add-in's ${sheet.name} sheet is called "${actual}".`,
        );
    }
    taken.add(lower(actual));
    sheetNames.set(lower(sheet.name), actual);
  }
  const takenTables = new Set([...inventory.tables.map((t) => lower(t.name)), ...inventory.names.map(lower)]);
  const tableNames = new Map<string, string>();
  for (const t of plan.sheets.flatMap((s) => s.tables ?? [])) {
    const mine =
      registry.tables.get(lower(t.name)) ??
      (registry.legacy
        ? legacyTable(t.name, inventory, owned)
        : registry.pendingTables?.find((x) => lower(x) === lower(t.name)));
    const actual = mine ?? freeName(t.name, takenTables, 255, '_');
    if (!mine && actual !== t.name)
      notices.push(
        `A table called ${t.name} is already in the workbook and was left as it is; the add-in's is called ${actual}.`,
      );
    takenTables.add(lower(actual));
    tableNames.set(lower(t.name), actual);
  }
  const definedNames = new Map<string, string>();
  for (const n of plan.names) {
    const mine =
      registry.names.get(lower(n.name)) ??
      (registry.legacy
        ? inventory.names.find((x) => lower(x) === lower(n.name))
        : registry.pendingNames?.find((x) => lower(x) === lower(n.name)));
    const actual = mine ?? freeName(n.name, takenTables, 255, '_');
    if (!mine && actual !== n.name)
      notices.push(
        `The name ${n.name} is already used in the workbook and was left as it is; the add-in's is called ${actual}.`,
      );
    takenTables.add(lower(actual));
    definedNames.set(lower(n.name), actual);
  }
  const renames = { sheets: changedOnly(sheetNames), names: changedOnly(definedNames) };
  const sheets = plan.sheets.map((s) => renameSheetPlan(s, sheetNames.get(lower(s.name))!, tableNames, renames));
  const names: DefinedNamePlan[] = plan.names.map((n) => ({
    ...n,
    name: definedNames.get(lower(n.name))!,
    sheet: sheetNames.get(lower(n.sheet)) ?? n.sheet,
  }));
  const shapes = new Map(sheets.map((s) => [lower(s.name), sheetShape(s)]));
  const sizes = new Map(sheets.map((s) => [lower(s.name), measure(s)]));
  const stamps = new Map(
    sheets.map((s) => {
      const { rows, columns } = stampRange(s);
      return [lower(s.name), stampFormula(s.name, rows, columns)];
    }),
  );
  const registrySheet = registryPlan(plan, registry, sheetNames, tableNames, definedNames, (actual) => ({
    shape: shapes.get(lower(actual)),
    bytes: sizes.get(lower(actual)),
    stamp: stamps.get(lower(actual)),
  }));
  return { plan: { sheets: [...sheets, registrySheet], names }, sheets: sheetNames, owned, shapes, notices };
}

/** In a workbook made before the registry, a table of the layout's name on a sheet the add-in adopts. */
function legacyTable(name: string, inventory: Inventory, owned: ReadonlySet<string>): string | undefined {
  return inventory.tables.find((t) => lower(t.name) === lower(name) && owned.has(lower(t.sheet)))?.name;
}

function changedOnly(map: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...map].filter(([logical, actual]) => logical !== lower(actual)));
}

function freeName(wanted: string, taken: ReadonlySet<string>, max: number, space = ' '): string {
  if (!taken.has(lower(wanted))) return wanted;
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : `${space}${i}`;
    const name = `BCF${space}${wanted}`.slice(0, max - suffix.length) + suffix;
    if (!taken.has(lower(name))) return name;
  }
}

function renameSheetPlan(
  sheet: SheetPlan,
  actual: string,
  tables: ReadonlyMap<string, string>,
  renames: FormulaRenames,
): SheetPlan {
  const renamed = sheet.tables?.map((t) => ({ ...t, name: tables.get(lower(t.name)) ?? t.name }));
  if (!renames.sheets.size && !renames.names.size) return { ...sheet, name: actual, tables: renamed };
  const rows = sheet.rows.map((row) =>
    row.map((cell): CellPlan | null =>
      cell?.formula ? { ...cell, formula: renameInFormula(cell.formula, renames) } : cell,
    ),
  );
  // A drop-down's list may live on another sheet (Assumptions): its source follows the rename too.
  const validations = sheet.validations?.map((v) =>
    v.source ? { ...v, source: renameInFormula(`=${v.source}`, renames).slice(1) } : v,
  );
  return { ...sheet, name: actual, tables: renamed, rows, validations };
}

function registryPlan(
  plan: WorkbookPlan,
  registry: Registry,
  sheets: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
  measured: (actual: string) => { shape?: string; bytes?: number; stamp?: string },
): SheetPlan {
  const planned = new Set(plan.sheets.map((s) => lower(s.name)));
  const rows: (CellPlan | null)[][] = [[{ value: REGISTRY_TITLE }]];
  const sheetRow = (logical: string, actual: string, { shape, bytes, stamp }: ReturnType<typeof measured> = {}) =>
    rows.push([
      { value: 'sheet' },
      { value: logical },
      { formula: locator(actual), result: null },
      shape ? { value: shape } : null,
      bytes ? { value: bytes } : null,
      stamp ? { formula: stamp, result: null } : null,
    ]);
  for (const s of plan.sheets) {
    const actual = sheets.get(lower(s.name))!;
    sheetRow(s.name, actual, measured(actual));
  }
  // Sheets made by earlier commands and not in this plan (cards when writing tables) stay listed.
  for (const s of registry.sheets)
    if (!planned.has(lower(s.logical)))
      sheetRow(s.logical, s.actual, { shape: s.shape, bytes: s.bytes, stamp: s.stampFormula });
  for (const p of registry.pending)
    if (!planned.has(lower(p)) && !registry.sheets.some((s) => lower(s.actual) === lower(p))) sheetRow(p, p);
  const listed = (
    kind: string,
    now: ReadonlyMap<string, string>,
    before: ReadonlyMap<string, string>,
    logicalOf: (key: string) => string,
  ) => {
    for (const [key, actual] of now) rows.push([{ value: kind }, { value: logicalOf(key) }, { value: actual }]);
    for (const [key, actual] of before)
      if (!now.has(key)) rows.push([{ value: kind }, { value: key }, { value: actual }]);
  };
  const tableLogical = new Map(
    plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => [lower(t.name), t.name] as const)),
  );
  listed('table', tables, registry.tables, (k) => tableLogical.get(k) ?? k);
  const nameLogical = new Map(plan.names.map((n) => [lower(n.name), n.name] as const));
  listed('name', names, registry.names, (k) => nameLogical.get(k) ?? k);
  return { name: REGISTRY_SHEET, rows, visibility: 'veryHidden' };
}

export interface FormulaRenames {
  /** Lower-case old name -> new name. */
  readonly sheets: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * A formula with sheet references and defined names renamed; text in string literals, function
 * names and cell references are left alone.
 */
export function renameInFormula(formula: string, renames: FormulaRenames): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const sheet = formula.slice(i + 1, j).replace(/''/g, "'");
      const to = renames.sheets.get(lower(sheet));
      out += to !== undefined ? quoteSheet(to) : formula.slice(i, j + 1);
      i = j + 1;
    } else if (/[A-Za-z_\\]/.test(ch) && !/[A-Za-z0-9_.$]/.test(formula[i - 1] ?? '')) {
      let j = i + 1;
      while (j < formula.length && /[A-Za-z0-9_.]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      const to =
        next === '!' ? renames.sheets.get(lower(word)) : next === '(' ? undefined : renames.names.get(lower(word));
      out += to !== undefined ? (next === '!' ? quoteSheet(to) : to) : word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * What a reader sees: the add-in's sheets under their layout names, with formulas written as the
 * layout writes them, so a renamed or "BCF Pool" sheet reads and audits like any other.
 */
export function logicalSnapshot(snapshot: WorkbookSnapshot, registry: Registry): WorkbookSnapshot {
  const toLogical = new Map(registry.sheets.map((s) => [lower(s.actual), s.logical]));
  const renames: FormulaRenames = {
    sheets: new Map(registry.sheets.filter((s) => s.actual !== s.logical).map((s) => [lower(s.actual), s.logical])),
    names: new Map(
      [...registry.names]
        .filter(([logical, actual]) => logical !== lower(actual))
        .map(([logical, actual]) => [lower(actual), logical]),
    ),
  };
  // Sheets a command made and did not finish (listed on the pending sheet) are no plan yet: a
  // failed Start plan must not read as "this workbook already holds a plan" to the next one.
  const unfinished = new Set(registry.pending.map(lower));
  const sheets = snapshot.sheets
    .filter((s) => !isBookkeeping(s.name) && !unfinished.has(lower(s.name)))
    .map((s) => {
      const name = toLogical.get(lower(s.name)) ?? s.name;
      if (!renames.sheets.size && !renames.names.size) return name === s.name ? s : { ...s, name };
      return { ...s, name, formulas: s.formulas?.map((row) => row.map((f) => (f ? renameInFormula(f, renames) : f))) };
    });
  return { ...snapshot, sheets };
}

/** A short fingerprint of a sheet's layout: styles, formats, tables, validations, widths, freeze, charts. */
export function sheetShape(sheet: SheetPlan): string {
  let h = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  };
  mix(
    JSON.stringify([
      sheet.tables ?? [],
      sheet.validations ?? [],
      sheet.columnWidths ?? [],
      sheet.freeze ?? null,
      sheet.tabColor ?? null,
      sheet.charts ?? [],
      sheet.visibility ?? null,
      sheet.rows.length,
    ]),
  );
  for (const row of sheet.rows) {
    mix('|');
    for (const cell of row) mix(cell ? `${cell.style ?? ''}:${cell.format ?? ''};` : ';');
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
