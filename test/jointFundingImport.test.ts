import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { csvDelimiter, csvRows } from '../src/domain/csvRows';
import { importPackages } from '../src/domain/jointFundingImport';
import { dayFromIso } from '../src/domain/jointFunding';
import { loadJointFunding } from '../src/adapters/file/jointFundingFiles';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// A Mosaic-style export as a finance lead might receive it: a client name column, blank rows, dates
// in three forms, money with £ and commas, a share over 100%, an end before the start.
const MESSY = [
  'Client ID,Client Name,Funding Type,CCG,Start Date,End Date,Cost per week,Agreement,ICB %,Health minutes,Social care minutes',
  'M-1001,Jane Smith,s117,North ICB,01/04/2023,,"£1,234.50",50:50,,,',
  '',
  'M-1002,Ahmed Khan,Care Act,South ICB,2023-06-15,2024-09-30,980.00,Fixed,40,,',
  'M-1003,Mary Jones,s117,North ICB,45200,,1500,Fixed,150,,',
  ',,,,,,,,,,',
  'M-1004,Tom Brown,Care Act,North ICB,01/09/2023,31/08/2023,700,50:50,,,',
  'M-1005,Li Wei,s117,South ICB,2022-11-01,,"£2,000.00",Time to task,,300,700',
  'Sam Patel,Sam Patel,s117,South ICB,2022-11-01,,800,50:50,,,',
  'M-1007,Ann Lee,Care Act,North ICB,31/02/2023,,650,50:50,,,',
].join('\r\n');

describe('importing a case-management export', () => {
  test('a messy export gives every readable row and a problem, with its row number, for each bad one', () => {
    const { jointFunding, problems } = importPackages(csvRows(MESSY));
    expect(jointFunding.packages.map((p) => p.person)).toEqual(['M-1001', 'M-1002', 'M-1005']);
    const [first, second, third] = jointFunding.packages;
    expect(first.weeklyCost.toFixed(2)).toBe('1234.50');
    expect(first.start).toBe(dayFromIso('2023-04-01'));
    expect(second.end).toBe(dayFromIso('2024-09-30'));
    expect(third.split).toMatchObject({ method: 'timeToTask' });
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.field])).toEqual([
      [5, 'icbPercent'], // 150%
      [7, 'end'], // ends before it starts
      [9, 'person'], // a name where the reference should be: not copied
      [10, 'start'], // 31 February
    ]);
  });

  test('no name from the export reaches the packages file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'mosaic.csv');
    const out = path.join(dir, 'packages.json');
    await fs.writeFile(csv, `\uFEFF${MESSY}`);
    const { code, out: said, err } = await run(['joint', 'import', csv, '-o', out]);
    expect(code).toBe(1);
    expect(said).toMatch(/3 packages; 4 rows not read/);
    expect(said).toMatch(/columns not copied: Client Name/);
    expect(err).toMatch(/row 5, ICB %: package M-1003\/5 has an ICB share of 150%/);
    const written = await fs.readFile(out, 'utf8');
    for (const name of ['Jane Smith', 'Ahmed Khan', 'Li Wei', 'Sam Patel', 'Mary Jones'])
      expect(written).not.toContain(name);
    const figures = await run(['joint', out, '--as-at', '2023-07-01', '--json']);
    const json = JSON.parse(figures.out);
    expect(json.packages).toBe(3);
    // £1,234.50 at 50:50 is £617.25 each; £980 at 40% is £392; time to task: 300 of 1,000 minutes of £2,000 is £600.
    expect(json.weekly).toEqual({ total: '4214.50', council: '2605.25', icb: '1609.25' });
    expect(json.fullYear.icb).toBe('83681.00');
    await fs.rm(dir, { recursive: true, force: true });
  });

  // A continental export writes 1234,50 for £1,234.50: read with its comma dropped it was £123,450 a week.
  test('an amount with a comma out of place is refused with its row, never read as a hundred times more', () => {
    const rows = csvRows(
      [
        'Person ID,Funding basis,ICB,Start date,Weekly cost',
        'P1,s117,North ICB,01/04/2023,"1234,50"',
        'P2,s117,North ICB,01/04/2023,"1.234,50"',
        'P3,s117,North ICB,01/04/2023,"12,34"',
        'P4,s117,North ICB,01/04/2023,"£1,234.50"',
        'P5,s117,North ICB,01/04/2023,"1,234"',
      ].join('\n'),
    );
    const { jointFunding, problems } = importPackages(rows);
    expect(jointFunding.packages.map((p) => [p.person, p.weeklyCost.toFixed(2)])).toEqual([
      ['P4', '1234.50'],
      ['P5', '1234.00'],
    ]);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.row, p.field, p.message])).toEqual(
      ['1234,50', '1.234,50', '12,34'].map((typed, i) => [
        i + 2,
        'weeklyCost',
        `the weekly cost "${typed}" isn't an amount; write it as 1234.50 or £1,234.50.`,
      ]),
    );
  });

  test('an export separated by semicolons or tabs is read as one separated by commas', () => {
    const lines = [
      'Joint funding export, run by Finance',
      '',
      'Person ID;Funding basis;ICB;Start date;Weekly cost;Note',
      'P1;s117;North ICB;01/04/2023;100;"a; b, c"',
    ];
    for (const d of [';', '\t']) {
      const text = lines.map((l) => l.replace(/;/g, d)).join('\r\n');
      expect(csvDelimiter(text)).toBe(d);
      const { jointFunding, problems } = importPackages(csvRows(text));
      expect(jointFunding.packages.map((p) => [p.person, p.icb, p.weeklyCost.toFixed(2)])).toEqual([
        ['P1', 'North ICB', '100.00'],
      ]);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
    // Commas win where they split a line into more fields, quoted text apart.
    expect(csvDelimiter('Person ID,ICB,"Start; date",Weekly cost\nP1,N;orth,01/04/2023,1')).toBe(',');
    expect(csvDelimiter('Just one column\nP1')).toBe(',');
  });

  test('two columns for one field are refused, naming both, unless they agree on every row', () => {
    const header = 'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method,Weekly cost';
    const differ = importPackages(csvRows(`${header}\nP1,s117,North ICB,01/04/2023,100,50:50,900`));
    expect(differ.jointFunding.packages).toEqual([]);
    expect(differ.unreadable).toBe(true);
    expect(differ.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [
        1,
        'weeklyCost',
        'columns E ("Weekly cost") and G ("Weekly cost") are both a "weekly cost" column; rename or delete one so only one is read.',
      ],
    ]);
    const agree = importPackages(csvRows(`${header}\nP1,s117,North ICB,01/04/2023,100,50:50,100`));
    expect(agree.problems).toEqual([]);
    expect(agree.jointFunding.packages.map((p) => p.weeklyCost.toFixed(2))).toEqual(['100.00']);
  });

  // Excel's CSV save writes a date as its cell shows it: "1-Apr-24" for d-mmm-yy, "01/04/24" for dd/mm/yy.
  test('dates as exports write them are read as the same day, and impossible ones refused', () => {
    const ways = [
      '01/04/2024',
      '1/4/24',
      '2024-04-01',
      '2024/04/01',
      '1-Apr-24',
      '01-Apr-2024',
      '1 April 2024',
      '1st Apr 2024',
      '1-Sept-2024',
      '45383',
    ];
    const rows = csvRows(
      [
        'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method',
        ...ways.map((d, i) => `P${i},s117,North ICB,${d},100,50:50`),
        'Q1,s117,North ICB,31-Apr-2024,100,50:50',
        'Q2,s117,North ICB,1-Apx-2024,100,50:50',
        'Q3,s117,North ICB,1-Ap-2024,100,50:50',
      ].join('\n'),
    );
    const { jointFunding, problems } = importPackages(rows);
    const sept = ways.indexOf('1-Sept-2024');
    expect(jointFunding.packages.map((p) => [p.person, p.start])).toEqual(
      ways.map((_, i) => [`P${i}`, dayFromIso(i === sept ? '2024-09-01' : '2024-04-01')]),
    );
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [ways.length + 2, 'start'],
      [ways.length + 3, 'start'],
      [ways.length + 4, 'start'],
    ]);
  });

  test('headers can be mapped by the person importing', () => {
    const rows = csvRows('Ref No,Legal basis,Health partner,From,To,Weekly £\nX1,s117,North ICB,2023-04-01,,100');
    expect(importPackages(rows).problems[0].message).toMatch(/no header row found/);
    const mapped = importPackages(rows, { 'Ref No': 'person', 'Weekly £': 'weeklyCost', From: 'start' });
    expect(mapped.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(mapped.jointFunding.packages).toHaveLength(1);
  });
});

describe('an export saved as a workbook', () => {
  test('dates stored as Excel serials and amounts as numbers are read, from the sheet with the header', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['Exported from LAS on 18/04/2024']);
    const sheet = book.addWorksheet('Joint packages');
    sheet.addRow([
      'Person ref',
      'Full name',
      'Funding basis',
      'ICB',
      'Start date',
      'End date',
      'Weekly amount',
      'Split method',
      'Health share %',
    ]);
    sheet.addRow([
      'L-1',
      'A Person',
      'Section 117',
      'North ICB',
      new Date(Date.UTC(2023, 3, 1)),
      null,
      1200.5,
      'Fixed',
      46,
    ]);
    sheet.addRow([
      'L-2',
      'B Person',
      'Care Act',
      'North ICB',
      new Date(Date.UTC(2023, 9, 2)),
      new Date(Date.UTC(2024, 2, 31)),
      800,
      'Panel',
      35,
    ]);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const file = path.join(dir, 'las.xlsx');
    await book.xlsx.writeFile(file);
    const loaded = await loadJointFunding(file);
    expect(loaded.kind).toBe('export');
    expect(loaded.jointFunding.packages.map((p) => [p.person, p.start, p.weeklyCost.toFixed(2)])).toEqual([
      ['L-1', dayFromIso('2023-04-01'), '1200.50'],
      ['L-2', dayFromIso('2023-10-02'), '800.00'],
    ]);
    // A panel split with no decision date counts, with a warning naming the column to add.
    expect(loaded.problems.map((p) => [p.row, p.field, p.severity])).toEqual([[3, 'decided', 'warning']]);
    expect(JSON.stringify(loaded.problems[0].where)).toMatch(/Panel decision date/);
    expect(loaded.problems[0].message).toMatch(/Add a "Panel decision date" column/);
    expect(JSON.stringify(loaded)).not.toMatch(/A Person|B Person/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('an export saved as a workbook, with shares in a percentage format', () => {
  // Excel keeps a cell showing 40% as 0.4: read as typed, the ICB would pay 0.4% of the package.
  test('a share showing 40% is 40%, as one typed as 40 is', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Export');
    sheet.addRow(['Person ID', 'Funding basis', 'ICB', 'Start date', 'Weekly cost', 'Split method', 'Health share %']);
    sheet.addRow(['P-1', 's117', 'North ICB', '01/04/2023', 1000, 'Fixed', 0.4]).getCell(7).numFmt = '0%';
    sheet.addRow(['P-2', 's117', 'North ICB', '01/04/2023', 1000, 'Fixed', 0.125]).getCell(7).numFmt = '0.0%';
    sheet.addRow(['P-3', 's117', 'North ICB', '01/04/2023', 1000, 'Fixed', 40]);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const file = path.join(dir, 'shares.xlsx');
    await book.xlsx.writeFile(file);
    const loaded = await loadJointFunding(file);
    expect(loaded.problems).toEqual([]);
    const shares = loaded.jointFunding.packages.map((p) =>
      p.split.method === 'fixed' ? p.split.icbPercent.toFixed() : p.split.method,
    );
    expect(shares).toEqual(['40', '12.5', '40']);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('bcf joint', () => {
  test('prints the example council’s FOI figures: £31,848.11 a week, £1,656,101.72 a year', async () => {
    const { code, out } = await run(['joint', 'examples/joint-funding.json', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ asAt: '2024-04-18', year: '2023/24', packages: 39, people: 37, problems: [] });
    expect(json.weekly.icb).toBe('31848.11');
    expect(json.fullYear.icb).toBe('1656101.72');
    for (const t of [
      json.weekly,
      json.annual,
      json.fullYear,
      ...json.byIcb.map((g: { annual: unknown }) => g.annual),
    ]) {
      expect((Math.round(Number(t.council) * 100) + Math.round(Number(t.icb) * 100)) / 100).toBe(Number(t.total));
    }
  });

  test('refuses a bad date and flags that belong to import', async () => {
    expect((await run(['joint', 'examples/joint-funding.json', '--as-at', '31/02/2024'])).code).toBe(64);
    expect((await run(['joint', 'examples/joint-funding.json', '-o', 'x.json'])).err).toMatch(
      /go with "bcf joint import"/,
    );
  });
});

describe('an export with shares written as fractions', () => {
  test('a bare share between 0 and 1 is counted as typed, with a warning naming the row and the fix', () => {
    const rows = csvRows(
      [
        'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method,Health share %',
        'P1,s117,North ICB,01/04/2023,100,Fixed,0.4',
        'P2,s117,North ICB,01/04/2023,100,Fixed,0.5%',
        'P3,s117,North ICB,01/04/2023,100,99.5:0.5,',
        'P4,s117,North ICB,01/04/2023,100,Fixed,40',
      ].join('\n'),
    );
    const { jointFunding, problems } = importPackages(rows);
    expect(jointFunding.packages).toHaveLength(4);
    expect(problems.map((p) => [p.row, p.severity, JSON.stringify(p.where), p.message])).toEqual([
      // How the plain "Split method" column's ratio was read (test/jointFundingExports.test.ts).
      [1, 'warning', JSON.stringify({ path: 'row 1, Split method' }), expect.stringMatching(/read council:ICB/)],
      [
        2,
        'warning',
        JSON.stringify({ path: 'row 2, Health share %' }),
        'the ICB share 0.4 is read as 0.4%; if the export writes shares as fractions (0.4 for 40%), write it as 40 or 40%.',
      ],
    ]);
  });
});

describe('an export with a package bcf joint cannot split', () => {
  // No split method column and no rule for the ICB: the share can't be worked out. bcf joint once stopped with "a fault in bcf itself".
  test('counts the others, says how many it left out and why, and exits 1', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'export.csv');
    await fs.writeFile(
      csv,
      'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method\nP1,s117,North ICB,01/04/2023,100,\nP2,s117,North ICB,01/04/2023,300,50:50\n',
    );
    const { code, out, err } = await run(['joint', csv, '--as-at', '2023-05-01']);
    expect(code).toBe(1);
    expect(out).toMatch(/People covered: 1 {3}Packages active: 1/);
    expect(out).toMatch(/Weekly +£300\.00 +£150\.00 +£150\.00/);
    expect(err.split('\n')).toEqual([
      'Warning at row 2, Split method: package P1/2 has no split method and there is no default rule for North ICB; give the package a split or add a rule for the ICB.',
      'Error at Split method: 1 package left out of these figures: no split method and no default rule for the ICB (see the warnings); give each a split method in the export.',
    ]);
    const json = await run(['joint', csv, '--as-at', '2023-05-01', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).problems.map((p: { severity: string }) => p.severity)).toEqual(['warning', 'error']);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('an export ending with a totals row', () => {
  test('the totals row is passed over with a warning, not refused as a package with blanks', () => {
    const rows = csvRows(
      [
        'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method',
        'P1,s117,North ICB,01/04/2023,100,50:50',
        'P2,s117,North ICB,01/04/2023,200,50:50',
        'Total,,,,300,',
        ',Grand total:,,,300,',
      ].join('\n'),
    );
    const { jointFunding, problems } = importPackages(rows);
    expect(jointFunding.packages.map((p) => p.person)).toEqual(['P1', 'P2']);
    expect(problems.map((p) => [p.row, p.severity, p.message])).toEqual([
      [4, 'warning', 'the row starting "Total" is a totals row, not a package, so it was not read.'],
      [5, 'warning', 'the row starting "Grand total:" is a totals row, not a package, so it was not read.'],
    ]);
  });
});

describe('an export none of whose rows can be read', () => {
  test('writes no packages file, keeps the one already there, and prints no figures', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'export.csv');
    const out = path.join(dir, 'packages.json');
    await fs.writeFile(
      csv,
      'Person ID,Funding basis,ICB,Start date,Weekly cost,Weekly cost\nP1,s117,N,01/04/2023,1,2\n',
    );
    await fs.writeFile(out, 'what was there');
    const imported = await run(['joint', 'import', csv, '-o', out]);
    expect(imported.code).toBe(1);
    expect(imported.err).toMatch(/^Error at row 1: columns E \("Weekly cost"\) and F/);
    expect(imported.out).toBe(`Nothing written to ${out}: no row of the export could be read (see above).`);
    expect(await fs.readFile(out, 'utf8')).toBe('what was there');
    expect((await fs.readdir(dir)).sort()).toEqual(['export.csv', 'packages.json']);
    const printed = await run(['joint', csv]);
    expect(printed.code).toBe(1);
    expect(printed.out).toBe('');
    expect(printed.err).toMatch(/columns E/);
    await fs.rm(dir, { recursive: true, force: true });
  });

  // --json once printed a summary of £0 and exit 0 (or 1 with zeros) where the text printed the errors alone.
  test.each([
    [
      'a column given twice',
      'Person ID,Funding basis,ICB,Start date,Weekly cost,Weekly cost\nP1,s117,N,01/04/2023,1,2\n',
      'no package could be read',
      'row 1',
    ],
    [
      'every row refused',
      'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method\nP1,s117,NCL,31/02/2023,100,50:50\nP2,s117,NCL,01/04/2023,abc,50:50\n',
      'no package could be read',
      'rows 2, 3',
    ],
    [
      'every package without a split',
      'Person ID,Funding basis,ICB,Start date,Weekly cost\nP1,s117,NCL,01/04/2023,100\nP2,s117,NCL,01/04/2023,300\n',
      'no package read could be counted',
      '',
    ],
  ])('%s: text and --json alike print no figures, say why on stderr, and exit 1', async (_, text, what, rows) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'export.csv');
    await fs.writeFile(csv, text);
    const printed = await run(['joint', csv, '--as-at', '2023-05-01']);
    const json = await run(['joint', csv, '--as-at', '2023-05-01', '--json']);
    expect([json.code, json.out, json.err]).toEqual([1, '', printed.err]);
    expect([printed.code, printed.out]).toEqual([1, '']);
    const said = printed.err.split('\n');
    expect(said.length).toBeGreaterThan(1);
    expect(
      said
        .slice(0, -1)
        .every((l) => l.startsWith('Error at row') || l.startsWith('Error at Split') || l.startsWith('Warning at row')),
    ).toBe(true);
    expect(said[said.length - 1]).toBe(
      `bcf joint: ${what} from ${csv} (see the errors above${rows ? `, at ${rows}` : ''}), so no figures are printed: correct the export and run again.`,
    );
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('every row refused: bcf joint import writes no packages file (it once wrote one of no packages)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'export.csv');
    const out = path.join(dir, 'packages.json');
    await fs.writeFile(
      csv,
      'Person ID,Funding basis,ICB,Start date,Weekly cost,Split method\nP1,s117,NCL,31/02/2023,100,50:50\n',
    );
    const imported = await run(['joint', 'import', csv, '-o', out]);
    expect([imported.code, imported.out]).toEqual([
      1,
      `Nothing written to ${out}: no row of the export could be read (see above).`,
    ]);
    expect(imported.err).toMatch(/^Error at row 2, Start date: the start date "31\/02\/2023" isn't a date/);
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('a workbook with no register and no export on any sheet is one line naming the file', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Assumptions').addRow(['Unit cost', 2004]);
    book.addWorksheet('Schemes').addRow(['Ref', 'Scheme', 'Cost']);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const file = path.join(dir, 'plan.xlsx');
    await book.xlsx.writeFile(file);
    const { code, out, err } = await run(['joint', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toContain(`${file}: no sheet is a joint register or an export with a header row`);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('bcf joint --json on a CSV export with a panel split and no decision date column', () => {
  test('counts the package, reports a warning naming the column to add, and exits 0', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-joint-'));
    const csv = path.join(dir, 'export.csv');
    await fs.writeFile(
      csv,
      [
        'Person ID,Funding type,ICB,Start date,Weekly cost,Split method,Health share %',
        'P-1,s117,North ICB,01/04/2023,1000.00,Fixed,50',
        'P-2,Care Act,North ICB,01/04/2023,1517.05,Panel,33.333',
      ].join('\n'),
    );
    const { code, out } = await run(['joint', csv, '--json', '--as-at', '2023-06-01', '--year', '2023/24']);
    const json = JSON.parse(out);
    expect(code).toBe(0);
    expect([json.packages, json.errors, json.warnings]).toEqual([2, 0, 1]);
    expect(json.problems[0]).toMatchObject({ row: 3, severity: 'warning' });
    expect(json.problems[0].message).toMatch(/Add a "Panel decision date" column/);
    // 1517.05 x 33.333% = 505.678... → £505.68 a week (33.33% would give £505.63); £500.00 for the other.
    expect(json.weekly.icb).toBe('1005.68');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
