import fc from 'fast-check';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { excelJsRead, excelJsToSnapshot, xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { planToExcelJs } from '../src/adapters/file/xlsxWriter';
import { main } from '../src/cli/main';
import type { Finding } from '../src/domain/audit/finding';
import { planFromJson } from '../src/domain/planJson';
import { planChecks } from '../src/domain/planChecks';
import { cellAddress } from '../src/workbook/a1';
import { auditWorkbook, cleanSummary } from '../src/workbook/audit/auditWorkbook';
import { readTypedCell } from '../src/workbook/audit/typedCell';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy, barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';
const { barnetTablesAsPrinted } = require('./support/barnetTablesAsPrinted');

const FIXTURE = path.join(__dirname, 'fixtures', 'barnet-tables-as-printed.xlsx');
const brief = (f: Finding) => [f.sheet, f.cell, f.rule, f.expected, f.found];

/** Barnet with every published inconsistency corrected: a plan whose figures all agree. */
function barnetCorrectedJson() {
  const json = barnetJsonCopy();
  json.targets[0].statedAtRisk = 2046084;
  json.schemes.find((s: any) => s.ref === '1a').investments[0].amount = 35000;
  json.schemes.find((s: any) => s.ref === '2a').investments[3].amount = 1300000 - 270;
  json.schemes.find((s: any) => s.ref === '3a').investments[0].amount = 1316464;
  json.schemes.find((s: any) => s.ref === '4a').investments[10].amount = 1641926 - 2219;
  json.statements = json.statements.filter(
    (s: any) => !['protectSocialCare', 'table17Activity', 'atRisk5b'].includes(s.id),
  );
  return json;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reading cells as people type them', () => {
  test.each([
    ['35,000 (Not BCF pool)', 'number', '35000', 'Not BCF pool'],
    ['n/a', 'na', undefined, undefined],
    ['£1,234', 'number', '1234', ''],
    ['4.03', 'number', '4.03', ''],
    ['4.03%', 'number', '4.03', ''],
    ['Older People Integrated Care', 'text', undefined, undefined],
  ])('%s', (typed, kind, value, note) => {
    const cell = readTypedCell(typed) as any;
    expect(cell.kind).toBe(kind);
    if (value !== undefined) expect(cell.value.toString()).toBe(value);
    if (note !== undefined) expect(cell.note).toBe(note);
  });
});

describe('figures as their cells show them', () => {
  test.each([
    ['(1,234)', null, '-1234', 0, false],
    ['–1,234', null, '-1234', 0, false],
    ['£ 1,234', null, '1234', 0, false],
    ['1,234 [2]', null, '1234', 0, false],
    ['4.03 %', null, '4.03', 2, true],
    [0.0403, '0.00%', '4.03', 2, true],
    [0.0998, '0.00%', '9.98', 2, true],
    [6.5, '0.00', '6.5', 2, false],
    [1234567.8, '#,##0,', '1234.5678', 0, false],
    [1234.5, '"£"#,##0;("£"#,##0)', '1234.5', 0, false],
  ])('%s shown with %s is %s to %s places', (typed, format, value, decimals, percent) => {
    const cell = readTypedCell(typed, format) as any;
    expect([cell.kind, cell.value.toString(), cell.decimals, cell.percentSign]).toEqual([
      'number',
      value,
      decimals,
      percent,
    ]);
  });

  test('"£1.2m" is 1.2 million, "2b*" and "3 4" are words, "-" is nothing to count', () => {
    expect([readTypedCell('£1.2m')].map((c: any) => [c.value.toString(), c.scale])).toEqual([['1.2', 1e6]]);
    expect([readTypedCell('2b*').kind, readTypedCell('3 4').kind, readTypedCell('-').kind]).toEqual([
      'text',
      'text',
      'na',
    ]);
  });

  test('both readers give each cell its number format, General as none', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Typed');
    ws.getCell('A1').value = 0.0403;
    ws.getCell('A1').numFmt = '0.00%';
    ws.getCell('B1').value = 12;
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const snapshot = await xlsxToSnapshot(data);
    expect(snapshot.sheets[0].numberFormats).toEqual([['0.00%', null]]);
    expect((await excelJsRead(data)).sheets[0].numberFormats).toEqual([['0.00%', null]]);
  });
});

describe('the published Barnet tables, typed in as printed', () => {
  const expected = [
    ['Tables 3 and 4', 'E9', 'share-of-pool', '3.48', '3.49'], // Table 3, 2c: 231,000 / 6,634,000
    ['Tables 3 and 4', 'G27', 'share-of-pool', '5.52', '5.53'], // Table 4, 2b: 1,292,026 / 23,412,000
    ['Annex 1', 'C6', 'share-of-pool', '3.48', '3.49'],
    ['Annex 1', 'D18', 'share-of-pool', '5.52', '5.53'],
    ['Annex 1', 'G31', 'row-total', '£190,894', '£187,894'], // falls, 65-69: 46,621 + 144,273
    ['Annex 1', 'G32', 'row-total', '£241,144', '£244,143'], // falls, 70-74: 114,902 + 126,242
    ['Annex 1', 'C34', 'column-total', '£1,495,463', '£1,462,463'], // falls, fractured neck of femur cost
    ['Annex 1', 'E34', 'column-total', '£1,813,867', '£1,816,867'], // falls, other codes cost
    ['Table 17', 'B7', 'column-total', '1,025', '1,021'], // 656 + 307 + 62
  ];

  test('the audit finds every arithmetic fault, naming the cell, and nothing else', async () => {
    const snapshot = await xlsxToSnapshot(await fs.readFile(FIXTURE));
    expect(auditWorkbook(snapshot).findings.map(brief)).toEqual(expected);
  });

  test('the fixture file is what test/support/barnetTablesAsPrinted.js generates', async () => {
    const snapshot = await xlsxToSnapshot(await fs.readFile(FIXTURE));
    const generated = barnetTablesAsPrinted().sheets;
    expect(snapshot.sheets.map((s) => s.name)).toEqual(generated.map((s: any) => s.name));
    expect(auditWorkbook(barnetTablesAsPrinted()).findings.map(brief)).toEqual(expected);
  });

  test('correcting a printed figure removes its finding and only that one', () => {
    const tables = barnetTablesAsPrinted();
    tables.sheets[0].values[8][4] = '3.48';
    const findings = auditWorkbook(tables).findings.map(brief);
    expect(findings).toHaveLength(expected.length - 1);
    expect(findings).not.toContainEqual(expected[0]);
  });

  test('a wrong saving (count × £2,004) and a wrong % change are found', () => {
    const tables = barnetTablesAsPrinted();
    tables.sheets[0].values[10][6] = '827,625'; // 3a: 413 × 2,004 = 827,652
    tables.sheets[0].values[10][7] = '56.04'; // 3a: 413 / 635 = 65.04%
    const findings = auditWorkbook(tables).findings.filter(
      (f) => f.sheet === 'Tables 3 and 4' && f.cell.endsWith('11'),
    );
    expect(findings.map(brief)).toEqual([
      ['Tables 3 and 4', 'G11', 'saving', '£827,652', '827,625'],
      ['Tables 3 and 4', 'H11', 'share-of-total', '65.04', '56.04'],
    ]);
  });
});

describe('a finding in a typed table names its row by the scheme reference', () => {
  // A Tier column comes first in the plan's tables: the finding once named scheme 2a as "2", its tier.
  test('not by the tier before it', () => {
    const table = [
      ['Tier', 'Scheme ref', 'Scheme', 'Cost (£)', '% of BCF pool'],
      [2, '2a', 'Care navigation', 267357, '40.3%'],
      [2, '2b', 'Integrated care', 1057451, '79.82%'],
    ];
    const findings = auditWorkbook({ sheets: [{ name: 'Table', values: table }] }).findings;
    expect(findings.map((f) => f.cell)).toEqual(['E2']);
    expect(findings[0].message).toMatch(/^% of pool for "2a" \(row 2\) should be 20\.2%/);
  });
});

describe('auditing a workbook the add-in built', () => {
  test('the Barnet example reports what in the published plan does not add up, and no formula findings', async () => {
    const workbook = planToExcelJs(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY }));
    const snapshot = await xlsxToSnapshot((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const findings = auditWorkbook(snapshot).findings;
    expect(findings.every((f) => f.rule === 'check-failed')).toBe(true);
    expect(findings.map((f) => f.message).sort()).toEqual(
      planChecks(barnetPlan())
        .filter((c) => !c.passed)
        .map((c) => c.message)
        .sort(),
    );
    // The stated amount at risk: column D of the 2015/16 row of the Targets table.
    const assumptions = snapshot.sheets.find((s) => s.name === 'Assumptions')!;
    const targetRow = assumptions.values.findIndex(
      (r, i) => r[0] === '2015/16' && assumptions.values.slice(0, i).some((h) => h[0] === 'Target year'),
    );
    expect(findings.map((f) => `${f.sheet}!${f.cell}`)).toContain(`Assumptions!D${targetRow + 1}`);
  });

  test('a workbook built by bcf build and left untouched audits clean (exit 0)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-audit-'));
    const plan = path.join(dir, 'plan.json');
    await fs.writeFile(plan, JSON.stringify(barnetCorrectedJson()));
    expect((await cli(['build', plan, '-o', path.join(dir, 'plan.xlsx')])).code).toBe(0);
    const result = await cli(['audit', path.join(dir, 'plan.xlsx')]);
    expect([result.code, result.err]).toEqual([0, '']);
    expect(result.out).toMatch(/clean/);
  });

  test('a workbook whose cards were never created (as the pane generates tables) audits clean', () => {
    const layout = workbookLayout(planFromJson(barnetCorrectedJson()).plan, 'tables', { today: TEST_DAY });
    expect(layout.sheets.some((s) => s.name.startsWith('Card '))).toBe(false);
    expect(auditWorkbook(excelJsToSnapshot(planToExcelJs(layout))).findings).toEqual([]);
  });

  test('a number typed over any formula is found, at that cell', async () => {
    const layout = workbookLayout(planFromJson(barnetCorrectedJson()).plan, 'all', { today: TEST_DAY });
    const formulaCells = layout.sheets.flatMap((s) =>
      s.rows.flatMap((row, r) =>
        row.flatMap((c, k) => (c?.formula ? [{ sheet: s.name, r, k, formula: c.formula }] : [])),
      ),
    );
    expect(formulaCells.length).toBeGreaterThan(500);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...formulaCells), fc.integer({ min: -1e9, max: 1e9 }), async (target, typed) => {
        const workbook = planToExcelJs(layout);
        workbook.getWorksheet(target.sheet)!.getCell(target.r + 1, target.k + 1).value = typed;
        const findings = auditWorkbook(excelJsToSnapshot(workbook)).findings;
        const here = findings.filter((f) => f.sheet === target.sheet && f.cell === cellAddress(target.r, target.k));
        expect(here.map((f) => [f.rule, f.expected, f.found])).toEqual([
          ['typed-over-formula', target.formula, String(typed)],
        ]);
      }),
      { numRuns: 40 },
    );
  });

  test('a formula changed by hand is found, with both formulas', () => {
    const layout = workbookLayout(planFromJson(barnetCorrectedJson()).plan, 'all', { today: TEST_DAY });
    const workbook = planToExcelJs(layout);
    const sheet = layout.sheets.find((s) => s.name === 'Pool')!;
    const r = sheet.rows.findIndex((row) => row[2]?.formula?.startsWith('=IF(Schemes!'));
    workbook.getWorksheet('Pool')!.getCell(r + 1, 3).value = { formula: 'Schemes!$G$6*2' } as any;
    const findings = auditWorkbook(excelJsToSnapshot(workbook)).findings.filter((f) => f.rule === 'formula-changed');
    expect(findings.map((f) => [f.sheet, f.cell, f.found])).toEqual([['Pool', cellAddress(r, 2), '=Schemes!$G$6*2']]);
  });

  test('an input that breaks a check is found: a risk rating typed wrong', () => {
    const layout = workbookLayout(planFromJson(barnetCorrectedJson()).plan, 'all', { today: TEST_DAY });
    const workbook = planToExcelJs(layout);
    workbook.getWorksheet('Risk log')!.getCell('F5').value = 15; // R1 is 4 × 4
    const findings = auditWorkbook(excelJsToSnapshot(workbook)).findings;
    expect(findings.map(brief)).toEqual([['Risk log', 'F5', 'check-failed', '16', '15']]);
  });
});

describe('what bcf audit says it checked', () => {
  const v = require('./support/barnetVariants');
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-checked-'));
  });
  const write = async (name: string, sheets: unknown[]) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, await v.toXlsx({ sheets }));
    return file;
  };

  test('a correct typed table: clean, naming how many tables it checked', async () => {
    const file = await write('one.xlsx', [v.sheet('Table 3', [v.HEAD, ...v.ROWS.map(v.standard), v.TOTAL])]);
    const r = await cli(['audit', file]);
    expect([r.code, r.out, r.err]).toEqual([
      0,
      `${file}: clean, nothing to report (every scheme table found adds up: 1 table).`,
      '',
    ]);
  });

  test('beside a plan or a template, the other tables checked are counted', () => {
    expect(cleanSummary({ kind: 'addin', findings: [], tables: 0 })).toBe('formulas as built, every plan check passes');
    expect(cleanSummary({ kind: 'template', findings: [], tables: 1 })).toBe(
      "the planning template's totals, balances and rules all hold, and 1 other scheme table adds up",
    );
    expect(cleanSummary({ kind: 'tables', findings: [], tables: 2 })).toBe(
      'every scheme table found adds up: 2 tables',
    );
    expect(cleanSummary({ kind: 'tables', findings: [], tables: 0 })).toBeUndefined();
  });

  test('no plan, no template and no scheme table: not clean but nothing checked, exit 3, with what a table needs', async () => {
    const file = await write('notes.xlsx', [
      v.sheet('Notes', [['In 2014/15 we expect 120 fewer admissions, saving £240,480.'], ['Staff', 12]]),
    ]);
    for (const args of [
      ['audit', file],
      ['audit', file, '--json'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(3);
      expect(r.out).not.toMatch(/clean/);
      expect(r.err).toBe(
        `bcf audit: no scheme table found in ${file}, so nothing was checked: a scheme table has a heading row with a cost column and a % of pool, benefit count or saving column.`,
      );
    }
  });
});

describe('bcf audit on files it cannot read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-bad-'));
  });

  const oneLine = (r: { code: number; err: string; out: string }) => {
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^bcf: /);
    expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  };

  test('not an xlsx', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await fs.writeFile(file, 'this is a text file, not a workbook\n');
    oneLine(await cli(['audit', file]));
  });

  test('empty', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await fs.writeFile(file, '');
    oneLine(await cli(['audit', file, '--json']));
  });

  test('password-protected (an encrypted workbook is an OLE compound file)', async () => {
    const file = path.join(dir, 'protected.xlsx');
    await fs.writeFile(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
    );
    const r = await cli(['audit', file]);
    oneLine(r);
    expect(r.err).toMatch(/password-protected/);
  });

  test('a zip that is not a workbook', async () => {
    const file = path.join(dir, 'broken.xlsx');
    await fs.writeFile(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    oneLine(await cli(['audit', file]));
  });

  test('very large', async () => {
    const file = path.join(dir, 'huge.xlsx');
    const handle = await fs.open(file, 'w');
    await handle.truncate(60 * 1024 * 1024); // sparse: no disk used
    await handle.close();
    const r = await cli(['audit', file]);
    oneLine(r);
    expect(r.err).toMatch(/MB/);
  });

  test('no such file', async () => {
    oneLine(await cli(['audit', path.join(dir, 'missing.xlsx')]));
  });

  test('--json prints an array of {sheet, cell, rule, expected, found, message}, exit 1 with findings', async () => {
    const r = await cli(['audit', FIXTURE, '--json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out);
    expect(findings).toHaveLength(9);
    expect(Object.keys(findings[0])).toEqual(['sheet', 'cell', 'rule', 'expected', 'found', 'message']);
    expect(findings[0]).toMatchObject({ sheet: 'Tables 3 and 4', cell: 'E9', expected: '3.48', found: '3.49' });
  });
});
