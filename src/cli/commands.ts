import { auditCommand } from './audit';
import { buildCommand } from './build';
import type { CliCommand } from './command';
import { importCommand } from './import';
import { jointCommand } from './joint';
import { rollupCommand } from './rollup';
import { showCommand } from './show';
import { trackCommand } from './track';

/** Every `bcf` command, in the order `bcf --help` lists them. A new command is a module and a line here. */
export const COMMANDS: readonly CliCommand[] = [
  buildCommand,
  showCommand,
  trackCommand,
  auditCommand,
  jointCommand,
  importCommand,
  rollupCommand,
];
