import { parseArgs } from 'node:util';
import type { CliCommand, ParsedArgs } from './command';

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

export function commandHelp(command: CliCommand): string {
  const flags = Object.entries(command.flags ?? {}).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : ''}--${name}${f.type === 'string' ? ' <value>' : ''}`;
    return `  ${left.padEnd(28)} ${f.help}`;
  });
  return [
    `usage: bcf ${command.usage}`,
    '',
    command.summary,
    ...(flags.length ? ['', 'options:', ...flags] : []),
    `  ${'-h, --help'.padEnd(28)} this help`,
  ].join('\n');
}
