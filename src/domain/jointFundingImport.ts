import type { JointFunding, JointPackage } from './jointFunding';
import { checkJointFunding, DECIDED_HEADER, type PackageField } from './jointFundingChecks';
import {
  packageFromCells,
  ratioOrderOf,
  ratioParts,
  type CellValue,
  type PackageCells,
  type RatioOrder,
} from './jointFundingInput';
import type { RegisterProblem } from './jointFundingJson';
import { totalsRow } from './jointFundingRowsPassedOver';
import { columnLetter } from './a1';
import { Money } from './money';
import { COST_PERIODS, shareFromContribution, weeklyCostOf } from './jointFundingExportAmounts';
import { addedUpLines } from './jointFundingServiceLines';

/**
 * Reads an export from a case-management system (Mosaic, Liquidlogic LAS, or a spreadsheet someone
 * keeps) into packages: the header row is found by its common names, every other column is ignored
 * (so a name column is never copied), and every row that can't be read is a problem with its row
 * number and the reason, never dropped or guessed at.
 */
export type ImportField = PackageField | 'healthMinutes' | 'socialMinutes' | 'icbWeekly';

const HEADER_NAMES: Readonly<Record<ImportField, readonly string[]>> = {
  person: [
    'person id',
    'person ref',
    'person reference',
    'client id',
    'client ref',
    'client reference',
    'service user id',
    'mosaic id',
    'las id',
    'person number',
    'client number',
  ],
  ref: [
    'package id',
    'package ref',
    'package reference',
    'care package id',
    'service id',
    'agreement id',
    'package number',
  ],
  basis: ['funding basis', 'funding type', 'basis', 'legal basis'],
  icb: ['icb', 'ccg', 'icb name', 'ccg name', 'icb ccg', 'health partner', 'nhs partner'],
  // Services and placements carry their own dates in LAS and Mosaic ("Service Start Date").
  start: [
    'start date',
    'start',
    'package start',
    'package start date',
    'date from',
    'service start',
    'service start date',
    'placement start date',
    'agreement start date',
  ],
  end: [
    'end date',
    'end',
    'package end',
    'package end date',
    'date to',
    'service end',
    'service end date',
    'placement end date',
    'agreement end date',
  ],
  weeklyCost: ['weekly cost', 'weekly amount', 'cost per week', 'gross weekly cost', 'weekly package cost'],
  method: ['split method', 'agreement', 'split', 'funding split', 'split agreed', 'joint funding method'],
  icbPercent: [
    'health share %',
    'health share',
    'icb %',
    'icb share',
    'icb share %',
    'health %',
    'ccg %',
    'ccg share',
    'health percentage',
    'health contribution %',
    'icb contribution %',
    'ccg contribution %',
    'nhs share %',
    'nhs %',
  ],
  decided: ['panel date', 'decision date', 'panel decision date', 'date agreed'],
  healthMinutes: ['health minutes', 'health minutes per week', 'health task minutes'],
  // The ICB's pounds a week, as LAS writes a joint package ("Health Contribution"): the share is worked out from it.
  icbWeekly: [
    'health contribution',
    'weekly health contribution',
    'health contribution per week',
    'icb contribution',
    'ccg contribution',
    'nhs contribution',
    'health funding',
  ],
  socialMinutes: ['social care minutes', 'social minutes', 'social care minutes per week', 'social care task minutes'],
  tasks: [],
};

/** A field's column as a person would head it, for a message about a column the export lacks. */
const FIELD_HEADERS: Partial<Record<PackageField, string>> = { decided: DECIDED_HEADER, method: 'Split method' };

/** Columns that hold who a person is: never read, whatever the mapping says. */
const NAME_HEADERS =
  /^(name|full name|client name|person name|service user name|forename|first name|given name|surname|last name|family name|nhs number|date of birth|dob|address|postcode)$/;

/**
 * Text that looks like a person's name rather than a reference ("P-10423"): "Jane Smith", or
 * "SMITH, Jane" as case-management systems list people, surname first.
 */
const LOOKS_LIKE_A_NAME = /^[A-Za-z][A-Za-z'’-]+((\s*,\s*|\s+)[A-Za-z][A-Za-z'’.-]*)+$/;

export function normaliseHeader(value: CellValue): string {
  return (
    String(value ?? '')
      .toLowerCase()
      .replace(/[()[\]_*:]/g, ' ')
      // The currency is no part of a column's meaning: "Weekly cost (£)", "Cost (£ per week)".
      .replace(/£|\bgbp\b/g, ' ')
      .replace(/\bper wk\b|\bpw\b/g, 'per week')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export interface ImportResult {
  readonly jointFunding: JointFunding;
  readonly problems: RegisterProblem[];
  /**
   * No package could be read, and errors say why (no header row, a column missing or given twice,
   * every row refused): nothing in it is a figure, and £0 would pass for the register's.
   */
  readonly unreadable: boolean;
  /** Which column each field came from, and the columns left out (names among them). */
  readonly columns: {
    readonly used: Readonly<Partial<Record<ImportField, string>>>;
    readonly ignored: readonly string[];
  };
}

/** One table of an export: a CSV, or one sheet of a workbook, with how its rows are named in messages. */
export interface ExportTable {
  readonly rows: readonly (readonly CellValue[])[];
  /** Turns an index into the row a person sees, e.g. "North Team row 12". */
  readonly describe: (row: number) => string;
  /** The sheet's name: a package with no reference of its own is named by it when several sheets are read. */
  readonly name?: string;
}

/**
 * Packages from the rows of an export (row 1 first). `mapping` names the field of any other header,
 * e.g. { "Client Number": "person" }. `rowNumber` turns an index into the number a person sees.
 */
export function importPackages(
  rows: readonly (readonly CellValue[])[],
  mapping: Readonly<Record<string, ImportField>> = {},
  describe = (row: number) => `row ${row}`,
): ImportResult {
  return importTables([{ rows, describe }], mapping);
}

/**
 * Packages from every table of an export that has a header row: a workbook with one sheet per team
 * is one register, so a sheet past the first is never left out unseen. A table whose header lacks a
 * column is reported and its rows left out (the export is unreadable only when no table can be read).
 */
export function importTables(
  tables: readonly ExportTable[],
  mapping: Readonly<Record<string, ImportField>> = {},
): ImportResult {
  const found = tables
    .map((table) => ({ table, header: findHeader(table.rows, mapping) }))
    .filter(({ header }) => header.index >= 0);
  if (!found.length) {
    return {
      jointFunding: { rules: [], packages: [] },
      problems: [
        {
          severity: 'error',
          where: { path: (tables[0]?.describe ?? ((row: number) => `row ${row}`))(1) },
          row: null,
          field: '',
          message: `no header row found: the export needs columns such as Person ID, ICB, Start date and Weekly cost (or map yours with --map "Your header=person").`,
        },
      ],
      columns: { used: {}, ignored: [] },
      unreadable: true,
    };
  }
  // Each table's problems in a list of its own, so they read table by table, then row by row.
  const lists = found.map(({ table, header }) => headerProblems(table.rows, header, table.describe));
  const columns = {
    used: Object.assign({}, ...found.map((f) => f.header.labels).reverse()) as ImportResult['columns']['used'],
    ignored: [...new Set(found.flatMap((f) => f.header.ignored))],
  };
  const readable = found.map((f, t) => ({ ...f, t })).filter(({ t }) => !lists[t].length);
  if (!readable.length)
    return { jointFunding: { rules: [], packages: [] }, problems: lists.flat(), columns, unreadable: true };
  // A sheet with no person and no start column beside sheets of packages is a summary (packages and
  // cost by ICB, say): passed over with a warning. A sheet with either is a list short of a column: an error.
  found.forEach(({ table, header }, t) => {
    const lacks = (field: string) => lists[t].some((p) => p.row === header.index + 1 && p.field === field);
    if (!lacks('person') || !lacks('start')) return;
    lists[t] = [
      {
        severity: 'warning',
        where: { path: table.describe(header.index + 1) },
        row: header.index + 1,
        field: '',
        message: `this sheet has no person and no start date column, so it was taken for a summary, not a list of packages, and not read.`,
      },
    ];
  });
  // Said once per table: an "Annual cost" holding a part year's cost would make every weekly figure wrong.
  for (const { table, header, t } of readable)
    if (header.costWeeks !== 1)
      lists[t].push({
        severity: 'warning',
        where: { path: `${table.describe(header.index + 1)}, ${header.labels.weeklyCost}` },
        row: header.index + 1,
        field: 'weeklyCost',
        message: `the weekly costs are the "${header.labels.weeklyCost}" column divided by ${header.costWeeks}: a cost for ${header.costWeeks} weeks of care. If it holds the cost within a year of a package that started or ended in it, export the weekly cost instead.`,
      });
  const named = readable.length > 1;
  const read = readable.flatMap(({ table, header, t }) =>
    readPackageRows(table.rows, header, table.describe, named ? table.name : undefined, lists[t]).map((r) => ({
      ...r,
      problems: lists[t],
    })),
  );
  const kept = checkedPackages(read);
  const problems = lists.flatMap((list) => list.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  return {
    jointFunding: { rules: [], packages: kept },
    problems,
    columns,
    // Every row refused is no register at all, as a header that can't be read is: not an empty one.
    unreadable: !kept.length && problems.some((p) => p.severity === 'error'),
  };
}

type Header = ReturnType<typeof findHeader>;

/**
 * Columns missing, or two columns for one field (a gross and a net "Weekly cost", say): which one the
 * figures come from is the user's call, unless the two agree on every row, when reading either gives
 * the same register (the second is then listed as left out).
 */
function headerProblems(
  rows: readonly (readonly CellValue[])[],
  header: Header,
  describe: (row: number) => string,
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const cellText = (row: readonly CellValue[] | undefined, c: number) => String(row?.[c] ?? '').trim();
  for (const { field, first, again, label } of header.twice) {
    const rest = rows.slice(header.index + 1);
    if (rest.every((row) => cellText(row, first) === cellText(row, again))) {
      header.ignored.push(label);
      continue;
    }
    problems.push({
      severity: 'error',
      where: { path: describe(header.index + 1) },
      row: header.index + 1,
      field,
      message: `columns ${columnLetter(first)} ("${header.labels[field]}") and ${columnLetter(again)} ("${label}") are both a "${HEADER_NAMES[field][0]}" column; rename or delete one so only one is read.`,
    });
  }
  // A name or NHS number column is never read: say so, or the user maps it with --map and is refused again.
  const personal = header.ignored.filter((label) => NAME_HEADERS.test(normaliseHeader(label)));
  const notRead = personal.length
    ? ` ${personal.map((l) => `"${l}"`).join(' and ')} ${personal.length > 1 ? 'are' : 'is'} never read, as ${personal.length > 1 ? 'they say' : 'it says'} who the person is: add the case-management ID (Person ID, Client ID, Mosaic ID), a pseudonymous reference.`
    : '';
  for (const required of ['person', 'icb', 'start', 'weeklyCost', 'basis'] as const) {
    if (header.columns[required] === undefined)
      problems.push({
        severity: 'error',
        where: { path: describe(header.index + 1) },
        row: header.index + 1,
        field: required,
        message: `no column for ${required}: expected a header such as "${HEADER_NAMES[required][0]}".${required === 'person' ? notRead : ''}`,
      });
  }
  return problems;
}

/** A package read from a row, and where a problem with one of its fields is reported. */
interface ReadPackage {
  readonly pkg: JointPackage;
  readonly row: number;
  readonly where: (field: string) => string;
  /** A field's column as the export heads it. */
  readonly label: (field: string) => string;
}

/**
 * Each row under the header as a package (blank rows and a totals row skipped); what was wrong in a
 * row goes to `problems`. `sheet` names a package with no reference of its own when several sheets are read.
 */
function readPackageRows(
  rows: readonly (readonly CellValue[])[],
  header: Header,
  describe: (row: number) => string,
  sheet: string | undefined,
  problems: RegisterProblem[],
): ReadPackage[] {
  const packages: ReadPackage[] = [];
  let uneven: { row: number; text: string } | undefined;
  for (let i = header.index + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((v) => v === null || v === undefined || String(v).trim() === '')) continue;
    const totals = repeatedHeader(row, rows[header.index] ?? []) ?? totalsRow(row, header.columns);
    if (totals) {
      problems.push({ severity: 'warning', where: { path: describe(i + 1) }, row: i + 1, field: '', message: totals });
      continue;
    }
    const label = (field: string) =>
      header.labels[field as ImportField] ?? FIELD_HEADERS[field as PackageField] ?? field;
    const where = (field: string) => `${describe(i + 1)}, ${label(field)}`;
    const say = (field: string, message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({ severity, where: { path: where(field) }, row: i + 1, field, message });
    const cells: PackageCells = Object.fromEntries(Object.entries(header.columns).map(([field, c]) => [field, row[c]]));
    const perWeek = weeklyCostOf(cells.weeklyCost, header.costWeeks, label('weeklyCost'));
    if ('error' in perWeek) {
      say('weeklyCost', perWeek.error);
      continue;
    }
    cells.weeklyCost = perWeek.cell;
    const share = shareFromContribution(cells, label('icbWeekly'), label('weeklyCost'));
    if ('error' in share) {
      say('icbWeekly', share.error);
      continue;
    }
    cells.icbPercent = share.cell;
    const read = readRow(cells, sheet ? `${sheet} ${i + 1}` : String(i + 1), ratioOrderOf(header.labels.method));
    for (const issue of read.issues) say(issue.field, issue.message);
    if (!read.pkg) continue;
    packages.push({ pkg: read.pkg, row: i + 1, where, label });
    const parts = ratioParts(cells.method);
    if (!uneven && parts && !new Money(parts[1]).equals(parts[2]))
      uneven = { row: i + 1, text: String(cells.method).trim() };
    const fraction = shareAsFraction(read.pkg, cells.icbPercent);
    if (fraction)
      say(
        'icbPercent',
        `the ICB share ${fraction} is read as ${fraction}%; if the export writes shares as fractions (0.4 for 40%), write it as ${new Money(fraction).times(100).toFixed()} or ${new Money(fraction).times(100).toFixed()}%.`,
        'warning',
      );
  }
  // Which way round a plain "Funding split" is written is nowhere in the export: say how it was read, once.
  if (uneven && header.labels.method && !ratioOrderOf(header.labels.method)) {
    const [, council, icb] = ratioParts(uneven.text) ?? [];
    problems.push({
      severity: 'warning',
      where: { path: `${describe(header.index + 1)}, ${header.labels.method}` },
      row: header.index + 1,
      field: 'method',
      message: `splits in "${header.labels.method}" are read council:ICB (row ${uneven.row}'s "${uneven.text}" is council ${council}%, ICB ${icb}%); if the export gives the ICB's share first, head the column "Split (Health/Social Care)" and import again.`,
    });
  }
  return packages;
}

/**
 * A report paginated for print repeats its header row on every page: passed over, not read as a
 * package whose person is "Person ID".
 */
function repeatedHeader(row: readonly CellValue[], header: readonly CellValue[]): string | undefined {
  const text = (v: CellValue) => normaliseHeader(v);
  const same = header.every((h, c) => text(h) === text(row[c])) && row.every((v, c) => text(v) === text(header[c]));
  return same ? 'this row repeats the header row (a report printed page by page), so it was not read.' : undefined;
}

/**
 * The register's own checks on the packages read, over every table at once (a package reference
 * used on two sheets is caught): those with an error left out, each issue in its table's problems.
 */
function checkedPackages(lines: readonly (ReadPackage & { problems: RegisterProblem[] })[]): JointPackage[] {
  const read = addedUpLines(lines);
  const { issues } = checkJointFunding({ rules: [], packages: read.map((r) => r.pkg) });
  const bad = new Set<number>();
  for (const issue of issues) {
    const at = read[issue.index];
    // A package with no split of its own follows its ICB's default rule, which an export can't carry: kept, with a warning.
    const warning = issue.field === 'method' || issue.severity === 'warning';
    if (!warning) bad.add(issue.index);
    at.problems.push({
      severity: warning ? 'warning' : 'error',
      where: { path: at.where(issue.field) },
      row: at.row,
      field: issue.field,
      message: issue.message,
    });
  }
  return read.filter((_, k) => !bad.has(k)).map((r) => r.pkg);
}

/** An ICB share typed as a bare number between 0 and 1 ("0.4", no %): a fraction more likely than a share under 1%. */
function shareAsFraction(pkg: JointPackage, typed: CellValue): string | undefined {
  const split = pkg.split;
  if (split.method !== 'fixed' && split.method !== 'panel') return undefined;
  // A share from a ratio ("99.5:0.5") or typed with its % sign says what it means.
  if (typed === null || typed === undefined || String(typed).trim() === '' || String(typed).trim().endsWith('%'))
    return undefined;
  return split.icbPercent.greaterThan(0) && split.icbPercent.lessThan(1) ? split.icbPercent.toFixed() : undefined;
}

/** `place` names the row in a package's made-up reference when the export gives none: "12", or "North Team 12". */
function readRow(cells: PackageCells, place: string, order: RatioOrder = 'councilFirst') {
  const person = String(cells.person ?? '').trim();
  if (LOOKS_LIKE_A_NAME.test(person)) {
    return {
      issues: [
        {
          field: 'person' as const,
          message: `the person reference looks like a name; the register keeps a pseudonymous reference (such as the case-management ID), never a name, so this row was not copied.`,
        },
      ],
    };
  }
  const ref = String(cells.ref ?? '').trim() || `${person}/${place}`;
  return packageFromCells({ ...cells, ref }, undefined, order);
}

function findHeader(rows: readonly (readonly CellValue[])[], mapping: Readonly<Record<string, ImportField>>) {
  const mapped = new Map(Object.entries(mapping).map(([h, f]) => [normaliseHeader(h), f]));
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const columns: Partial<Record<ImportField, number>> = {};
    const labels: Partial<Record<ImportField, string>> = {};
    const ignored: string[] = [];
    const twice: { field: ImportField; first: number; again: number; label: string }[] = [];
    let period: { column: number; weeks: number; label: string } | undefined;
    (rows[r] ?? []).forEach((value, c) => {
      const h = normaliseHeader(value);
      if (!h) return;
      const weeks = mapped.has(h) ? undefined : COST_PERIODS.find(([, names]) => names.includes(h))?.[0];
      if (weeks !== undefined && !period) {
        period = { column: c, weeks, label: String(value).trim() };
        return;
      }
      // A split column headed with its parties in order ("Split (Health/Social Care)") is the split method.
      const field = NAME_HEADERS.test(h)
        ? undefined
        : (mapped.get(h) ?? fieldOf(h) ?? (ratioOrderOf(value) && 'method'));
      if (field && columns[field] === undefined) {
        columns[field] = c;
        labels[field] = String(value).trim();
      } else if (field) twice.push({ field, first: columns[field]!, again: c, label: String(value).trim() });
      else ignored.push(String(value).trim());
    });
    // A cost a year or per 4 weeks stands in for the weekly cost only when the export has none.
    let costWeeks = 1;
    if (period && columns.weeklyCost === undefined) {
      columns.weeklyCost = period.column;
      labels.weeklyCost = period.label;
      costWeeks = period.weeks;
    } else if (period) ignored.push(period.label);
    if (Object.keys(columns).length >= 3) return { index: r, columns, labels, ignored, twice, costWeeks };
  }
  return { index: -1, columns: {}, labels: {}, ignored: [], twice: [], costWeeks: 1 };
}

function fieldOf(header: string): ImportField | undefined {
  return (Object.keys(HEADER_NAMES) as ImportField[]).find((f) => HEADER_NAMES[f].includes(header));
}

export const IMPORT_FIELDS = Object.keys(HEADER_NAMES).filter((f) => f !== 'tasks') as ImportField[];
