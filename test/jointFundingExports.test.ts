import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { dayFromIso } from '../src/domain/jointFunding';
import { csvRows } from '../src/domain/csvRows';
import { importPackages } from '../src/domain/jointFundingImport';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bcf-exports-'));
}

const april2023 = new Date(Date.UTC(2023, 3, 1));

// Exports as case-management systems (Mosaic, Liquidlogic LAS, ContrOCC) write them: the cases the
// import met in the field after the first round of fixes.

const HEADER = 'Client ID,Funding basis,ICB,Start date,Weekly cost,ICB %';
const csv = (...lines: string[]) => csvRows([HEADER, ...lines].join('\r\n'));

describe('a person reference that is a name written surname first', () => {
  test('"SMITH, Jane" is refused like "Jane Smith", and no name reaches the packages', () => {
    const { jointFunding, problems } = importPackages(
      csv(
        '"SMITH, Jane",s117,North ICB,01/04/2023,100,50',
        '"O\'Brien,Mary Ann",s117,North ICB,01/04/2023,100,50',
        'M-1001,s117,North ICB,01/04/2023,100,50',
      ),
    );
    expect(jointFunding.packages.map((p) => p.person)).toEqual(['M-1001']);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [2, 'person', 'error'],
      [3, 'person', 'error'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/SMITH|Brien/);
  });
});

describe('an export saved as a workbook with one sheet per team', () => {
  const header = ['Person ID', 'Client Name', 'Funding basis', 'ICB', 'Start date', 'Weekly cost', 'ICB %'];

  test('every team sheet is read; a person on two sheets at the same row is two packages', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').addRow(['Jointly funded packages, run 06/12/2026']);
    const costs: Record<string, [string, number, number][]> = {
      North: [
        ['P1', 1000, 50],
        ['P2', 250.5, 40],
      ],
      South: [['P1', 333.33, 35]],
      East: [['P3', 780, 60]],
    };
    for (const [team, rows] of Object.entries(costs)) {
      const sheet = book.addWorksheet(`${team} Team`);
      sheet.addRow(header);
      rows.forEach(([person, cost, share]) =>
        sheet.addRow([person, 'A Name', 's117', 'North ICB', april2023, cost, share]),
      );
    }
    const dir = await tempDir();
    const file = path.join(dir, 'teams.xlsx');
    await book.xlsx.writeFile(file);
    const { code, out } = await run(['joint', file, '--as-at', '01/01/2024', '--json']);
    const json = JSON.parse(out);
    // Every package of every sheet, added up here apart from the summary: pence of cost x share, half up.
    const all = Object.values(costs).flat();
    const pence = (x: number) => Math.round(x * 100);
    const icb = all.reduce((sum, [, cost, share]) => sum + Math.floor((pence(cost) * share + 50) / 100), 0);
    const total = all.reduce((sum, [, cost]) => sum + pence(cost), 0);
    expect(code).toBe(0);
    expect([json.packages, json.people]).toEqual([4, 3]);
    expect(json.weekly.total).toBe((total / 100).toFixed(2));
    expect(json.weekly.icb).toBe((icb / 100).toFixed(2));
    expect(out).not.toMatch(/A Name/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a summary sheet (no person, no start date) beside the team sheets is passed over with a warning', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const summary = book.addWorksheet('Summary');
    summary.addRow(['ICB', 'Packages', 'Weekly cost', 'ICB %']);
    summary.addRow(['North ICB', 1, 100, 50]);
    const north = book.addWorksheet('North Team');
    north.addRow(header);
    north.addRow(['P1', 'A Name', 's117', 'North ICB', april2023, 100, 50]);
    const dir = await tempDir();
    const file = path.join(dir, 'teams.xlsx');
    await book.xlsx.writeFile(file);
    const { code, out } = await run(['joint', file, '--as-at', '01/01/2024', '--json']);
    const json = JSON.parse(out);
    expect([code, json.packages, json.weekly.icb, json.errors, json.warnings]).toEqual([0, 1, '50.00', 0, 1]);
    expect(json.problems[0].message).toMatch(/taken for a summary/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a team sheet lacking a column is named and left out; the other sheets still count, exit 1', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const north = book.addWorksheet('North Team');
    north.addRow(header);
    north.addRow(['P1', 'A Name', 's117', 'North ICB', april2023, 100, 50]);
    const south = book.addWorksheet('South Team');
    south.addRow(header.filter((h) => h !== 'Funding basis'));
    south.addRow(['P2', 'A Name', 'North ICB', april2023, 200, 50]);
    const dir = await tempDir();
    const file = path.join(dir, 'teams.xlsx');
    await book.xlsx.writeFile(file);
    const { code, out, err } = await run(['joint', file, '--as-at', '01/01/2024']);
    expect(code).toBe(1);
    expect(out).toMatch(/Packages active: 1/);
    expect(err).toMatch(/South Team row 1.*no column for basis/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('a report with a title, filters, and a sub-total per team', () => {
  const REPORT = [
    'Jointly Funded Packages Report',
    'Run date: 06/12/2026',
    'Filters: Team = All',
    '',
    'Team,LAS ID,Client Name,Funding Type,CCG,Package Start,Gross Weekly Cost,CCG %',
    'North,L100,Jane Smith,s117,North ICB,01/04/2023,500.00,50',
    'North,L101,Ann Lee,Care Act,North ICB,01/04/2023,"1,000.00",40',
    'North Team Total,,,,,,"1,500.00",',
    'South,L102,Tom Brown,s117,South ICB,01/04/2023,200.00,50',
    ',,,,,,200.00,',
    'Total for all teams,,,,,,"1,700.00",',
  ].join('\r\n');

  test('the sub-totals are passed over with a warning each; the packages add up as the report does', () => {
    const { jointFunding, problems } = importPackages(csvRows(REPORT));
    expect(jointFunding.packages.map((p) => [p.person, p.weeklyCost.toFixed(2)])).toEqual([
      ['L100', '500.00'],
      ['L101', '1000.00'],
      ['L102', '200.00'],
    ]);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [8, 'warning'],
      [10, 'warning'],
      [11, 'warning'],
    ]);
    expect(problems[0].message).toMatch(/"North Team Total" is a totals row/);
  });

  test('a package row with a start date is never taken for a total, whatever is missing', () => {
    const { problems } = importPackages(
      csvRows(`${HEADER}\r\n,s117,North ICB,01/04/2023,100,50\r\nTotal care,,North ICB,01/04/2023,100,50`),
    );
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([
      [2, 'person', 'error'],
      [3, 'person', 'error'],
    ]);
  });
});

describe('an export with a line per service under one package reference', () => {
  const LINES = [
    'Person ID,Package ID,Service Type,Funding basis,ICB,Start date,End date,Weekly cost,ICB %',
    'P1,PK1,Home Care,s117,North ICB,01/04/2023,,100.01,50',
    'P1,pk1 ,Day Care,s117,North ICB,01/04/2023,,50.00,50',
    'P2,PK2,Residential,Care Act,North ICB,01/04/2023,,700.00,40',
    'P1,PK1,Transport,s117,North ICB,01/04/2023,,12.50,50',
    'P2,PK2,Transport,Care Act,North ICB,01/04/2023,31/12/2023,20.00,40',
  ].join('\r\n');

  test('lines agreeing on all but the cost are one package costing their sum; a line that differs is refused', () => {
    const { jointFunding, problems } = importPackages(csvRows(LINES));
    expect(jointFunding.packages.map((p) => [p.ref, p.weeklyCost.toFixed(2)])).toEqual([
      ['PK1', (100.01 + 50 + 12.5).toFixed(2)],
      ['PK2', '700.00'],
    ]);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([[6, 'ref', 'error']]);
    expect(JSON.stringify(problems[0].where)).toBe(JSON.stringify({ path: 'row 6, End date' }));
    expect(problems[0].message).toMatch(/PK2 is on row 4 too, with a different End date/);
  });
});

describe('a split column whose header names the parties in order', () => {
  const icbShares = (header: string, ...splits: string[]) =>
    importPackages(
      csvRows(
        [
          `Person ID,Funding basis,ICB,Start date,Weekly cost,${header}`,
          ...splits.map((split, k) => `P${k},s117,North ICB,01/04/2023,100,${split}`),
        ].join('\n'),
      ),
    ).jointFunding.packages.map((p) => ('icbPercent' in p.split ? p.split.icbPercent.toFixed() : p.split.method));

  test('"Split (Health/Social Care)" 60/40 is a 60% ICB share, as "Social care/Health" 40/60 and a council:ICB split 40:60', () => {
    const asTyped = icbShares('Health share %', '60', '70', '25.5');
    expect(asTyped).toEqual(['60', '70', '25.5']);
    expect(icbShares('Split (Health/Social Care)', '60/40', '70%:30%', '25.5/74.5')).toEqual(asTyped);
    expect(icbShares('ICB:LA split', '60:40', '70:30', '25.5:74.5')).toEqual(asTyped);
    expect(icbShares('Split (Social Care/Health)', '40/60', '30%/70%', '74.5/25.5')).toEqual(asTyped);
    expect(icbShares('Funding split', '40:60', '30:70', '74.5:25.5')).toEqual(asTyped);
  });

  test('a split that does not add up says which way round the column is read', () => {
    const { problems } = importPackages(
      csvRows(
        'Person ID,Funding basis,ICB,Start date,Weekly cost,Split (Health/Social Care)\nP1,s117,N ICB,01/04/2023,100,70:40',
      ),
    );
    expect(problems.map((p) => [p.row, p.field])).toEqual([[2, 'method']]);
    expect(problems[0].message).toMatch(/write ICB:council, as the column is headed/);
  });
});

describe('headers as case-management systems write them', () => {
  test('service dates, a cost with its currency in the header and a health contribution % are read', () => {
    const headers = [
      'Client ID,Funding Type,CCG,Service Start Date,Service End Date,Cost (£ per week),Health Contribution %',
      'Mosaic ID,Funding basis,ICB,Placement Start Date,Placement End Date,Weekly Cost (£),NHS %',
      'LAS ID,Legal basis,ICB name,Agreement Start Date,Agreement End Date,Weekly cost GBP,ICB Contribution %',
    ];
    for (const header of headers) {
      const { jointFunding, problems } = importPackages(
        csvRows(`${header}\nP1,s117,North ICB,01/04/2023,31/03/2024,"£1,234.50",46`),
      );
      expect(problems).toEqual([]);
      expect(
        jointFunding.packages.map((p) => [
          p.start,
          p.end,
          p.weeklyCost.toFixed(2),
          'icbPercent' in p.split ? p.split.icbPercent.toFixed() : '',
        ]),
      ).toEqual([[dayFromIso('2023-04-01'), dayFromIso('2024-03-31'), '1234.50', '46']]);
    }
  });
});

describe('an export giving the cost a year or per 4 weeks, not a week', () => {
  const read = (header: string, ...costs: string[]) =>
    importPackages(
      csvRows(
        [
          `Person ID,Funding basis,ICB,Start date,${header},ICB %`,
          ...costs.map((cost, k) => `P${k},s117,North ICB,01/04/2023,"${cost}",100`),
        ].join('\n'),
      ),
    );

  test('the FOI answer’s £1,656,101.72 a year is £31,848.11 a week; £400.04 per 4 weeks is £100.01', () => {
    const annual = read('Annual Cost (£)', '£1,656,101.72');
    expect(annual.jointFunding.packages.map((p) => p.weeklyCost.times(52).toFixed(2))).toEqual(['1656101.72']);
    expect(annual.jointFunding.packages[0].weeklyCost.toFixed(2)).toBe('31848.11');
    // Said once, at the header: the figures rest on the column being a full year's cost.
    expect(annual.problems.map((p) => [p.row, p.field, p.severity])).toEqual([[1, 'weeklyCost', 'warning']]);
    const fourWeekly = read('Cost per 4 weeks', '400.04', '1,000.00');
    expect(fourWeekly.jointFunding.packages.map((p) => p.weeklyCost.times(4).toFixed(2))).toEqual([
      '400.04',
      '1000.00',
    ]);
  });

  test('a cost that is no whole number of pence a week is refused at its row, never rounded', () => {
    const { jointFunding, problems } = read('Annual cost', '52000.01', '52000');
    expect(jointFunding.packages.map((p) => p.weeklyCost.toFixed(2))).toEqual(['1000.00']);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.field])).toEqual([[2, 'weeklyCost']]);
    expect(problems.find((p) => p.row === 2)?.message).toMatch(/£52,000\.01 over 52 weeks/);
  });

  test('beside a weekly cost, the annual cost is left out, not a second weekly cost', () => {
    const { jointFunding, problems, columns } = importPackages(
      csvRows(
        'Person ID,Funding basis,ICB,Start date,Annual cost,Weekly cost,ICB %\nP1,s117,N ICB,01/04/2023,5214.29,100,50',
      ),
    );
    expect(problems).toEqual([]);
    expect(jointFunding.packages.map((p) => p.weeklyCost.toFixed(2))).toEqual(['100.00']);
    expect(columns.ignored).toContain('Annual cost');
  });
});

describe('an export giving the ICB’s pounds a week (a "Health Contribution"), not a share', () => {
  const ROWS: [string, string, string][] = [
    // [ref, gross weekly cost, health contribution]
    ['C1', '1,000.00', '600.00'],
    ['C2', '300.00', '100.00'], // a third: no share to six places is exact, 33.333333% gives it back
    ['C3', '987.65', '329.21'],
    ['C4', '0.03', '0.01'],
  ];
  const csvOf = (rows: readonly string[][]) =>
    [
      'LAS ID,Funding Type,CCG,Package Start,Gross Weekly Cost,Health Contribution (£),Net cost',
      ...rows.map(([ref, cost, icb]) => `${ref},s117,North ICB,01/04/2023,"${cost}",${icb},0`),
    ].join('\n');

  test('each package’s ICB pence are the contribution; the ICB’s week and full year add up the column', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'las.csv');
    await fs.writeFile(file, csvOf(ROWS));
    const { code, out } = await run(['joint', file, '--as-at', '01/01/2024', '--json']);
    const json = JSON.parse(out);
    const pence = ROWS.reduce((sum, [, , icb]) => sum + Math.round(Number(icb) * 100), 0);
    expect(code).toBe(0);
    expect(json.weekly.icb).toBe((pence / 100).toFixed(2));
    expect(json.fullYear.icb).toBe(((pence * 52) / 100).toFixed(2));
    expect(json.packages).toBe(ROWS.length);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a contribution above the cost, or disagreeing with a share beside it, is refused at its row', () => {
    const { jointFunding, problems } = importPackages(csvRows(csvOf([['C1', '100.00', '120.00']])));
    expect(jointFunding.packages).toEqual([]);
    expect(problems.map((p) => [p.row, p.field, p.severity])).toEqual([[2, 'icbWeekly', 'error']]);
    const withShare = importPackages(
      csvRows(
        [
          'LAS ID,Funding Type,CCG,Package Start,Gross Weekly Cost,Health Contribution,ICB %',
          'C1,s117,N ICB,01/04/2023,100,40.00,40',
          'C2,s117,N ICB,01/04/2023,100,60.00,40',
        ].join('\n'),
      ),
    );
    const shares = withShare.jointFunding.packages.map((p) => [
      p.person,
      'icbPercent' in p.split ? p.split.icbPercent.toFixed() : '',
    ]);
    expect(shares).toEqual([['C1', '40']]);
    expect(withShare.problems.map((p) => [p.row, p.field, p.severity])).toEqual([[3, 'icbWeekly', 'error']]);
    expect(withShare.problems[0].message).toMatch(
      /40% of £100\.00 is £40\.00 a week, but the Health Contribution is £60\.00/,
    );
  });
});

describe('an export identifying people only by name or NHS number', () => {
  test('is refused whole, saying those columns are never read and what to add', () => {
    const { jointFunding, problems, unreadable } = importPackages(
      csvRows(
        'NHS Number,Client Name,Funding basis,ICB,Start date,Weekly cost,ICB %\n943 476 5919,Jane Smith,s117,N ICB,01/04/2023,100,50',
      ),
    );
    expect([unreadable, jointFunding.packages.length]).toEqual([true, 0]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([[1, 'person']]);
    expect(problems[0].message).toMatch(/"NHS Number" and "Client Name" are never read.*add the case-management ID/);
    expect(JSON.stringify(problems)).not.toMatch(/943|Jane/);
  });
});

describe('a report printed page by page', () => {
  test('the header repeated on each page and the page footers are passed over; every package is read', () => {
    const page = (...rows: string[]) => [HEADER, ...rows, 'Page 1 of 2', ''];
    const { jointFunding, problems } = importPackages(
      csvRows(
        [
          ...page('M-1,s117,North ICB,01/04/2023,100,50', 'M-2,s117,North ICB,01/04/2023,200,50'),
          ...page('M-3,Care Act,North ICB,01/04/2023,300,40'),
        ].join('\r\n'),
      ),
    );
    expect(jointFunding.packages.map((p) => p.person)).toEqual(['M-1', 'M-2', 'M-3']);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [4, 'warning'],
      [6, 'warning'],
      [8, 'warning'],
    ]);
    expect(problems[1].message).toMatch(/repeats the header row/);
  });
});

describe('dates stamped with a time of day', () => {
  test('are the day they name, whatever the time; an impossible time is still refused', () => {
    const { jointFunding, problems } = importPackages(
      csv(
        'M-1,s117,North ICB,2023-04-01 09:30:00.000,100,50',
        'M-2,s117,North ICB,01/04/2023 14:05,100,50',
        'M-3,s117,North ICB,2023-04-01T23:59:59Z,100,50',
        'M-4,s117,North ICB,01/04/2023 25:00,100,50',
      ),
    );
    const april = dayFromIso('2023-04-01');
    expect(jointFunding.packages.map((p) => [p.person, p.start])).toEqual([
      ['M-1', april],
      ['M-2', april],
      ['M-3', april],
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([[5, 'start']]);
  });
});

describe('a plain split column holding uneven ratios', () => {
  test('says once, at the header, which way round its ratios were read', () => {
    const read = (split: string) =>
      importPackages(
        csvRows(
          [
            'Person ID,Funding basis,ICB,Start date,Weekly cost,Funding Split',
            'P1,s117,North ICB,01/04/2023,100,50:50',
            `P2,s117,North ICB,01/04/2023,100,${split}`,
            'P3,s117,North ICB,01/04/2023,100,30:70',
          ].join('\n'),
        ),
      ).problems;
    const warned = read('60:40');
    expect(warned.map((p) => [p.row, p.field, p.severity])).toEqual([[1, 'method', 'warning']]);
    expect(warned[0].message).toMatch(/row 3's "60:40" is council 60%, ICB 40%/);
    // A column headed with its order says it; 50:50 reads the same either way round.
    expect(read('50/50').map((p) => p.row)).toEqual([1]);
    expect(
      importPackages(
        csvRows('Person ID,Funding basis,ICB,Start date,Weekly cost,Funding Split\nP1,s117,N ICB,01/04/2023,100,50:50'),
      ).problems,
    ).toEqual([]);
  });
});
