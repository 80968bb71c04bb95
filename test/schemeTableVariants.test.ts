import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import type { Finding } from '../src/domain/audit/finding';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { proposeMapping, tablesToImport } from '../src/workbook/import/columnMapping';
import { planFromTable } from '../src/workbook/import/planFromTable';
import { TEST_DAY } from './support/testDay';
const v = require('./support/barnetVariants');

/**
 * Barnet's 2014/15 scheme table (test/support/barnetVariants.js) as people bring it in ways the
 * corpora don't cover: each seeded fault must be found at its cell with the figure it should show,
 * and nothing else flagged. Expected figures come from the helper's own arithmetic on the plan's
 * costs and admissions.
 */
async function audit(...sheets: unknown[]): Promise<readonly Finding[]> {
  return auditWorkbook(await xlsxToSnapshot(await v.toXlsx({ sheets }))).findings;
}

const at = (findings: readonly Finding[]) => findings.map((f) => [f.cell, f.expected]);
/** "£1,234.50" -> "1234.50", the figure a finding expects without its units. */
const figure = (text: string) => text.replace(/[£,%]/g, '');
const rowOf = (ref: string) => 2 + v.ROWS.findIndex((s: { ref: string }) => s.ref === ref);

test('a blank column spacing out the table’s own columns does not split it: its total row is not read as a scheme', async () => {
  // Ref | Scheme | (blank) | Cost | % of pool | (blank) | NEL | Saving | % change
  const spaced = (row: unknown[]) => [row[0], row[1], null, row[2], row[3], null, row[4], row[5], row[6]];
  const rows = v.ROWS.map(v.standard).map(spaced);
  const r = rowOf('2b');
  const wrong = v.ROWS[r - 2];
  rows[r - 2][7] = wrong.saving.minus(360).toNumber(); // 310,260 for 310,620
  const found = await audit(v.sheet('Spaced', [spaced(v.HEAD), ...rows, spaced(v.TOTAL)]));
  expect(at(found)).toEqual([[`H${r}`, `£${v.grouped(wrong.saving)}`]]);
});

test('a pound sign in a cell of its own, as text from a PDF comes: the figures beside it are the column’s', async () => {
  const head = ['Ref', 'Scheme', 'Cost (£)', '', '% of BCF pool', 'Reduced NEL admissions', 'Saving (£)'];
  const row = (s: any) => [
    s.ref,
    s.name,
    '£',
    v.grouped(s.cost),
    s.share ? `${v.grouped(s.share, 2)}%` : 'n/a',
    s.nel.isZero() ? '-' : v.grouped(s.nel),
    s.nel.isZero() ? '-' : `£${v.grouped(s.saving)}`,
  ];
  const total = [
    'Total',
    '',
    '£',
    v.grouped(v.POOL.plus(1000)),
    '100.00%',
    v.grouped(v.NEL),
    `£${v.grouped(v.SAVING)}`,
  ];
  const found = await audit(v.sheet('Pasted', [head, ...v.ROWS.map(row), total]));
  expect(at(found).map(([cell, expected]) => [cell, figure(expected)])).toEqual([
    [`D${v.ROWS.length + 2}`, v.POOL.toFixed(0)],
  ]);
});

describe('years headed as finance teams write them', () => {
  test.each([
    ['FY14/15', 'FY15/16'],
    ['FY 2014/15', 'FY 2015/16'],
    ['2014/15', '2015-16'],
  ])(
    '%s and %s: a wrong row total is found, and the total of the totals is not blamed for it',
    async (first, second) => {
      const head = [
        'Ref',
        'Scheme',
        `Cost ${first} (£)`,
        `Cost ${second} (£)`,
        'Total cost (£)',
        '% of BCF pool',
        'Reduced NEL admissions',
        'Saving (£)',
      ];
      const rows = v.ROWS.map((s: any) => [
        s.ref,
        s.name,
        s.cost.toNumber(),
        s.cost.times(2).toNumber(),
        s.cost.times(3).toNumber(),
        s.share ? s.share.toDecimalPlaces(2).toNumber() : 'n/a',
        s.nel.isZero() ? null : s.nel.toNumber(),
        s.nel.isZero() ? null : s.saving.toNumber(),
      ]);
      const r = rowOf('3a');
      rows[r - 2][4] += 900;
      const total = [
        'Total',
        '',
        v.POOL.toNumber(),
        v.POOL.times(2).toNumber(),
        v.POOL.times(3).toNumber(),
        100,
        v.NEL.toNumber(),
        v.SAVING.toNumber(),
      ];
      const found = await audit(v.sheet('Years', [head, ...rows, total]));
      expect(at(found).map(([cell, expected]) => [cell, figure(expected)])).toEqual([
        [`E${r}`, v.ROWS[r - 2].cost.times(3).toFixed(0)],
      ]);
    },
  );
});

test('a grand total a penny short of every scheme’s costs is reported as a penny short, not against the pool', async () => {
  const pence: Record<string, string> = { '1a': '0.25', '2a': '0.10', '2b': '0.45', '3a': '0.33', '4a': '0.07' };
  const cost = (s: any) => s.cost.plus(pence[s.ref] ?? 0);
  const costs = v.ROWS.map(cost);
  const pool = v.ROWS.reduce((a: any, s: any, i: number) => (s.inPool ? a.plus(costs[i]) : a), v.D(0));
  const all = costs.reduce((a: any, c: any) => a.plus(c), v.D(0));
  const money = (d: any) => ({ v: d.toNumber(), fmt: '#,##0.00' });
  const rows: unknown[][] = [
    ['Tier', 'Ref', 'Scheme', 'Cost (£)', '% of BCF pool', 'Reduced NEL admissions', 'Saving (£)'],
  ];
  for (const tier of ['1', '2', '3', '4']) {
    const mine = v.ROWS.map((s: any, i: number) => ({ s, c: costs[i] })).filter((x: any) => x.s.tier === tier);
    for (const { s, c } of mine)
      rows.push([
        tier,
        s.ref,
        s.name,
        money(c),
        s.inPool ? { v: c.dividedBy(pool).toNumber(), fmt: '0.00%' } : 'n/a',
        s.nel.isZero() ? null : s.nel.toNumber(),
        s.nel.isZero() ? null : s.saving.toNumber(),
      ]);
    const sub = mine.reduce((a: any, x: any) => a.plus(x.c), v.D(0));
    rows.push(['', '', `Sub-total tier ${tier}`, money(sub), null, null, null]);
  }
  rows.push(['', '', 'Grand total', money(all.minus('0.01')), null, v.NEL.toNumber(), v.SAVING.toNumber()]);
  const found = await audit(v.sheet('Pence', rows));
  expect(at(found)).toEqual([[`D${rows.length}`, `£${v.grouped(all, 2)}`]]);
  expect(found[0].message).toMatch(/a difference of £0\.01\b/);
});

test('a scheme is named by its ref in a message, not by the tier in the first column', async () => {
  const head = ['Tier', ...v.HEAD];
  const rows = v.ROWS.map((s: any) => [s.tier, ...v.standard(s)]);
  rows[rowOf('2b') - 2][4] = 15.49;
  const found = await audit(v.sheet('Tiers', [head, ...rows, ['', ...v.TOTAL]]));
  expect(found.map((f) => f.message)).toEqual([expect.stringContaining('for "2b" (row 4)')]);
});

describe('one input typed wrong is reported at its cell, not through the shares and totals worked out from it', () => {
  test('a cost with two digits swapped: its % of pool and the total agree on the right figure', async () => {
    const rows = v.ROWS.map(v.standard);
    const r = rowOf('4a');
    rows[r - 2][2] = 826021; // 862,021
    const found = await audit(v.sheet('Swapped cost', [v.HEAD, ...rows, v.TOTAL]));
    expect(at(found)).toEqual([[`C${r}`, '£862,021']]);
    expect(found[0].message).toMatch(/two digits look swapped/);
  });

  test('with sub-totals per tier and a total of every scheme, the sub-total over it is not blamed either', async () => {
    const rows: unknown[][] = [v.HEAD];
    let wrongRow = 0;
    for (const tier of ['1', '2', '3', '4']) {
      const mine = v.ROWS.filter((s: any) => s.tier === tier);
      for (const s of mine) {
        rows.push(v.standard(s));
        if (s.ref === '2b') [wrongRow, rows[rows.length - 1][2]] = [rows.length, 1075451]; // 1,057,451
      }
      const cost = mine.reduce((a: any, s: any) => a.plus(s.cost), v.D(0));
      const nel = mine.reduce((a: any, s: any) => a.plus(s.nel), v.D(0));
      const saving = mine.reduce((a: any, s: any) => a.plus(s.saving), v.D(0));
      rows.push([`Sub-total tier ${tier}`, '', cost.toNumber(), null, nel.toNumber(), saving.toNumber(), null]);
    }
    rows.push(['Total', '', v.ALL.toNumber(), 100, v.NEL.toNumber(), v.SAVING.toNumber(), 100]);
    const found = await audit(v.sheet('Tiers', rows));
    expect(at(found)).toEqual([[`C${wrongRow}`, '£1,057,451']]);
  });

  test('a count typed wrong: its saving, its % change and the total agree on the right figure', async () => {
    const rows = v.ROWS.map(v.standard);
    const r = rowOf('2c');
    rows[r - 2][4] = 92; // 29
    const found = await audit(v.sheet('Swapped count', [v.HEAD, ...rows, v.TOTAL]));
    expect(at(found)).toEqual([[`E${r}`, '29']]);
  });

  test('in £000s, with the rounding the figures carry', async () => {
    const k = (d: any) => `£${v.grouped(d.dividedBy(1000), 1)}k`;
    const rows = v.ROWS.map((s: any) => [
      s.ref,
      s.name,
      k(s.cost),
      s.share ? `${v.grouped(s.share, 2)}%` : 'n/a',
      s.nel.isZero() ? '–' : v.grouped(s.nel),
    ]);
    const r = rowOf('2a');
    rows[r - 2][2] = '£276.4k'; // £267.4k
    const head = ['Ref', 'Scheme', 'Cost', '% of BCF pool', 'Reduced NEL admissions'];
    const found = await audit(v.sheet('In k', [head, ...rows, ['Total', '', k(v.POOL), '100.00%', v.grouped(v.NEL)]]));
    expect(found.map((f) => f.cell)).toEqual([`C${r}`]);
    expect(Math.abs(Number(figure(found[0].expected).replace('k', '')) - 267.4)).toBeLessThanOrEqual(0.1);
  });

  test('a total with two digits swapped says so', async () => {
    const total = [...v.TOTAL];
    total[2] = 6364000; // 6,634,000
    const found = await audit(v.sheet('Swapped total', [v.HEAD, ...v.ROWS.map(v.standard), total]));
    expect(at(found)).toEqual([[`C${v.ROWS.length + 2}`, `£${v.grouped(v.POOL)}`]]);
    expect(found[0].message).toMatch(/two digits look swapped/);
  });
});

test('with the total on top, each tier’s total heads the schemes under it: only the wrong one is reported', async () => {
  const rows: unknown[][] = [
    v.HEAD,
    ['Grand total', '', v.ALL.toNumber(), null, v.NEL.toNumber(), v.SAVING.toNumber(), null],
  ];
  let wrongRow = 0;
  let wrongExpected = '';
  for (const tier of ['1', '2', '3', '4']) {
    const mine = v.ROWS.filter((s: any) => s.tier === tier);
    const cost = mine.reduce((a: any, s: any) => a.plus(s.cost), v.D(0));
    const nel = mine.reduce((a: any, s: any) => a.plus(s.nel), v.D(0));
    const saving = mine.reduce((a: any, s: any) => a.plus(s.saving), v.D(0));
    if (tier === '3') [wrongRow, wrongExpected] = [rows.length + 1, `£${v.grouped(cost)}`];
    rows.push([
      `Tier ${tier} total`,
      '',
      cost.plus(tier === '3' ? 100 : 0).toNumber(),
      null,
      nel.toNumber(),
      saving.toNumber(),
      null,
    ]);
    rows.push(...mine.map(v.standard));
  }
  const found = await audit(v.sheet('Total on top', rows));
  expect(at(found)).toEqual([[`C${wrongRow}`, wrongExpected]]);
});

test('a saving on a scheme with no admissions is reported at the saving, whether or not the total includes it', async () => {
  const r = rowOf('3b');
  for (const totalIncludesIt of [true, false]) {
    const rows = v.ROWS.map(v.standard);
    rows[r - 2][4] = '–';
    rows[r - 2][5] = 827562;
    const total = [...v.TOTAL];
    if (totalIncludesIt) total[5] = v.SAVING.plus(827562).toNumber();
    const found = await audit(v.sheet('No count', [v.HEAD, ...rows, total]));
    expect([totalIncludesIt, at(found)]).toEqual([totalIncludesIt, [[`F${r}`, '£0']]]);
  }
});

describe('hidden rows', () => {
  const head = ['Ref', 'Scheme', 'Cost (£)', '% of BCF pool', 'Reduced NEL admissions', 'Saving (£)'];
  const row = (s: any) => v.standard(s).slice(0, 6);
  const total = v.TOTAL.slice(0, 6);
  // Old figures for 2b, hidden under the row that replaced them: the typed total leaves them out.
  const oldFigures = ['2b', 'Multidisciplinary teams (old figures)', 900000, null, null, null];
  const withOld = () => {
    const rows = v.ROWS.map(row);
    rows.splice(rowOf('2b') - 1, 0, oldFigures);
    return [head, ...rows, total];
  };
  const hiddenAt = rowOf('2b'); // 0-based index of the row after 2b's

  test('both file readers say which rows are hidden', async () => {
    const { excelJsRead } = require('../src/adapters/file/xlsxReader');
    const data = await v.toXlsx({ sheets: [v.sheet('Hidden', withOld(), [hiddenAt])] });
    expect((await xlsxToSnapshot(data)).sheets[0].hiddenRows).toEqual([hiddenAt]);
    expect((await excelJsRead(data)).sheets[0].hiddenRows).toEqual([hiddenAt]);
  });

  test('a hidden row of old figures the total leaves out is not a scheme: nothing to report', async () => {
    expect(at(await audit(v.sheet('Hidden', withOld(), [hiddenAt])))).toEqual([]);
  });

  test('the same row shown is a scheme, and the total and the shares are reported', async () => {
    const found = await audit(v.sheet('Shown', withOld()));
    expect(found.map((f) => f.cell)).toContain(`C${v.ROWS.length + 3}`);
  });

  test('a hidden scheme the total counts stays a scheme: a fault beside it is still found', async () => {
    const rows = v.ROWS.map(row);
    const r = rowOf('3a');
    rows[r - 2][5] = 827562; // 827,652
    const found = await audit(v.sheet('Hidden scheme', [head, ...rows, total], [rowOf('2c') - 1]));
    expect(at(found)).toEqual([[`F${r}`, '£827,652']]);
  });
});

describe('sub-totals worded as old sheets word them', () => {
  // One word, two words, a colon, the group's name first: each closes its tier as "Sub-total tier 1" does.
  const wordings = ['Tier 1 subtotal', 'Tier 2 Sub total', 'Tier 3 SUBTOTAL:', 'Subtotal'];
  function tiered(wrongRef?: string): { rows: unknown[][]; wrongRow: number } {
    const rows: unknown[][] = [v.HEAD];
    let wrongRow = 0;
    ['1', '2', '3', '4'].forEach((tier, i) => {
      const mine = v.ROWS.filter((s: any) => s.tier === tier);
      for (const s of mine) {
        rows.push(v.standard(s));
        if (s.ref === wrongRef) [wrongRow, rows[rows.length - 1][2]] = [rows.length, 1075451]; // 1,057,451
      }
      const sum = (k: string) => mine.reduce((a: any, s: any) => a.plus(s[k]), v.D(0)).toNumber();
      rows.push([wordings[i], '', sum('cost'), null, sum('nel'), sum('saving'), null]);
    });
    rows.push(['Total', '', v.ALL.toNumber(), 100, v.NEL.toNumber(), v.SAVING.toNumber(), 100]);
    return { rows, wrongRow };
  }

  test('the audit reads them as sub-totals: a correct table has nothing to report', async () => {
    expect(at(await audit(v.sheet('Tiers', tiered().rows)))).toEqual([]);
  });

  test('one cost typed wrong is reported at its cell, and no sub-total is read as a scheme', async () => {
    const { rows, wrongRow } = tiered('2b');
    expect(at(await audit(v.sheet('Tiers', rows)))).toEqual([[`C${wrongRow}`, '£1,057,451']]);
  });

  test('the import leaves them out: the plan has the schemes alone, costing what the total says', async () => {
    const snapshot = await xlsxToSnapshot(await v.toXlsx({ sheets: [v.sheet('Tiers', tiered().rows)] }));
    const [table] = tablesToImport(snapshot);
    const { plan, problems } = planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.schemes.map((s) => s.name)).toEqual(v.ROWS.map((s: any) => s.name));
    const cost = plan.schemes.reduce((a, s) => a.plus(s.years['2014/15']?.cost ?? 0), v.D(0));
    expect(cost.toFixed(2)).toBe(v.ALL.toFixed(2));
  });
});

describe('a table with no ref column, each name led by its ref', () => {
  const imported = async (names: (s: any) => string) => {
    const rows = [
      ['Scheme', 'Cost (£)', 'Reduced NEL admissions'],
      ...v.ROWS.map((s: any) => [names(s), s.cost.toNumber(), s.nel.toNumber()]),
    ];
    const [table] = tablesToImport(await xlsxToSnapshot(await v.toXlsx({ sheets: [v.sheet('Led', rows)] })));
    return planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
  };

  test.each([
    ['1a Name', (s: any) => `${s.ref} ${s.name}`],
    ['1a. Name', (s: any) => `${s.ref}. ${s.name}`],
    ['1a) Name', (s: any) => `${s.ref}) ${s.name}`],
    ['1a - Name', (s: any) => `${s.ref} - ${s.name}`],
  ])('written "%s": the plan’s refs are the table’s, and its names are the words after them', async (_, names) => {
    const { plan, notes } = await imported(names);
    expect(plan.schemes.map((s) => [s.ref, s.name])).toEqual(v.ROWS.map((s: any) => [s.ref, s.name]));
    expect(notes.join(' ')).toMatch(/ref is taken from the start of its name/);
  });

  test('when one name has no ref in front ("7 day services" among the others), every name is kept whole', async () => {
    const { plan } = await imported((s: any) =>
      s.ref === '2b' ? '7 day services' : s.ref === '3a' ? 'Carers' : `${s.ref} ${s.name}`,
    );
    expect(plan.schemes.find((s) => s.name === '7 day services')).toBeDefined();
    expect(plan.schemes.map((s) => s.ref)).toEqual(v.ROWS.map((_: unknown, i: number) => String(i + 1)));
  });
});
