import { describeProblem } from '../domain/problems';
import { loadPlan } from '../adapters/file/planFiles';
import type { CliCommand } from './command';
import { renderSchemeTable } from './render';

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show <plan.json|plan.xlsx>',
  summary: "Prints each year's scheme table.",
  positionals: { min: 1, max: 1 },
  async run({ positionals: [input] }, io) {
    const { plan, problems } = await loadPlan(input);
    problems.forEach((p) => io.err(describeProblem(p)));
    io.out(plan.years.map((y) => renderSchemeTable(plan, y.label)).join('\n\n'));
    return 0;
  },
};
