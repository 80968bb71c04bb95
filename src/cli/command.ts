import type { Io } from './io';

/** What a flag takes: a value (`-o out.xlsx`) or nothing (`--json`). */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** One line for `bcf <command> --help`. */
  readonly help: string;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

/**
 * One `bcf` command. Its flags and arguments are declared here, once: the parser refuses anything
 * else, and `--help` prints them, so adding a command is one module and one line in `commands.ts`.
 */
export interface CliCommand {
  readonly name: string;
  /** The usage line without "bcf ", e.g. "build <plan.json|plan.xlsx> -o <out.xlsx>". */
  readonly usage: string;
  readonly summary: string;
  readonly flags?: Readonly<Record<string, FlagSpec>>;
  /** How many positional arguments the command takes. */
  readonly positionals: { readonly min: number; readonly max: number };
  run(args: ParsedArgs, io: Io): Promise<number>;
}
