import path from 'path';
import type Decimal from 'decimal.js';
import { sameFile } from '../adapters/file/filePaths';
import { FileProblem } from '../adapters/file/planFiles';
import { formatPounds } from '../domain/money';
import { plural } from '../domain/plural';
import type { Plan } from '../domain/plan';
import { PlanError } from '../domain/problems';
import { rollUp, type Rollup, type RollupRow } from '../domain/rollup';
import { TEMPLATE_RULE_TITLES } from '../domain/templateRules';
import type { CliCommand } from './command';
import { readBoardPlan } from './boardPlan';

/**
 * bcf rollup: several boards' plans added up by funding source, scheme type and area of spend, per
 * year, with each board's failing template rules. Exit 0 every plan read and every rule met; 1 a
 * plan fails a rule or a file could not be read (the rest are still added up); 2 nothing read.
 */
export const rollupCommand: CliCommand = {
  name: 'rollup',
  usage: 'rollup <plan.xlsx|plan.json>... [--json]',
  summary:
    "Adds up several boards' plans (NHS England templates or the add-in's workbooks) by source, scheme type and area of spend, per year, and lists each board's failing rules.",
  flags: {
    json: { type: 'boolean', help: 'print the roll-up as JSON, money as strings in pounds and pence' },
  },
  positionals: { min: 1, max: 10_000 },
  async run({ positionals, flags }, io) {
    const plans: { name: string; file: string; plan: Plan }[] = [];
    const unread: string[] = [];
    for (const file of positionals) {
      try {
        const again = await firstOf(plans, (p) => sameFile(p.file, file));
        if (again) throw new FileProblem(`it is the same file as ${again.file}; each plan is added once.`);
        const { plan } = await readBoardPlan(file);
        const name = plan.board || path.basename(file);
        // A board's plan given twice (a copy, or saved under two names) would count its money twice.
        const years = new Set(plan.years.map((y) => y.label));
        const twin = plans.find((p) => sameBoard(p.name, name) && p.plan.years.some((y) => years.has(y.label)));
        if (twin)
          throw new FileProblem(
            `it is a second plan for ${twin.name} in ${twin.plan.years.find((y) => years.has(y.label))!.label}, after ${twin.file}; give each board's plan once.`,
          );
        plans.push({ name, file, plan });
      } catch (e) {
        if (!(e instanceof FileProblem || e instanceof PlanError)) throw e;
        unread.push(file);
        io.err(`bcf rollup: left out ${file}: ${e.message.split('\n').slice(0, 3).join(' ')}`);
      }
    }
    if (!plans.length) {
      io.err('bcf rollup: no plan could be read, so there is nothing to add up.');
      return 2;
    }
    const rollup = rollUp(plans);
    io.out(flags.json ? JSON.stringify(rollupJson(rollup, plans), null, 2) : rollupText(rollup, plans));
    const failing = rollup.boards.some((b) => b.failing.some((r) => r.severity === 'error'));
    return failing || unread.length ? 1 : 0;
  },
};

/** Board names as people retype them: "Barnet" and " barnet " are one board. */
const sameBoard = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

async function firstOf<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item;
  return undefined;
}

const pence = (d: Decimal) => d.toFixed(2);
const rowsJson = (rows: readonly RollupRow[]) =>
  rows.map((r) => ({
    key: r.key,
    amounts: Object.fromEntries(Object.entries(r.amounts).map(([y, v]) => [y, pence(v)])),
  }));
const yearsJson = (r: Readonly<Record<string, Decimal>>) =>
  Object.fromEntries(Object.entries(r).map(([y, v]) => [y, pence(v)]));

function rollupJson(rollup: Rollup, plans: readonly { file: string }[]) {
  return {
    years: rollup.years,
    boards: rollup.boards.map((b, i) => ({
      name: b.name,
      file: plans[i].file,
      lines: b.lines,
      income: yearsJson(b.income),
      spend: yearsJson(b.spend),
      failing: b.failing.map((r) => ({ rule: r.rule, severity: r.severity, message: r.message })),
    })),
    totalIncome: yearsJson(rollup.totalIncome),
    totalSpend: yearsJson(rollup.totalSpend),
    spendBySource: rowsJson(rollup.spendBySource),
    incomeBySource: rowsJson(rollup.incomeBySource),
    spendBySchemeType: rowsJson(rollup.spendBySchemeType),
    spendByArea: rowsJson(rollup.spendByArea),
  };
}

function table(title: string, rows: readonly RollupRow[], years: readonly string[]): string[] {
  const cells = rows.map((r) => [r.key, ...years.map((y) => formatPounds(r.amounts[y], true))]);
  const header = [title, ...years];
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), ''];
}

function rollupText(rollup: Rollup, plans: readonly { file: string }[]): string {
  const { years } = rollup;
  const out = [
    `${plural(rollup.boards.length, 'plan')}, ${rollup.boards.reduce((n, b) => n + b.lines, 0).toLocaleString('en-GB')} expenditure lines, ${years.join(' and ')}`,
    '',
    ...table(
      'Spend by source of funding',
      [...rollup.spendBySource, { key: 'Total', amounts: rollup.totalSpend }],
      years,
    ),
    ...table(
      'Income by source of funding',
      [...rollup.incomeBySource, { key: 'Total', amounts: rollup.totalIncome }],
      years,
    ),
    ...table('Spend by scheme type', rollup.spendBySchemeType, years),
    ...table('Spend by area of spend', rollup.spendByArea, years),
    'Rules each board fails:',
  ];
  rollup.boards.forEach((b, i) => {
    const errors = b.failing.filter((r) => r.severity === 'error');
    const warnings = b.failing.length - errors.length;
    out.push(
      `  ${b.name} (${plans[i].file}): ${errors.length ? `${errors.length} failing` : 'every rule met'}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`,
    );
    for (const r of b.failing)
      out.push(`    ${r.severity === 'error' ? 'fails' : 'warns'}: ${TEMPLATE_RULE_TITLES[r.rule]}: ${r.message}`);
  });
  return out.join('\n');
}
