import path from 'path';
import { benefitCards } from '../domain/benefitCard';
import type { Plan } from '../domain/plan';
import { describeProblem, PlanError } from '../domain/problems';
import { existingFile, loadPlan, writeWorkbook } from '../adapters/file/planFiles';
import { madeByAddIn } from '../workbook/ownership';
import { WORKBOOK_LIMITS, workbookLayout } from '../workbook/workbookLayout';
import { UsageError } from './args';
import type { CliCommand } from './command';

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
    if (path.resolve(input) === path.resolve(output))
      throw new UsageError('the output would overwrite the input; choose another -o file');
    if (!flags.replace) await refuseToReplace(output);
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    const scope = flags.tables ? 'tables' : 'all';
    if (scope === 'all') refuseTooManyCards(plan);
    const started = Date.now();
    const repairs: string[] = [];
    const bytes = await writeWorkbook(output, workbookLayout(plan, scope), repairs);
    repairs.forEach((r) => io.err(`Warning: ${r}.`));
    io.out(
      `Wrote ${output}: ${plan.schemes.length} schemes, ${plan.years.length} years, ${(bytes / 1024).toFixed(1)} KB in ${Date.now() - started} ms.`,
    );
    return 0;
  },
};

/**
 * A file at the output path is replaced only when it is a workbook bcf built (run again, it is
 * rebuilt): a person's own workbook, or any other file, is never overwritten without --replace.
 */
async function refuseToReplace(output: string): Promise<void> {
  const existing = await existingFile(output);
  if (existing.exists && !(existing.workbook && madeByAddIn(existing.workbook)))
    throw new UsageError(
      `${output} already exists and is not a workbook bcf built; bcf doesn't overwrite it. Choose another -o file, or add --replace to replace it.`,
    );
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
