import path from 'path';
import { benefitCards } from '../domain/benefitCard';
import { today } from '../domain/clock';
import type { Day } from '../domain/jointFunding';
import type { Plan } from '../domain/plan';
import { plural } from '../domain/plural';
import { describeProblem, PlanError } from '../domain/problems';
import { existingFile, keepCopy, loadPlan, writeWorkbook } from '../adapters/file/planFiles';
import { madeByAddIn } from '../workbook/ownership';
import { readPlan } from '../workbook/families/planReader';
import { plannedSnapshot } from '../workbook/snapshot';
import { planChanges } from '../domain/planChanges';
import { planToJson } from '../domain/planJson';
import { WORKBOOK_LIMITS, workbookLayout } from '../workbook/workbookLayout';
import { fileWorkbook } from '../workbook/write/fileWorkbook';
import { lostEntries } from '../workbook/write/lostEntries';
import type { WorkbookPlan } from '../workbook/sheetPlan';
import { UsageError } from './args';
import type { CliCommand } from './command';
import type { Io } from './io';
import { checkOutput } from './outputPath';

export const buildCommand: CliCommand = {
  name: 'build',
  usage: 'build <plan.json|plan.xlsx> -o <out.xlsx> [--tables] [--replace]',
  summary:
    'Builds the workbook: Assumptions, Schemes, Investments, a sheet per year, Pool, Checks, Risk log, Benefits Summary and a card per scheme, as live formulas.',
  flags: {
    out: { type: 'string', short: 'o', help: 'the workbook to write (.xlsx)' },
    tables: { type: 'boolean', help: 'the plan and its tables only, without the Benefit Card sheets' },
    replace: { type: 'boolean', help: 'replace the -o file even if it is not a workbook bcf built' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [input], flags }, io) {
    const output = flags.out;
    if (typeof output !== 'string') throw new UsageError('give the workbook to write with -o, e.g. -o out/plan.xlsx');
    await checkOutput(input, output, '.xlsx');
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    const scope = flags.tables ? 'tables' : 'all';
    // Read once: the workbook built and the one compared with what the output held are for the same day.
    const day = today();
    if (!flags.replace) await makeRoom(output, plan, input, day, io);
    if (scope === 'all') refuseTooManyCards(plan);
    const started = Date.now();
    const layout = workbookLayout(plan, scope, { today: day });
    if (path.extname(input).toLowerCase() !== '.json') refuseLosingEntries(input, plan, layout, scope);
    const repairs: string[] = [];
    const bytes = await writeWorkbook(output, fileWorkbook(layout), repairs);
    repairs.forEach((r) => io.err(`Warning: ${r}.`));
    io.out(
      `Wrote ${output}: ${plural(plan.schemes.length, 'scheme')}, ${plural(plan.years.length, 'year')}, ${(bytes / 1024).toFixed(1)} KB in ${Date.now() - started} ms.`,
    );
    return 0;
  },
};

/**
 * A file at the output path is replaced only when it is a workbook bcf built: a person's own
 * workbook, or any other file, is never overwritten without --replace. A built workbook that holds
 * entries the new build would not (actuals typed on a card, a cost changed in Excel) is first
 * copied beside it, and the person is told what it held.
 */
async function makeRoom(output: string, plan: Plan, input: string, day: Day, io: Io): Promise<void> {
  const existing = await existingFile(output);
  if (!existing.exists) return;
  if (!existing.workbook || !madeByAddIn(existing.workbook))
    throw new UsageError(
      `${output} already exists and is not a workbook bcf built; bcf doesn't overwrite it. Choose another -o file, or add --replace to replace it`,
    );
  let held: Plan | undefined;
  try {
    held = readPlan(existing.workbook).plan;
  } catch {
    held = undefined; // entries that don't read as a plan are kept too
  }
  // Nothing typed is lost when the input holds all the workbook held: compared as the reader sees
  // both (the full build's, so a tables-only rebuild of a workbook with untouched cards loses nothing).
  const asBuilt = (p: Plan) => JSON.stringify(planToJson({ ...p, notes: [] }));
  if (held && asBuilt(held) === asBuilt(comparable(readBack(plan, day), held))) return;
  const copy = await keepCopy(output);
  const changes = held ? planChanges(plan, held) : [];
  const listed = changes.length
    ? `: ${changes.slice(0, 5).join('; ')}${changes.length > 5 ? `; and ${changes.length - 5} more` : ''}`
    : ': on its Benefit Card, pool or risk log sheets';
  io.err(
    `${output} held entries that ${input} does not (${input} → the workbook)${listed}. The workbook as it was is kept as ${copy}.`,
  );
}

/** A workbook built without card sheets holds no card records: none are lost, so none are compared. */
function comparable(built: Plan, held: Plan): Plan {
  if (held.cards?.records.length || !built.cards) return built;
  return { ...built, cards: { ...built.cards, records: held.cards?.records ?? [] } };
}

/** The plan a full build of `plan` reads back as (the reader's defaults filled in). */
function readBack(plan: Plan, day: Day): Plan {
  const scope = benefitCards(plan).length <= WORKBOOK_LIMITS.cardSheets ? 'all' : 'tables';
  return readPlan({ sheets: workbookLayout(plan, scope, { today: day }).sheets.map(plannedSnapshot) }).plan;
}

/** A sheet per card: past WORKBOOK_LIMITS.cardSheets the workbook would take minutes and gigabytes, so say so before starting. */
function refuseTooManyCards(plan: Plan): void {
  const cards = benefitCards(plan).length;
  if (cards <= WORKBOOK_LIMITS.cardSheets) return;
  const limit = WORKBOOK_LIMITS.cardSheets.toLocaleString('en-GB');
  throw new PlanError([
    {
      severity: 'error',
      where: { path: 'schemes' },
      message: `${cards.toLocaleString('en-GB')} schemes have benefits, so the workbook would have ${cards.toLocaleString('en-GB')} Benefit Card sheets; bcf build writes at most ${limit}. Build the tables alone with --tables.`,
    },
  ]);
}

/**
 * A workbook is where people type actuals, contributions, spend and risks: a rebuild from it that
 * would not carry them into the new workbook stops before writing, and says what and how to keep them.
 */
function refuseLosingEntries(input: string, plan: Plan, layout: WorkbookPlan, scope: 'all' | 'tables'): void {
  const lost = lostEntries(plan, layout);
  if (!lost.sentences.length) return;
  const limit = WORKBOOK_LIMITS.cardSheets.toLocaleString('en-GB');
  const keep =
    scope === 'tables' && lost.cards.length
      ? benefitCards(plan).length <= WORKBOOK_LIMITS.cardSheets
        ? 'A build with --tables has no Benefit Card sheets: build without --tables to keep them.'
        : `A build with --tables has no Benefit Card sheets, and bcf build makes at most ${limit}: keep working in this workbook in Excel, where the planner refreshes the tables and leaves the cards as they are.`
      : 'Check that none of the planner’s sheets was deleted (a renamed one is found) and that their headings are as the planner wrote them.';
  throw new PlanError([
    {
      severity: 'error',
      where: { path: input },
      message: `the new workbook would lose ${lost.sentences.join('; ')}. ${keep} Nothing was written.`,
    },
  ]);
}
