import path from 'path';
import { keptCopyNote, writeTextFile } from '../adapters/file/textFile';
import { formatPounds, ZERO } from '../domain/money';
import { planFromJson, planToJson } from '../domain/planJson';
import { plural } from '../domain/plural';
import { describeProblem, PlanError } from '../domain/problems';
import { incomeFrom, spendFrom, sourcesUsed, totalSpend } from '../domain/expenditure';
import { sourceOf } from '../domain/templateVocabulary';
import { cellAddress } from '../workbook/a1';
import type { TemplateImport } from '../workbook/template/templateImport';
import type { Io } from './io';

/**
 * The template route of bcf import: says what it read (where, how many lines, which rows it left
 * out as totals, each year's and each source's totals) and writes the plan. 1 when there are no
 * lines or a cell can't be read.
 */
export async function writeTemplateImport(imported: TemplateImport, out: string, io: Io): Promise<number> {
  const { template, plan, problems } = imported;
  const { lines } = template;
  const headerCell = cellAddress(lines.header.row, lines.header.columns[0]?.index ?? 0);
  io.out(
    `Read the BCF planning template: expenditure lines under the header at '${lines.sheet}'!${headerCell}${template.income ? `, income from '${template.income.sheet}'` : ' (no income tab found)'}.`,
  );
  io.out(`Lines read: ${lines.lines.length}.`);
  if (lines.totals.length)
    io.out(
      `Left out (they total the lines): ${lines.totals.map((t) => `row ${t.row + 1} "${t.label}" (${t.kind === 'total' ? 'Total' : 'sub-total'})`).join(', ')}.`,
    );
  for (const year of template.years) {
    io.out(`${year}: expenditure ${formatPounds(totalSpend(plan, year), true)}`);
    for (const source of sourcesUsed(plan)) {
      const [spend, income] = [spendFrom(plan, source, year), incomeFrom(plan, source, year)];
      if (spend.equals(ZERO) && income.equals(ZERO)) continue;
      io.out(
        `  ${sourceOf(source).label.padEnd(36)} spend ${formatPounds(spend, true).padStart(16)}   income ${formatPounds(income, true).padStart(16)}`,
      );
    }
  }
  problems.forEach((p) => io.err(describeProblem(p)));
  if (!lines.lines.length) {
    io.err(`bcf import: the expenditure table on '${lines.sheet}' has no lines to import.`);
    return 1;
  }
  if (problems.some((p) => p.severity === 'error')) return 1;
  const json = planToJson(plan);
  try {
    planFromJson(json); // what bcf build will read: refused here rather than there
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    e.problems.forEach((p) => io.err(describeProblem(p)));
    return 1;
  }
  const kept = await writeTextFile(out, `${JSON.stringify(json, null, 2)}\n`);
  keptCopyNote(out, kept).forEach((line) => io.err(line));
  io.out(
    `Wrote ${out}: ${plural(plan.expenditure?.length ?? 0, 'expenditure line')}, ${plural(plan.income?.length ?? 0, 'income source')}, ${plan.years.map((y) => y.label).join(' and ')}. The NEL unit cost is the product's default: set your own. Build the workbook with: bcf build ${path.basename(out)} -o plan.xlsx`,
  );
  return 0;
}
