import fs from 'fs';
import path from 'path';
import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { planFromJson } from '../src/domain/planJson';
import { jointSummary } from '../src/domain/jointFundingSummary';
import { sum } from '../src/domain/money';
import { loadPlanFromWorkbook, startPlan } from '../src/workbook/commands';
import {
  addIcbContributions,
  icbContributionSource,
  importIntoRegister,
  readRegister,
} from '../src/workbook/jointFundingCommands';
import { csvRows } from '../src/domain/csvRows';
import { importPackages } from '../src/domain/jointFundingImport';
import { TEST_DAY } from './support/testDay';
import { exportOnSelectedSheet } from '../src/taskpane/panels/joint/exportFile';
import { JOINT_SHEETS } from '../src/workbook/families/jointFunding/names';

const examplePlan = () =>
  planFromJson(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'joint-funding.json'), 'utf8'))).plan;

describe('the Joint funding pane’s commands', () => {
  test('adding the ICB contribution puts one pool line per ICB at its share in the year, and adding again replaces them', async () => {
    const plan = examplePlan();
    const host = new MemoryWorkbook();
    await startPlan(host, plan, TEST_DAY);
    const register = (await readRegister(host))!;
    expect(register.jointFunding.packages).toHaveLength(39);
    const jf = plan.jointFunding!;
    const expected = jointSummary(jf.packages, jf.rules, jf.asAt!, '2023/24');

    for (let i = 0; i < 2; i++) {
      const outcome = await addIcbContributions(host, jf.asAt!, '2023/24', TEST_DAY);
      if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
      expect(outcome.contributions.map((c) => c.source)).toEqual(
        expected.byIcb.map((g) => icbContributionSource(g.key)),
      );
    }
    const state = await loadPlanFromWorkbook(host);
    if (state.status !== 'loaded') throw new Error(state.status);
    const lines = state.plan.pool!.contributions.filter((c) => c.source.startsWith(icbContributionSource('')));
    expect(lines).toHaveLength(2);
    expect(sum(lines.map((c) => c.amount)).equals(expected.annual.icb)).toBe(true);
    // Everything else in the plan is as it was: the register and the other contributions.
    expect(state.plan.jointFunding!.packages).toHaveLength(39);
    expect(state.plan.pool!.contributions).toHaveLength(plan.pool!.contributions.length + 2);
  });

  test('a year outside the plan is refused with the years it has', async () => {
    const host = new MemoryWorkbook();
    await startPlan(host, examplePlan(), TEST_DAY);
    const outcome = await addIcbContributions(host, examplePlan().jointFunding!.asAt!, '2030/31', TEST_DAY);
    expect(outcome.status === 'invalid' && outcome.problems[0].message).toMatch(
      /2030\/31 is not a year of this plan \(2023\/24, 2024\/25\)/,
    );
  });

  test('importing an export adds its packages to the register; one following a rule the register lacks is refused', async () => {
    const host = new MemoryWorkbook();
    await startPlan(host, examplePlan(), TEST_DAY);
    const csv = [
      'Person ID,Funding type,ICB,Start date,Weekly cost,Split method',
      'NEW-1,s117,North Riverside ICB,01/05/2023,500,',
      'NEW-2,Care Act,Southvale ICB,2023-06-01,"£1,000.00",50:50',
    ].join('\n');
    const done = await importIntoRegister(host, importPackages(csvRows(csv)).jointFunding, TEST_DAY);
    expect(done.status).toBe('done');
    expect((await readRegister(host))!.jointFunding.packages.map((p) => p.person).slice(-2)).toEqual([
      'NEW-1',
      'NEW-2',
    ]);
    const unknown = importPackages(
      csvRows('Person ID,Funding type,ICB,Start date,Weekly cost\nNEW-3,s117,Elsewhere ICB,01/05/2023,500'),
    ).jointFunding;
    const refused = await importIntoRegister(host, unknown, TEST_DAY);
    expect(refused.status === 'invalid' && refused.problems[0].message).toMatch(/no default rule for Elsewhere ICB/);
    expect((await readRegister(host))!.jointFunding.packages).toHaveLength(41);
  });

  describe('an .xlsx export put in the workbook, read from the selected sheet', () => {
    // As Excel gives the cells to the add-in: dates as serials (45047 is 1 May 2023), figures as numbers.
    const header = ['Person ID', 'Funding type', 'ICB', 'Start date', 'Weekly cost', 'ICB %'];
    const rows = [
      ['NEW-1', 's117', 'North Riverside ICB', 45047, 500, 50],
      ['NEW-2', 'Care Act', 'Southvale ICB', 45078, 1234.56, 40],
    ];
    const csv = [
      header,
      ...rows.map(([p, b, i, , w, s]) => [
        p,
        b,
        i,
        ['01/05/2023', '01/06/2023'][rows.findIndex((r) => r[0] === p)],
        w,
        s,
      ]),
    ]
      .map((r) => r.join(','))
      .join('\n');
    async function withExport(select: string) {
      const host = new MemoryWorkbook();
      await startPlan(host, examplePlan(), TEST_DAY);
      host.engine.addSheet('Mosaic export');
      [['Joint packages report, run 02/10/2025'], [], header, ...rows].forEach((row, r) =>
        row.forEach((v, c) => host.setCell('Mosaic export', r, c, v)),
      );
      host.selectRange('Mosaic export', select);
      return host;
    }

    test('one cell selected: the sheet is read as the CSV of the same rows is, and its packages can be added', async () => {
      const read = await exportOnSelectedSheet(await withExport('B5'));
      if (typeof read === 'string') throw new Error(read);
      const fromCsv = importPackages(csvRows(csv));
      expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
      // The same packages, each referenced by its row on the sheet (under a title, a blank row and the header).
      const withoutRef = ({ ref, ...p }: { ref: string }) => p;
      expect(read.jointFunding.packages.map(withoutRef)).toEqual(fromCsv.jointFunding.packages.map(withoutRef));
      expect(read.jointFunding.packages.map((p) => p.ref)).toEqual(['NEW-1/4', 'NEW-2/5']);
      expect(read.jointFunding.packages.map((p) => [p.person, p.start, p.weeklyCost.toFixed(2)])).toEqual([
        ['NEW-1', 45047, '500.00'],
        ['NEW-2', 45078, '1234.56'],
      ]);
    });

    test('a sheet with no export on it is named, with what an export has and what to do', async () => {
      const host = await withExport('A1');
      host.engine.addSheet('Notes');
      host.setCell('Notes', 0, 0, 'Minutes of the board');
      host.selectRange('Notes', 'A1');
      expect(await exportOnSelectedSheet(host)).toBe(
        "No export header row on 'Notes' (columns such as Person ID, ICB, Start date and Weekly cost): put the export's sheet in this workbook, select one of its cells, and read it again.",
      );
    });

    test('the add-in’s own register is not taken for an export', async () => {
      const host = await withExport('A1');
      host.selectRange(JOINT_SHEETS.register, 'A1');
      expect(await exportOnSelectedSheet(host)).toMatch(/is the add-in's own register, not an export/);
    });
  });
});
