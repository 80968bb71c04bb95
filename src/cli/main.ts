import { describeProblem, PlanError } from '../domain/problems';
import { FileProblem } from '../adapters/file/filePaths';
import { packageVersion } from '../adapters/file/packageVersion';
import { commandHelp, parseCommandArgs, UsageError } from './args';
import type { CliCommand } from './command';
import { COMMAND_NAMES, loadAllCommands, loadCommand } from './commands';
import { terminalText } from './terminalText';
import { hanging, helpWidth, usageWords } from './wrap';
import type { Io } from './io';

export type { Io } from './io';

function usage(commands: readonly CliCommand[], width = 80): string {
  return [
    'bcf: the Better Care Fund planner on the command line',
    '',
    ...commands.flatMap((c) => [
      hanging('  bcf ', usageWords(c.usage), width),
      hanging('      ', c.summary.split('. ')[0].replace(/\.$/, ''), width),
    ]),
    '',
    hanging('  ', 'bcf <command> --help says what a command takes; bcf --version gives the version.', width),
  ].join('\n');
}

const consoleIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  // Not a terminal (a pipe, a file): undefined, and help wraps at 80.
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
};

/**
 * Exit codes: 0 done, 1 the input has errors (or the audit found some), 2 a file can't be read or
 * written, 64 bad usage, 70 a fault in bcf itself (reported in one line, never as a stack trace).
 */
export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  return run(argv, {
    out: (t) => io.out(terminalText(t)),
    err: (t) => io.err(terminalText(t)),
    columns: io.columns,
  });
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const fullUsage = async () => usage(await loadAllCommands(), helpWidth(io.columns));
  if (name === undefined) {
    io.err(await fullUsage());
    return 64;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(await fullUsage());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(packageVersion());
    return 0;
  }
  const command = COMMAND_NAMES.includes(name) ? await loadCommand(name) : undefined;
  if (!command) {
    io.err(`bcf: unknown command "${name}".\n${await fullUsage()}`);
    return 64;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command, helpWidth(io.columns)));
    return 0;
  }
  try {
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (e) {
    return reportFailure(e, command.usage, io);
  }
}

function reportFailure(e: unknown, usageLine: string, io: Io): number {
  if (e instanceof UsageError) {
    io.err(
      `bcf ${usageLine.split(' ')[0]}: ${e.message}.\n${hanging('usage: bcf ', usageWords(usageLine), helpWidth(io.columns))}`,
    );
    return 64;
  }
  if (e instanceof PlanError) {
    e.problems.forEach((p) => io.err(describeProblem(p)));
    return 1;
  }
  if (e instanceof FileProblem) {
    io.err(`bcf: ${e.message}`);
    return 2;
  }
  // Anything else is a fault in bcf, not in the input: its text (a JavaScript message) means nothing to the user.
  if (process.env.BCF_DEBUG) io.err(String((e as Error)?.stack ?? e));
  io.err(
    `bcf ${usageLine.split(' ')[0]}: stopped by a fault in bcf itself, not in your file; nothing was written. Please report it with the input (BCF_DEBUG=1 shows the details).`,
  );
  return 70;
}
