import path from 'path';
import { loadSnapshot } from '../adapters/file/planFiles';
import { keptCopyNote, writeTextFile } from '../adapters/file/textFile';
import { today } from '../domain/clock';
import { canonicalYear } from '../domain/financialYear';
import { planToJson } from '../domain/planJson';
import { plural } from '../domain/plural';
import { describeProblem } from '../domain/problems';
import {
  IMPORT_FIELDS,
  proposeMapping,
  tablesToImport,
  unplacedColumns,
  unreadablePastedTables,
} from '../workbook/import/columnMapping';
import { planFromTable } from '../workbook/import/planFromTable';
import { importTemplate } from '../workbook/template/templateImport';
import { UsageError } from './args';
import { writeTemplateImport } from './importTemplate';
import type { CliCommand } from './command';
import { checkOutput } from './outputPath';
import { WHAT_A_SCHEME_TABLE_HAS } from '../workbook/audit/printedTables';
import { shortList } from './render';

/**
 * bcf import: starts a plan (JSON, for `bcf build`) from NHS England's BCF planning template
 * (its expenditure lines, income and required spend: importTemplate.ts), or else from the first
 * scheme table found in a workbook someone typed, or in the sheet or range given. Prints how each column was read and
 * lists the columns it could not place; exit 0 written, 1 no scheme table or a plan with errors.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file.xlsx> [--sheet NAME] [--range A1:H30] [--board NAME] [--year 2025/26] -o <plan.json>',
  summary:
    "Starts a plan from NHS England's BCF planning template (expenditure lines, income by source, minimums) or from a scheme table typed in a workbook: schemes, costs, pool, benefit counts and the unit cost its savings use. Lists the columns it could not place.",
  flags: {
    out: { type: 'string', short: 'o', help: 'the plan to write (.json), for bcf build' },
    sheet: { type: 'string', help: 'the sheet holding the table (default: the first scheme table in the workbook)' },
    range: { type: 'string', help: 'the cells holding the table, e.g. A1:H30' },
    board: { type: 'string', help: 'the Health and Wellbeing Board the plan is for (default: the sheet name)' },
    year: { type: 'string', help: 'the financial year when the table does not say, e.g. 2025/26' },
  },
  positionals: { min: 1, max: 1 },
  async run({ positionals: [file], flags }, io) {
    const out = flags.out;
    // Shown and stored as the product shows years everywhere else: 2026-27 becomes 2026/27.
    const year = typeof flags.year === 'string' ? canonicalYear(flags.year) : undefined;
    if (typeof out !== 'string') throw new UsageError('give the plan to write with -o, e.g. -o plan.json');
    await checkOutput(file, out, '.json');
    if (typeof flags.range === 'string' && !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(flags.range))
      throw new UsageError(`--range "${flags.range}" is not a range; write it like A1:H30`);
    const snapshot = await loadSnapshot(file);
    const sheet = typeof flags.sheet === 'string' ? flags.sheet : undefined;
    if (sheet && !snapshot.sheets.some((s) => s.name.toLowerCase() === sheet.toLowerCase())) {
      io.err(
        `bcf import: ${file} has no sheet "${sheet}" (it has ${snapshot.sheets.map((s) => `"${s.name}"`).join(', ')}).`,
      );
      return 1;
    }
    const template =
      typeof flags.range === 'string'
        ? undefined
        : importTemplate(snapshot, {
            sheet,
            year,
            board: typeof flags.board === 'string' ? flags.board : undefined,
          });
    if (template) return writeTemplateImport(template, out, io);
    const [table] = tablesToImport(snapshot, {
      sheet,
      range: typeof flags.range === 'string' ? flags.range : undefined,
    });
    if (!table) {
      unreadablePastedTables(snapshot, {
        sheet,
        range: typeof flags.range === 'string' ? flags.range : undefined,
      }).forEach((m) => io.err(`bcf import: ${m}`));
      io.err(
        `bcf import: no scheme table found in ${file}${sheet ? ` on "${sheet}"` : ''}${flags.range ? ` in ${flags.range}` : ''}: ${WHAT_A_SCHEME_TABLE_HAS}.`,
      );
      return 1;
    }
    const mapping = proposeMapping(table);
    const label = (field: string) => IMPORT_FIELDS.find((f) => f.field === field)?.label ?? field;
    io.out(
      `Read ${plural(mapping.table.rows.length, 'scheme')} from '${table.grid.sheet.name}'!${table.grid.address(table.headerRows[0], table.firstColumn)}:${table.grid.address(table.lastRow, table.lastColumn)}:`,
    );
    // "A, figure 2" where the table was pasted one line per cell.
    const whereWidth = Math.max(4, ...mapping.columns.map((c) => c.where.length));
    for (const c of mapping.columns.filter((m) => m.field !== 'ignore'))
      io.out(
        `  ${c.where.padEnd(whereWidth)} ${c.header.padEnd(36)} -> ${label(c.field)}${c.band ? ` (${c.band})` : ''}`,
      );
    const unplaced = unplacedColumns(mapping);
    if (unplaced.length)
      io.out(
        `Not imported (no place in the plan for them): ${shortList(unplaced.map((c) => `${c.where} "${c.header}"`))}`,
      );
    const result = planFromTable(mapping, {
      board: typeof flags.board === 'string' ? flags.board : undefined,
      year,
      today: today(),
    });
    result.notes.forEach((n) => io.out(`Note: ${n}`));
    result.problems.forEach((p) => io.err(describeProblem(p)));
    if (result.problems.some((p) => p.severity === 'error')) return 1;
    const kept = await writeTextFile(out, `${JSON.stringify(planToJson(result.plan), null, 2)}\n`);
    keptCopyNote(out, kept).forEach((line) => io.err(line));
    io.out(
      `Wrote ${out}: ${plural(result.plan.schemes.length, 'scheme')}, ${result.plan.years.map((y) => y.label).join(' and ')}. Build the workbook with: bcf build ${path.basename(out)} -o plan.xlsx`,
    );
    return 0;
  },
};
