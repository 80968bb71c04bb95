import type { CliCommand } from './command';

/**
 * Every `bcf` command, in the order `bcf --help` lists them, each loaded only when it runs: a
 * command's modules (ExcelJS, the layouts, the audit) took a second of start-up for commands that
 * never use them. A new command is a module and a line here.
 */
const LOADERS: readonly (() => Promise<CliCommand>)[] = [
  async () => (await import('./build')).buildCommand,
  async () => (await import('./show')).showCommand,
  async () => (await import('./track')).trackCommand,
  async () => (await import('./audit')).auditCommand,
  async () => (await import('./joint')).jointCommand,
  async () => (await import('./import')).importCommand,
  async () => (await import('./rollup')).rollupCommand,
];

/** The names `bcf <command>` takes, in the order of LOADERS; test/cli checks they match the modules. */
export const COMMAND_NAMES: readonly string[] = ['build', 'show', 'track', 'audit', 'joint', 'import', 'rollup'];

/** The command called `name`, its modules loaded; undefined for a name bcf doesn't have. */
export async function loadCommand(name: string): Promise<CliCommand | undefined> {
  const at = COMMAND_NAMES.indexOf(name);
  return at < 0 ? undefined : LOADERS[at]();
}

/** Every command, for the usage text (which is the one place that needs them all). */
export function loadAllCommands(): Promise<CliCommand[]> {
  return Promise.all(LOADERS.map((load) => load()));
}
