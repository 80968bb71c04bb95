import { keptCopyNote } from '../adapters/file/textFile';
import type Decimal from 'decimal.js';
import { loadJointFunding, writePackagesFile, type LoadedRegister } from '../adapters/file/jointFundingFiles';
import { today } from '../domain/clock';
import { isoOf, METHOD_LABELS, BASIS_LABELS, ukDate, type Shares } from '../domain/jointFunding';
import { checkJointFunding } from '../domain/jointFundingChecks';
import { IMPORT_FIELDS, type ImportField } from '../domain/jointFundingImport';
import type { RegisterProblem } from '../domain/jointFundingJson';
import { parseDay } from '../domain/jointFundingInput';
import { jointSummary, type GroupFigures, type JointSummary } from '../domain/jointFundingSummary';
import { canonicalYear, isFinancialYearLabel } from '../domain/financialYear';
import { formatPounds } from '../domain/money';
import { describeProblem } from '../domain/problems';
import { reconcileJointWithPool, type JointPoolReconciliation } from '../domain/jointPoolReconciliation';
import type { Plan } from '../domain/plan';
import { loadPlan } from '../adapters/file/planFiles';
import { reconciliationJson } from './trackJson';
import { plural } from '../domain/plural';
import { UsageError } from './args';
import { shortList } from './render';
import type { CliCommand } from './command';
import type { Io } from './io';
import { checkOutput } from './outputPath';

export const jointCommand: CliCommand = {
  name: 'joint',
  usage:
    'joint [import] <plan.json|file.xlsx|packages.json|export.csv> [--as-at dd/mm/yyyy] [--year 2023/24] [--json] [-o packages.json]',
  summary:
    'Prints the jointly funded care packages: people covered on a date, the council and ICB shares a week, in the year and as a full year, by ICB, basis and method, and the FOI return. ' +
    '`bcf joint import <export.csv|xlsx> -o packages.json` reads a case-management export (Mosaic, LAS or a spreadsheet) into a packages file; every unreadable row is reported with its number.',
  flags: {
    'as-at': {
      type: 'string',
      help: 'the date people and weekly figures are counted on (default: the register’s, else today)',
    },
    year: {
      type: 'string',
      help: 'the financial year of the annual cost, e.g. 2023/24 (default: the register’s, else the year holding the as-at date)',
    },
    json: { type: 'boolean', help: 'print the figures as JSON (money as "1656101.72")' },
    out: { type: 'string', short: 'o', help: 'with import: the packages file to write (.json)' },
    map: {
      type: 'string',
      help: `with import: your headers for fields, e.g. "Client No=person,Weekly £=weeklyCost" (fields: ${IMPORT_FIELDS.join(', ')})`,
    },
  },
  positionals: { min: 1, max: 2 },
  async run({ positionals, flags }, io) {
    const importing = positionals[0] === 'import';
    const input = importing ? positionals[1] : positionals[0];
    if (!input) throw new UsageError('missing the export to import');
    if (!importing && positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    if (!importing && (flags.out !== undefined || flags.map !== undefined))
      throw new UsageError('-o and --map go with "bcf joint import"');
    const mapping = parseMapping(flags.map);
    if (importing && typeof flags.out === 'string') await checkOutput(input, flags.out, '.json');
    const loaded = await loadJointFunding(input, mapping);
    if (importing) return writeImport(flags.out, loaded, io);
    return report(input, loaded, flags, io, loaded.kind === 'export' ? undefined : await planBehind(input));
  },
};

function parseMapping(value: string | boolean | undefined): Record<string, ImportField> {
  if (typeof value !== 'string') return {};
  const mapping: Record<string, ImportField> = {};
  for (const pair of value.split(',')) {
    const [header, field] = pair.split('=').map((s) => s.trim());
    if (!header || !field || !(IMPORT_FIELDS as string[]).includes(field))
      throw new UsageError(
        `--map takes "Your header=field" pairs; "${pair}" has no field among ${IMPORT_FIELDS.join(', ')}`,
      );
    mapping[header] = field as ImportField;
  }
  return mapping;
}

async function writeImport(out: string | boolean | undefined, loaded: LoadedRegister, io: Io): Promise<number> {
  if (typeof out !== 'string') throw new UsageError('give the packages file to write with -o, e.g. -o packages.json');
  loaded.problems.forEach((p) => io.err(describeProblem(p)));
  // Nothing was read: an empty packages file would stand in for the register (or replace one) as if the export had none.
  if (loaded.unreadable) {
    io.out(`Nothing written to ${out}: no row of the export could be read (see above).`);
    return 1;
  }
  keptCopyNote(out, await writePackagesFile(out, loaded.jointFunding)).forEach((line) => io.err(line));
  const refused = new Set(loaded.problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
  const ignored = loaded.columns?.ignored.length ? `; columns not copied: ${shortList(loaded.columns.ignored)}` : '';
  const notRead = refused ? `; ${plural(refused, 'row')} not read (see above)` : '';
  io.out(`Wrote ${out}: ${plural(loaded.jointFunding.packages.length, 'package')}${notRead}${ignored}.`);
  return refused ? 1 : 0;
}

/**
 * The register with only the packages its figures can count. An export keeps a package with no
 * split and no rule for its ICB (a rule can be added to the packages file), but no share of it can
 * be worked out: left out of the figures, with an error saying how many and why.
 */
function countable(loaded: LoadedRegister): LoadedRegister {
  const { usable } = checkJointFunding(loaded.jointFunding);
  const left = loaded.jointFunding.packages.length - usable.length;
  if (!left) return loaded;
  const problem: RegisterProblem = {
    severity: 'error',
    where: { path: 'Split method' },
    row: null,
    field: 'method',
    message: `${plural(left, 'package')} left out of these figures: no split method and no default rule for the ICB (see the warnings); give each a split method in the export.`,
  };
  return {
    ...loaded,
    jointFunding: { ...loaded.jointFunding, packages: usable },
    problems: [...loaded.problems, problem],
  };
}

/** The whole plan a plan file or workbook holds, for the reconciliation with its pool; undefined for a packages file. */
async function planBehind(input: string): Promise<Plan | undefined> {
  try {
    const { plan } = await loadPlan(input);
    return plan.pool && plan.years.length ? plan : undefined;
  } catch {
    return undefined; // a packages file, or a plan with errors of its own: the register's figures still print
  }
}

function report(
  input: string,
  read: LoadedRegister,
  flags: Record<string, string | boolean | undefined>,
  io: Io,
  plan?: Plan,
): number {
  const loaded = countable(read);
  const jf = loaded.jointFunding;
  // The same reading as the import's date columns, so a date copied from the export is taken here too.
  const asAtFlag = typeof flags['as-at'] === 'string' ? parseDay(flags['as-at']) : undefined;
  if (typeof flags['as-at'] === 'string' && asAtFlag === undefined)
    throw new UsageError(`--as-at takes a date written dd/mm/yyyy or yyyy-mm-dd, not "${flags['as-at']}"`);
  const yearText = typeof flags.year === 'string' ? flags.year : undefined;
  if (yearText !== undefined && !isFinancialYearLabel(yearText))
    throw new UsageError(`--year takes a financial year such as 2023/24, not "${yearText}"`);
  const yearFlag = yearText === undefined ? undefined : canonicalYear(yearText);
  const asAt = asAtFlag ?? jf.asAt ?? today();
  const summary = jointSummary(jf.packages, jf.rules, asAt, yearFlag ?? (asAtFlag === undefined ? jf.year : undefined));
  const reconciled =
    plan && plan.years.some((y) => y.label === summary.year)
      ? reconcileJointWithPool({ ...plan, jointFunding: { ...jf, packages: jf.packages } }, summary.year)
      : undefined;
  if (!jf.packages.length && loaded.problems.some((p) => p.severity === 'error')) {
    // No package read or countable: figures of £0 and "no agreement in place" would read as the
    // council's answer, in JSON as much as in text. Said alike for both, and nothing on stdout.
    loaded.problems.forEach((p) => io.err(describeProblem(p)));
    io.err(nothingCounted(loaded, input));
    return 1;
  }
  if (flags.json)
    io.out(
      JSON.stringify(
        { ...summaryJson(summary, loaded), reconciliation: reconciled ? reconciliationJson(reconciled) : null },
        null,
        2,
      ),
    );
  else {
    io.out(renderSummary(summary, loaded.board));
    if (reconciled) io.out(renderReconciliation(reconciled));
    loaded.problems.forEach((p) => io.err(describeProblem(p)));
  }
  return loaded.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** Why no figures are printed: the rows the errors above are on, and what to do. */
function nothingCounted(loaded: LoadedRegister, input: string): string {
  const rows = [...new Set(loaded.problems.filter((p) => p.severity === 'error' && p.row !== null).map((p) => p.row))];
  const where = rows.length
    ? ` (see the errors above, at ${rows.length === 1 ? 'row' : 'rows'} ${shortList(rows.map(String))})`
    : ' (see the errors above)';
  const what = loaded.unreadable ? 'no package could be read' : 'no package read could be counted';
  return `bcf joint: ${what} from ${input}${where}, so no figures are printed: correct the ${loaded.kind === 'export' ? 'export' : 'register'} and run again.`;
}

const pounds = (d: Decimal) => d.toFixed(2);
const shares = (s: Shares) => ({ total: pounds(s.total), council: pounds(s.council), icb: pounds(s.icb) });
const group = (g: GroupFigures) => ({
  people: g.people,
  packages: g.packages,
  weekly: shares(g.weekly),
  annual: shares(g.annual),
});

export function summaryJson(s: JointSummary, loaded: Pick<LoadedRegister, 'problems'>) {
  return {
    asAt: isoOf(s.asAt),
    year: s.year,
    people: s.people,
    packages: s.packages,
    weekly: shares(s.weekly),
    annual: shares(s.annual),
    fullYear: shares(s.fullYear),
    byIcb: s.byIcb.map((g) => ({ icb: g.key, ...group(g) })),
    byBasis: s.byBasis.map((g) => ({ basis: BASIS_LABELS[g.key as keyof typeof BASIS_LABELS], ...group(g) })),
    byMethod: s.byMethod.map((g) => ({ method: METHOD_LABELS[g.key as keyof typeof METHOD_LABELS], ...group(g) })),
    return: {
      agreement: s.answer.agreement,
      method: s.answer.method,
      people: s.answer.people,
      councilAnnual: pounds(s.answer.councilAnnual),
      icbFullYear: pounds(s.answer.icbFullYear),
    },
    errors: loaded.problems.filter((p) => p.severity === 'error').length,
    warnings: loaded.problems.filter((p) => p.severity !== 'error').length,
    problems: loaded.problems.map((p) => ({ row: p.row, field: p.field, message: p.message, severity: p.severity })),
  };
}

export function renderSummary(s: JointSummary, board?: string): string {
  const money = (d: Decimal) => formatPounds(d, true).padStart(16);
  const line = (label: string, x: Shares) => `${label.padEnd(26)}${money(x.total)}${money(x.council)}${money(x.icb)}`;
  const groupLines = (
    title: string,
    groups: readonly GroupFigures[],
    name: (key: string) => string,
    people: boolean,
  ) => [
    '',
    title,
    ...groups.map(
      (g) =>
        `  ${name(g.key)}: ${people ? `${plural(g.people, 'person', 'people')}, ` : ''}${plural(g.packages, 'package')}; weekly council ${formatPounds(g.weekly.council, true)}, ICB ${formatPounds(g.weekly.icb, true)}; ` +
        `in ${s.year} council ${formatPounds(g.annual.council, true)}, ICB ${formatPounds(g.annual.icb, true)}`,
    ),
  ];
  return [
    `${board ? `${board}: ` : ''}jointly funded care packages as at ${ukDate(s.asAt)}, financial year ${s.year}`,
    `People covered: ${s.people}   Packages active: ${s.packages}`,
    '',
    `${''.padEnd(26)}${'Total'.padStart(16)}${'Council'.padStart(16)}${'ICB'.padStart(16)}`,
    line('Weekly', s.weekly),
    line(`In ${s.year} (days active)`, s.annual),
    line('Full year (weekly x 52)', s.fullYear),
    ...groupLines('By ICB', s.byIcb, (k) => k, true),
    ...groupLines('By funding basis', s.byBasis, (k) => BASIS_LABELS[k as keyof typeof BASIS_LABELS], true),
    ...groupLines('By split method', s.byMethod, (k) => METHOD_LABELS[k as keyof typeof METHOD_LABELS], true),
    '',
    'FOI return',
    `  Agreement in place: ${s.answer.agreement}`,
    `  Which agreement: ${s.answer.method}`,
    `  People covered on ${ukDate(s.asAt)}: ${s.answer.people}`,
    `  Annual cost to the council (${s.year}): ${formatPounds(s.answer.councilAnnual, true)}`,
    `  The ICB's contribution for a year (weekly x 52): ${formatPounds(s.answer.icbFullYear, true)}`,
  ].join('\n');
}

function renderReconciliation(r: JointPoolReconciliation): string {
  return [
    '',
    `The ICBs' shares in ${r.year} against their joint-funding contribution lines on the Pool sheet`,
    ...r.icbs.map(
      (x) =>
        `  ${x.icb}${x.partner ? ` (${x.partner})` : ''}: register ${formatPounds(x.register, true)}, pool ${formatPounds(x.pool, true)}, difference ${formatPounds(x.difference, true)}`,
    ),
    `  All ICBs: register ${formatPounds(r.register, true)}, pool ${formatPounds(r.pool, true)}, difference ${formatPounds(r.difference, true)}`,
  ].join('\n');
}
