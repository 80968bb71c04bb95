import { parseArgs } from 'node:util';
import type { CliCommand, ParsedArgs } from './command';
import { hanging, usageWords } from './wrap';

/** A command line that doesn't fit the command's declaration: exit 64 with the usage line. */
export class UsageError extends Error {}

/** Parses argv strictly against the command's declared flags and positional count. */
export function parseCommandArgs(command: CliCommand, argv: readonly string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.flags ?? {}).map(([name, f]) => [
      name,
      { type: f.type, ...(f.short ? { short: f.short } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error));
  }
  const { min, max } = command.positionals;
  const given = parsed.positionals.length;
  if (given < min) {
    const wanted = command.usage.match(/<[^>]+>/g)?.slice(given, min) ?? [];
    throw new UsageError(`missing ${wanted.join(' ') || 'an argument'}`);
  }
  if (given > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return { positionals: parsed.positionals, flags: parsed.values as ParsedArgs['flags'] };
}

/** Node's messages mention its own API ("To specify a positional argument..."); keep the first sentence. */
function plainParseError(e: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(e.message);
  if (unknown) return `unknown option "${unknown[1]}"`;
  const missing = /Option '([^']+)' argument missing/.exec(e.message);
  if (missing) return `option "${missing[1].split(',').pop()!.trim().split(' ')[0]}" needs a value`;
  return e.message.split('\n')[0].replace(/\. To specify.*$/, '');
}

/** `bcf <command> --help`, wrapped to `width` columns. */
export function commandHelp(command: CliCommand, width = 80): string {
  const option = (left: string, help: string) => hanging(`  ${left.padEnd(28)} `, help, width);
  const flags = Object.entries(command.flags ?? {}).map(([name, f]) =>
    option(`${f.short ? `-${f.short}, ` : ''}--${name}${f.type === 'string' ? ' <value>' : ''}`, f.help),
  );
  return [
    hanging('usage: bcf ', usageWords(command.usage), width),
    '',
    hanging('', command.summary, width),
    ...(flags.length ? ['', 'options:', ...flags] : []),
    option('-h, --help', 'this help'),
  ].join('\n');
}
