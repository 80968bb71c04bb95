import path from 'path';
import { describeProblem } from '../domain/problems';
import { loadPlan, writeWorkbook } from '../adapters/file/planFiles';
import { workbookLayout } from '../workbook/workbookLayout';
import { UsageError } from './args';
import type { CliCommand } from './command';

export const buildCommand: CliCommand = {
  name: 'build',
  usage: 'build <plan.json|plan.xlsx> -o <out.xlsx>',
  summary: 'Builds the workbook: Assumptions, Schemes, Investments, a sheet per year, Pool, Checks, Risk log, Benefits Summary and a card per scheme, as live formulas.',
  flags: { out: { type: 'string', short: 'o', help: 'the workbook to write (.xlsx)' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [input], flags }, io) {
    const output = flags.out;
    if (typeof output !== 'string') throw new UsageError('give the workbook to write with -o, e.g. -o out/plan.xlsx');
    if (path.resolve(input) === path.resolve(output)) throw new UsageError('the output would overwrite the input; choose another -o file');
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    const started = Date.now();
    const repairs: string[] = [];
    const bytes = await writeWorkbook(output, workbookLayout(plan), repairs);
    repairs.forEach((r) => io.err(`Warning: ${r}.`));
    io.out(`Wrote ${output}: ${plan.schemes.length} schemes, ${plan.years.length} years, ${(bytes / 1024).toFixed(1)} KB in ${Date.now() - started} ms.`);
    return 0;
  },
};
