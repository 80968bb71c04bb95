import path from 'path';
import { describeProblem, PlanError } from '../domain/problems';
import { FileProblem, loadPlan, writeWorkbook } from '../adapters/file/planFiles';
import { workbookLayout } from '../workbook/workbookLayout';
import { renderSchemeTable } from './render';
import { track } from './track';
import { audit } from './audit';

const USAGE = `bcf: the Better Care Fund planner on the command line

  bcf build <plan.json|plan.xlsx> -o <out.xlsx>   build the workbook (scheme tables as live formulas)
  bcf show <plan.json|plan.xlsx>                  print each year's scheme table
  bcf track <file.xlsx|plan.json>                 print the steering group's Benefit Card summary
  bcf audit <file.xlsx> [--json]                  list what does not add up (exit 0 clean, 1 findings, 2 unreadable)
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Exit codes: 0 done, 1 the input has errors, 2 a file can't be read or written, 64 bad usage. */
export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build':
        return await build(rest, io);
      case 'show':
        return await show(rest, io);
      case 'track':
        return await track(rest, io);
      case 'audit':
        return await audit(rest, io);
      case undefined:
      case '-h':
      case '--help':
        io.out(USAGE);
        return command ? 0 : 64;
      default:
        io.err(`bcf: unknown command "${command}".\n${USAGE}`);
        return 64;
    }
  } catch (e) {
    if (e instanceof PlanError) {
      e.problems.forEach((p) => io.err(describeProblem(p)));
      return 1;
    }
    if (e instanceof FileProblem) {
      io.err(`bcf: ${e.message}`);
      return 2;
    }
    io.err(`bcf: ${(e as Error).message ?? e}`);
    return 2;
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: readonly string[]): string[] {
  return args.filter((a, i) => !a.startsWith('-') && !(i > 0 && args[i - 1].startsWith('-')));
}

async function build(args: readonly string[], io: Io): Promise<number> {
  const [input] = positional(args);
  const output = option(args, '-o') ?? option(args, '--out');
  if (!input || !output) {
    io.err(`bcf build: give the plan and the workbook to write, e.g. bcf build examples/barnet-2014-16.json -o out/barnet.xlsx`);
    return 64;
  }
  if (path.resolve(input) === path.resolve(output)) {
    io.err('bcf build: the output would overwrite the input; choose another -o file.');
    return 64;
  }
  const { plan, problems } = await loadPlan(input);
  problems.forEach((p) => io.err(describeProblem(p)));
  const started = Date.now();
  const bytes = await writeWorkbook(output, workbookLayout(plan));
  io.out(`Wrote ${output}: ${plan.schemes.length} schemes, ${plan.years.length} years, ${(bytes / 1024).toFixed(1)} KB in ${Date.now() - started} ms.`);
  return 0;
}

async function show(args: readonly string[], io: Io): Promise<number> {
  const [input] = positional(args);
  if (!input) {
    io.err('bcf show: give a plan (.json) or a workbook (.xlsx).');
    return 64;
  }
  const { plan, problems } = await loadPlan(input);
  problems.forEach((p) => io.err(describeProblem(p)));
  io.out(plan.years.map((y) => renderSchemeTable(plan, y.label)).join('\n\n'));
  return 0;
}
