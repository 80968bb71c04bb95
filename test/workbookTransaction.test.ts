import fs from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planQuarters } from '../src/domain/benefitCard';
import { csvRows } from '../src/domain/csvRows';
import { importPackages } from '../src/domain/jointFundingImport';
import type { Plan } from '../src/domain/plan';
import { planFromJson } from '../src/domain/planJson';
import { addPartner } from '../src/domain/poolEdits';
import { quarterEntries } from '../src/workbook/cardCommands';
import { WORKBOOK_COMMANDS, type CommandName } from '../src/workbook/commandRegistry';
import { loadPlanFromWorkbook } from '../src/workbook/commands';
import type { Decision, Progress, Updated, WorkbookHost } from '../src/workbook/host';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { runCommand, type WorkbookCommand } from '../src/workbook/workbookCommand';
import { TEST_DAY } from './support/testDay';

/**
 * Every workbook-changing command goes through the one transaction (src/workbook/workbookCommand.ts):
 * a new command that writes some other way, or that isn't in the registry, fails here.
 */
const src = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(src, file).split(path.sep).join('/');

/** A host that refuses a read or a write outside `update`: what the one transaction is in Excel. */
class TransactionOnlyHost implements WorkbookHost {
  transactions = 0;
  private inside = false;
  constructor(readonly book = new MemoryWorkbook()) {}
  async apply(plan: WorkbookPlan, onProgress?: (p: Progress) => void): Promise<void> {
    if (!this.inside) throw new Error('written outside the transaction');
    return this.book.apply(plan, onProgress);
  }
  async read(sheets?: readonly string[]): Promise<WorkbookSnapshot> {
    if (!this.inside) throw new Error('read outside the transaction');
    return this.book.read(sheets);
  }
  async update<T>(
    decide: (s: WorkbookSnapshot) => Decision<T>,
    onProgress?: (p: Progress) => void,
  ): Promise<Updated<T>> {
    this.transactions++;
    this.inside = true;
    try {
      const { plan, result } = decide(await this.read());
      if (plan) await this.apply(plan, onProgress);
      return { result, notices: [] };
    } finally {
      this.inside = false;
    }
  }
}

const jointExample = (): Plan =>
  planFromJson(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'))).plan;

/** One use of each registered command, each on the plan the workbook holds after the last. */
const uses: Record<CommandName, (plan: Plan) => WorkbookCommand> = {
  startPlan: (plan) => WORKBOOK_COMMANDS.startPlan(plan, { replace: true }),
  generate: (plan) => WORKBOOK_COMMANDS.generate(plan, { base: plan }),
  pool: () =>
    WORKBOOK_COMMANDS.pool('Adding a partner', (p) =>
      addPartner(p, { id: 'NEWP', name: 'A new partner', kind: 'council' }),
    ),
  icbContributions: (plan) => WORKBOOK_COMMANDS.icbContributions(plan.jointFunding!.asAt!, plan.years[0].label),
  registerImport: () =>
    WORKBOOK_COMMANDS.registerImport(
      importPackages(
        csvRows(
          'Person ID,Funding type,ICB,Start date,Weekly cost,Split method\nNEW-1,Care Act,Southvale ICB,01/06/2023,700,50:50',
        ),
      ).jointFunding,
    ),
  refreshCards: () => WORKBOOK_COMMANDS.refreshCards(),
  quarterActuals: (plan) => {
    const quarter = planQuarters(plan)[0].label;
    return WORKBOOK_COMMANDS.quarterActuals(quarter, quarterEntries(plan, quarter));
  },
  reportingQuarter: (plan) => WORKBOOK_COMMANDS.reportingQuarter(planQuarters(plan)[1].label),
};

const HOSTS = [
  'workbook/host.ts',
  'workbook/workbookCommand.ts',
  'preview/liveWorkbook.ts',
  'taskpane/deferredHost.ts',
];

describe('one way to change a workbook', () => {
  test('only the one transaction writes: no host.apply or updateWorkbook outside it and the adapters', () => {
    const offenders = sourceFiles(src)
      .map(relative)
      // The hosts themselves (the adapters, the preview's host over the memory workbook, and the pane's
      // stand-in for Excel's adapter while it is fetched) run steps.
      .filter((f) => !f.startsWith('adapters/') && !HOSTS.includes(f))
      .filter((f) => /\.apply\(|\bupdateWorkbook\(/.test(fs.readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('every command a workbook module makes is in the registry', () => {
    const made = sourceFiles(path.join(src, 'workbook')).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/export (?:function|const) (\w+Command)\b/g)].map((m) => m[1]),
    );
    const registered = Object.values(WORKBOOK_COMMANDS).map((c) => c.name);
    expect(made.filter((name) => name !== 'runCommand').sort()).toEqual([...registered].sort());
  });

  test('each registered command writes through the transaction alone, on what the workbook holds', async () => {
    const host = new TransactionOnlyHost();
    expect(Object.keys(uses).sort()).toEqual(Object.keys(WORKBOOK_COMMANDS).sort());
    let plan = jointExample();
    for (const [name, use] of Object.entries(uses)) {
      const before = host.transactions;
      const outcome = await runCommand(host, use(plan), TEST_DAY);
      expect([name, outcome.status]).toEqual([name, 'done']);
      expect(host.transactions).toBe(before + 1);
      const state = await loadPlanFromWorkbook(host.book);
      if (state.status !== 'loaded' || outcome.status !== 'done') throw new Error(`${name}: ${state.status}`);
      expect(state.plan.board).toBe(outcome.plan.board);
      plan = state.plan;
    }
    // What the commands did is in the workbook: the partner, the ICB lines, the new package, the reporting quarter.
    expect(plan.partners.map((p) => p.id)).toContain('NEWP');
    expect(plan.pool!.contributions.some((c) => /ICB/.test(c.source))).toBe(true);
    expect(plan.jointFunding!.packages.map((p) => p.person)).toContain('NEW-1');
    expect(plan.cards?.asAt).toBe(planQuarters(plan)[1].label);
  });
});
