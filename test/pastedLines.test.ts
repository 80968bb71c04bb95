import { readFileSync } from 'fs';
import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import type { Finding } from '../src/domain/audit/finding';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { proposeMapping, tablesToImport } from '../src/workbook/import/columnMapping';
import { planFromTable } from '../src/workbook/import/planFromTable';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { TEST_DAY } from './support/testDay';
const v = require('./support/barnetVariants');

/**
 * Barnet's 2014/15 scheme table (test/support/barnetVariants.js) copied from the PDF and pasted
 * into Excel, one line per cell in column A, as the plan's own text reads (figures without % or £
 * signs, "35,000 (Not BCF pool)", dashes for no benefit). The expected figures are the helper's
 * arithmetic on the plan's costs and admissions, not the audit's.
 */
const HEADER = v.HEAD.join(' ');

interface Figures {
  cost?: string;
  share?: string;
  saving?: string;
}

/** A scheme's line as the PDF prints it, with any figure replaced as given. */
function line(s: any, wrong: Figures = {}): string {
  const cost = wrong.cost ?? `${v.grouped(s.cost)}${s.inPool ? '' : ' (Not BCF pool)'}`;
  const share = wrong.share ?? (s.share ? v.grouped(s.share, 2) : 'n/a');
  const nel = s.nel.isZero() ? '-' : v.grouped(s.nel);
  const saving = wrong.saving ?? (s.nel.isZero() ? '-' : v.grouped(s.saving));
  const change = s.nel.isZero() ? '-' : v.grouped(s.change, 2);
  return `${s.ref} ${s.name} ${cost} ${share} ${nel} ${saving} ${change}`;
}

const TOTAL_LINE = `Total ${v.grouped(v.POOL)} 100.00 ${v.grouped(v.NEL)} ${v.grouped(v.SAVING)} 100.00`;

/** The lines one per cell down column A, a title above them; row 1 of the sheet is `lines[0]`. */
function pasted(lines: string[]): unknown {
  return v.sheet(
    'Pasted',
    lines.map((l) => [l]),
  );
}

const barnetLines = (header = HEADER, change: (s: any) => Figures = () => ({})) => [
  'Table 3 – Cost and Impact of Schemes on NEL Admissions April 2014 – March 2015',
  header,
  ...v.ROWS.map((s: any) => line(s, change(s))),
  TOTAL_LINE,
];
/** The sheet row of a scheme's line (title in row 1, header in row 2). */
const rowOf = (ref: string) => 3 + v.ROWS.findIndex((s: { ref: string }) => s.ref === ref);

async function snapshotOf(...sheets: unknown[]): Promise<WorkbookSnapshot> {
  return xlsxToSnapshot(await v.toXlsx({ sheets }));
}
async function audit(...sheets: unknown[]): Promise<readonly Finding[]> {
  return auditWorkbook(await snapshotOf(...sheets)).findings;
}

describe('the Barnet table pasted as lines', () => {
  test('as printed: one table of the eight schemes is found, and nothing to report', async () => {
    const snapshot = await snapshotOf(pasted(barnetLines()));
    const tables = tablesToImport(snapshot);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => r + 1)).toEqual(v.ROWS.map((s: any) => rowOf(s.ref)));
    expect(auditWorkbook(snapshot).findings).toEqual([]);
  });

  test('one saving typed wrong: one finding, at that line’s cell, expecting count × £2,004, naming the 4th figure', async () => {
    const wrong = v.ROWS.find((s: any) => s.ref === '2b');
    const typed = v.grouped(wrong.saving.minus(360));
    const found = await audit(pasted(barnetLines(HEADER, (s) => (s === wrong ? { saving: typed } : {}))));
    expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
      [`A${rowOf('2b')}`, 'saving', `£${v.grouped(wrong.saving)}`, typed],
    ]);
    expect(found[0].message).toContain(`this is its 4th figure, ${typed}`);
  });

  test('one % of pool typed wrong: the finding names the 2nd figure and the share the costs give', async () => {
    const wrong = v.ROWS.find((s: any) => s.ref === '3a');
    const found = await audit(pasted(barnetLines(HEADER, (s) => (s === wrong ? { share: '9.95' } : {}))));
    expect(found.map((f) => [f.cell, f.rule, f.expected])).toEqual([
      [`A${rowOf('3a')}`, 'share-of-pool', v.grouped(wrong.share, 2)],
    ]);
    expect(found[0].message).toContain('this is its 2nd figure, 9.95');
  });

  test('the import gives the same schemes, costs, pool and admissions as the table typed in columns', async () => {
    const planOf = async (sheet: unknown) => {
      const [table] = tablesToImport(await snapshotOf(sheet));
      const { plan, problems } = planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      return plan.schemes.map((s) => [
        s.ref,
        s.name,
        s.inPool,
        s.years['2014/15']?.cost?.toString(),
        s.years['2014/15']?.benefits,
      ]);
    };
    const typed = await planOf(v.sheet('Typed', [v.HEAD, ...v.ROWS.map(v.standard), v.TOTAL]));
    expect(await planOf(pasted(barnetLines()))).toEqual(typed);
    expect(typed.map((s) => [s[0], s[1], s[3]])).toEqual(v.ROWS.map((s: any) => [s.ref, s.name, s.cost.toString()]));
  });
});

test('as the PDF’s own text reads: a group line over each tier, schemes with no benefit ending after their share', async () => {
  const tiers = [
    'Self-management and prevention',
    'Assessment & Care Planning',
    'Community Intensive Support',
    'Enablers',
  ];
  const lines = [HEADER];
  v.ROWS.forEach((s: any, i: number) => {
    if (i === 0 || s.tier !== v.ROWS[i - 1].tier) lines.push(tiers[Number(s.tier) - 1]);
    lines.push(s.nel.isZero() ? `${s.ref} ${s.name} ${v.grouped(s.cost)} ${v.grouped(s.share, 2)}` : line(s));
  });
  lines.push(TOTAL_LINE);
  const snapshot = await snapshotOf(pasted(lines));
  expect(auditWorkbook(snapshot).findings).toEqual([]);
  const [table] = tablesToImport(snapshot);
  expect(table.rows.map((r) => lines[r])).toEqual(
    v.ROWS.map((s: any) => expect.stringMatching(new RegExp(`^${s.ref} `))),
  );
  const { plan } = planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
  expect(
    plan.schemes.map((s) => [
      s.ref,
      s.years['2014/15']?.cost?.toString(),
      s.years['2014/15']?.benefits.NEL?.toString(),
    ]),
  ).toEqual(v.ROWS.map((s: any) => [s.ref, s.cost.toString(), s.nel.isZero() ? undefined : s.nel.toString()]));
});

test('with £ and % signs and no "n/a": each short line’s figures stand under the columns of their kind, a cost alone under the cost', async () => {
  // 1a, outside the pool, has no share; 3b and 4a end after their share; 4b has its cost alone.
  const signed = (s: any) =>
    [
      `${s.ref} ${s.name} £${v.grouped(s.cost)}${s.inPool ? '' : ' (Not BCF pool)'}`,
      s.share && s.ref !== '4b' ? `${v.grouped(s.share, 2)}%` : '',
      s.nel.isZero() ? '' : `${v.grouped(s.nel)} £${v.grouped(s.saving)} ${v.grouped(s.change, 2)}%`,
    ]
      .filter(Boolean)
      .join(' ');
  const total = `Total £${v.grouped(v.POOL)} 100.00% ${v.grouped(v.NEL)} £${v.grouped(v.SAVING)} 100.00%`;
  const lines = [HEADER, ...v.ROWS.map(signed), total];
  const wrong = v.ROWS.find((s: any) => s.ref === '1a');
  const typo = `${v.grouped(wrong.change.plus(1), 2)}%`;
  lines[1] = lines[1].replace(/ [\d.]+%$/, ` ${typo}`);
  const found = await audit(pasted(lines));
  expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
    ['A2', 'share-of-total', `${v.grouped(wrong.change, 2)}%`, typo],
  ]);
  expect(found[0].message).toContain(`this is its 5th figure, ${typo}`);
});

test.each([
  ['two lines', ['Ref Scheme Cost (£) % of BCF', 'pool Reduced NEL admissions Saving (£) % change NEL']],
  ['three lines', ['Ref Scheme Cost (£)', '% of BCF pool Reduced NEL', 'admissions Saving (£) % change NEL']],
])('a heading wrapped over %s under the title: read whole, one saving typed wrong found', async (_, heading) => {
  const wrong = v.ROWS.find((s: any) => s.ref === '3a');
  const typed = v.grouped(wrong.saving.plus(2004));
  const [title, , ...rest] = barnetLines(HEADER, (s) => (s === wrong ? { saving: typed } : {}));
  const lines = [title, ...heading, ...rest];
  const snapshot = await snapshotOf(pasted(lines));
  const row = rowOf('3a') + heading.length - 1;
  expect(auditWorkbook(snapshot).findings.map((f) => [f.cell, f.rule, f.expected])).toEqual([
    [`A${row}`, 'saving', `£${v.grouped(wrong.saving)}`],
  ]);
  const [table] = tablesToImport(snapshot);
  expect(table.columns.map((c) => c.role)).toEqual(['cost', 'poolShare', 'count', 'saving', 'change']);
});

test('spaces typed twice between figures are not empty cells where the line has its figures without them', async () => {
  // Two lines of the eight have a space typed twice before their last figure.
  const doubled = barnetLines().map((l, i) => (i === 3 || i === 6 ? l.replace(/ (?=[\d,.]+$)/, '  ') : l));
  expect(doubled.filter((l) => l.includes('  '))).toHaveLength(2);
  expect(await audit(pasted(doubled))).toEqual([]);
});

describe('a heading line that can’t be split', () => {
  test('no heading for a figure: one finding at the heading’s cell, naming the lines and Data > Text to Columns', async () => {
    // "Change" says no %: nothing heads the 5th figure, shares adding up to 100.
    const header = 'Ref Scheme Cost (£) Share Reduced NEL admissions Saving (£) Change';
    const snapshot = await snapshotOf(pasted(barnetLines(header)));
    expect(tablesToImport(snapshot)).toEqual([]);
    const found = auditWorkbook(snapshot).findings;
    expect(found.map((f) => [f.cell, f.rule])).toEqual([['A2', 'pasted-lines']]);
    expect(found[0].message).toContain(`A3:A${rowOf('4b') + 1}`);
    expect(found[0].message).toContain('Data > Text to Columns');
    expect(found[0].message).toContain(`5th figure (${v.grouped(v.ROWS[0].change, 2)}, a percentage)`);
  });

  test('two readings that mean different columns: said, with both readings, not guessed', async () => {
    // Three headings over two figures: a cost and a saving, or a saving and a count?
    const lines = [
      'Ref Scheme Cost Saving NEL admissions',
      '1a Locality teams 1,234,000 120',
      '1b Falls service 1,850,000 45',
      'Total 3,084,000 165',
    ];
    const found = await audit(pasted(lines));
    expect(found.map((f) => [f.cell, f.rule])).toEqual([['A1', 'pasted-lines']]);
    expect(found[0].message).toMatch(/reads as ".*" or as ".*"/);
  });
});

describe('sheets of sentences are not tables', () => {
  test.each([
    [
      'narrative with figures in it',
      [
        'Reducing non-elective admissions',
        'In 2014/15 we expect 120 fewer admissions, saving £240,480',
        'The pool is £6,634,000 of which 3.5% is at risk: 2,054,100 29,094',
        'Schemes 2a and 2b account for 170 155',
        'Totals are 635 1,272,540',
      ],
    ],
    [
      'notes under a heading, each ending in figures',
      [
        'Notes',
        'Cost saving per admission 2,004 265',
        'Pool 2014/15 6,634,000 23,412,000',
        'Admissions avoided 635 1,021',
      ],
    ],
    [
      'key figures under a heading that names costs and savings',
      [
        'Cost and savings by year',
        'Pool 2014/15 6,634,000 23,412,000',
        'Savings 1,272,540 2,046,084',
        'Admissions avoided 635 1,021',
      ],
    ],
    [
      'a sentence introducing a list of schemes with figures',
      [
        'In 2014/15, the cost and NEL admissions avoided were:',
        '1a Locality teams 1,234,000 120',
        '1b Falls service 1,850,000 45',
      ],
    ],
    [
      'key figures under a sentence that names costs, savings and admissions',
      [
        'Key figures: cost, savings and NEL admissions',
        'Cost saving per admission 2,004 265',
        'Pool 2014/15 6,634,000 23,412,000',
        'Admissions avoided 635 1,021',
      ],
    ],
  ])('%s: nothing found, nothing reported', async (_, lines) => {
    const snapshot = await snapshotOf(pasted(lines));
    expect(tablesToImport(snapshot)).toEqual([]);
    expect(auditWorkbook(snapshot).findings).toEqual([]);
  });
});

/**
 * Text as a PDF reader gives a table: cells rather than rows, a blank line between them, a
 * heading a word or two a line, names and notes broken over lines, figures on lines of their own.
 */
describe('a table as PDF text, one line per cell with blank lines between', () => {
  const D = v.D;
  /** Lines of text down column A, a blank cell for each blank line, as Excel pastes them. */
  const pastedText = (lines: string[]) =>
    v.sheet(
      'Pasted',
      lines.map((l) => [l.trim() ? l : null]),
    );
  const rowWhere = (lines: string[], re: RegExp) => lines.findIndex((l) => re.test(l)) + 1;

  test('Barnet’s 2015/16 table (Table 4; the text has it under Table 3’s caption, which follows its own table) as the plan’s own text reads: its one wrong % of pool is found at its line’s cell, and the import is the table typed in columns', async () => {
    const lines = readFileSync(`${__dirname}/fixtures/barnet-table4-2015-16-pdf-text.txt`, 'utf8')
      .replace(/\n$/, '')
      .split('\n');
    const snapshot = await snapshotOf(pastedText(lines));
    // The same table typed in columns, from the published figures (DOMAIN.md, 2015/16).
    const published: [string, string, number, boolean, number | null][] = [
      ['1a', 'Expert Patient Programme & long-term condition Mentors', 87120, false, 119],
      ['2a', 'Long-term conditions', 2722921, true, 110],
      ['2b', 'Older People Integrated Care', 1292026, true, 331],
      ['2c', 'Care Home – LCS', 1146000, true, 10],
      ['3a', 'Rapid Care', 1316464, true, 451],
      ['3b', '7 Day Social Work & Enablement', 300000, true, null],
      ['4a', 'Services', 10636589, true, null],
      ['4b', 'Administrative', 5998000, true, null],
    ];
    const pool = published.filter((s) => s[3]).reduce((a, s) => a.plus(s[2]), D(0));
    const nel = published.reduce((a, s) => a.plus(s[4] ?? 0), D(0));
    const typedRows = published.map(([ref, name, cost, inPool, count]) => [
      ref,
      name,
      inPool ? cost : `${v.grouped(D(cost))} (Not BCF pool)`,
      inPool ? D(cost).dividedBy(pool).times(100).toDecimalPlaces(2).toNumber() : 'n/a',
      count,
      count === null ? null : count * v.UNIT,
      count === null ? null : D(count).dividedBy(nel).times(100).toDecimalPlaces(2).toNumber(),
    ]);
    const typed = v.sheet('Typed', [
      v.HEAD,
      ...typedRows,
      ['Total', '', pool.toNumber(), 100, nel.toNumber(), nel.times(v.UNIT).toNumber(), 100],
    ]);

    // 2b's % of pool is printed 5.53; its cost over the pool is 5.5186%.
    const found = auditWorkbook(snapshot).findings;
    const row2b = rowWhere(lines, /^b\. Older People Integrated Care /);
    expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
      [`A${row2b}`, 'share-of-pool', D(1292026).dividedBy(pool).times(100).toFixed(2), '5.53'],
    ]);
    expect(found[0].message).toContain('this is its 2nd figure, 5.53');
    expect(auditWorkbook(await snapshotOf(typed)).findings).toEqual([]);

    const planOf = (table: any) => {
      const { plan, problems } = planFromTable(proposeMapping(table), { year: '2015/16', today: TEST_DAY });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      return plan.schemes.map((s) => [
        s.ref,
        s.name,
        s.inPool,
        s.years['2015/16']?.cost?.toString(),
        s.years['2015/16']?.benefits.NEL?.toString(),
      ]);
    };
    const [pastedTable] = tablesToImport(snapshot);
    const [typedTable] = tablesToImport(await snapshotOf(typed));
    // The heading, a word or two a line over twelve lines, is read whole: "% of BCF" / "Pool" is one heading.
    expect(proposeMapping(pastedTable).columns.map((c) => c.header)).toEqual([
      'Scheme',
      'Cost (£)',
      '% of BCF Pool',
      'No Reduced NEL Adm.',
      'Saving (£)',
      '% Change NEL Adm.',
    ]);
    expect(planOf(pastedTable)).toEqual(planOf(typedTable));
    // Refs from each group's scheme number and each scheme's letter ("3, 4 2" then "a. ..." is 2a), as printed.
    expect(planOf(pastedTable).map((s) => [s[0], s[1]])).toEqual(published.map((s) => [s[0], s[1]]));
    const { plan } = planFromTable(proposeMapping(pastedTable), { year: '2015/16', today: TEST_DAY });
    expect([...new Set(plan.schemes.map((s) => s.group))]).toEqual([
      'Self-management and prevention',
      'Assessment & Care Planning',
      'Community Intensive Support',
      'Enablers',
    ]);
  });

  test('Barnet’s Table 3 (2014/15) as the plan’s own text reads: 2c’s % of pool 3.49 is found at its line’s cell, and the import has barnetVariants’ refs, costs and admissions', async () => {
    const lines = readFileSync(`${__dirname}/fixtures/barnet-table3-2014-15-pdf-text.txt`, 'utf8')
      .replace(/\n$/, '')
      .split('\n');
    const snapshot = await snapshotOf(pastedText(lines));
    const found = auditWorkbook(snapshot).findings;
    const c2 = v.ROWS.find((s: any) => s.ref === '2c');
    expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
      [`A${rowWhere(lines, /^c\. Care Home – LCS /)}`, 'share-of-pool', v.grouped(c2.share, 2), '3.49'],
    ]);
    expect(found[0].message).toContain(`£${v.grouped(v.POOL)} (the pool)`);
    const [table] = tablesToImport(snapshot);
    const { plan, problems } = planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      plan.schemes.map((s) => [
        s.ref,
        s.inPool,
        s.years['2014/15']?.cost?.toString(),
        s.years['2014/15']?.benefits.NEL?.toString(),
      ]),
    ).toEqual(
      v.ROWS.map((s: any) => [s.ref, s.inPool, s.cost.toString(), s.nel.isZero() ? undefined : s.nel.toString()]),
    );
  });

  test('both years’ tables in one paste, with the plan’s words around them: each read, each wrong % of pool found, nothing else', async () => {
    const text = (name: string) => readFileSync(`${__dirname}/fixtures/${name}`, 'utf8').replace(/\n$/, '').split('\n');
    const words = [
      'Our schemes and what they cost',
      '',
      'The tables below give each scheme’s cost, its share of the pool and the admissions',
      'it is expected to avoid, with the saving at',
      '',
      '£2,004 an admission.',
      '',
    ];
    const between = [
      '',
      'The second year builds on the first: the pool grows to',
      '23,412,000 as the Care Act',
      'duties begin.',
      '',
    ];
    const lines = [
      ...words,
      ...text('barnet-table3-2014-15-pdf-text.txt'),
      ...between,
      ...text('barnet-table4-2015-16-pdf-text.txt'),
    ];
    const snapshot = await snapshotOf(pastedText(lines));
    expect(tablesToImport(snapshot)).toHaveLength(2);
    const second = lines.indexOf(between[1]);
    const row2b = second + rowWhere(lines.slice(second), /^b\. Older People Integrated Care /);
    expect(auditWorkbook(snapshot).findings.map((f) => [f.cell, f.expected, f.found])).toEqual([
      [`A${rowWhere(lines, /^c\. Care Home – LCS /)}`, '3.48', '3.49'],
      [`A${row2b}`, '5.52', '5.53'],
    ]);
  });

  test('Annex 1’s 2014/15 benefit table as the plan’s text reads, cells left empty given as spaces: each count under its own column, as the table typed in (barnet-tables-as-printed.xlsx) imports; only 2c’s 3.49 found', async () => {
    const lines = readFileSync(`${__dirname}/fixtures/barnet-annex1-2014-15-pdf-text.txt`, 'utf8')
      .replace(/\n$/, '')
      .split('\n');
    const snapshot = await snapshotOf(pastedText(lines));
    expect(auditWorkbook(snapshot).findings.map((f) => [f.cell, f.expected, f.found])).toEqual([
      [`A${rowWhere(lines, /^2c 231,000 /)}`, '3.48', '3.49'],
    ]);
    const typedBook = xlsxToSnapshot(readFileSync(`${__dirname}/fixtures/barnet-tables-as-printed.xlsx`));
    const typed = tablesToImport(await typedBook).find(
      (t) => t.grid.sheet.name === 'Annex 1' && t.grid.shown(t.rows[0], t.columns[0].index).startsWith('35,000'),
    );
    const benefitsOf = (table: any) =>
      planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY }).plan.schemes.map((s) => [
        s.inPool,
        s.years['2014/15']?.cost?.toString(),
        JSON.stringify(s.years['2014/15']?.benefits),
      ]);
    const [pastedTable] = tablesToImport(snapshot);
    expect(benefitsOf(pastedTable)).toEqual(benefitsOf(typed));
    expect(benefitsOf(pastedTable).map((s) => s[1])).toEqual(v.ROWS.map((s: any) => s.cost.toString()));
    // Its only words are the refs, under "Sch Ref": they are the schemes' refs.
    const { plan } = planFromTable(proposeMapping(pastedTable), { year: '2014/15', today: TEST_DAY });
    expect(plan.schemes.map((s) => s.ref)).toEqual(v.ROWS.map((s: any) => s.ref));
  });

  /** Barnet's 2014/15 rows (test/support/barnetVariants.js) laid out as a PDF reader gives a table, differently broken. */
  function brokenText(wrongSaving?: string): string[] {
    const lines = [
      'Schemes and their NEL savings, 2014/15',
      '',
      'Ref',
      'Scheme',
      '',
      'Cost',
      '(£)',
      '',
      '% of',
      'BCF pool',
      ' ',
      'Reduced NEL',
      'admissions',
      '',
      'Saving',
      '(£)',
      '',
      '% change',
      'NEL',
      '',
    ];
    const groups = ['Prevention', 'Assessment and care planning', 'Intensive support', 'Enablers'];
    v.ROWS.forEach((s: any, i: number) => {
      if (i === 0 || s.tier !== v.ROWS[i - 1].tier) lines.push(s.tier, '', groups[Number(s.tier) - 1], ' ', '');
      const [first, ...rest] = s.name.split(' ');
      // Names broken over two lines without a hyphen; the cost on the name's line or under it.
      lines.push(rest.length ? `${s.ref} ${first}` : `${s.ref} ${s.name}`);
      if (rest.length) lines.push(rest.join(' '));
      lines.push('');
      if (!s.inPool) lines.push(`${v.grouped(s.cost)} (Not`, 'BCF pool)', '');
      else lines.push(v.grouped(s.cost), '');
      const share = s.share ? v.grouped(s.share, 2) : 'n/a';
      const saving = s.ref === '2c' && wrongSaving ? wrongSaving : v.grouped(s.saving);
      lines.push(s.nel.isZero() ? share : `${share} ${v.grouped(s.nel)} ${saving} ${v.grouped(s.change, 2)}`, ' ', '');
    });
    lines.push(
      'Total',
      '',
      v.grouped(v.POOL),
      '(BCF pool)',
      '',
      `100.00 ${v.grouped(v.NEL)} ${v.grouped(v.SAVING)} 100.00`,
      '',
    );
    return lines;
  }

  test('a table of my own broken so: one saving typed wrong is found at the cell of its figures, and the import is the typed table', async () => {
    const wrong = v.ROWS.find((s: any) => s.ref === '2c');
    const typo = v.grouped(wrong.saving.plus(v.UNIT));
    const lines = brokenText(typo);
    const found = await audit(pastedText(lines));
    const row = lines.findIndex((l) => l.includes(` ${typo} `)) + 1;
    expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
      [`A${row}`, 'saving', `£${v.grouped(wrong.saving)}`, typo],
    ]);
    // The cell holds the share, the count, the saving and the % change: the saving is its 3rd figure.
    expect(found[0].message).toContain(`A${row} holds the line as pasted; this is its 3rd figure, ${typo}`);

    const [table] = tablesToImport(await snapshotOf(pastedText(brokenText())));
    const { plan, problems } = planFromTable(proposeMapping(table), { year: '2014/15', today: TEST_DAY });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      plan.schemes.map((s) => [
        s.ref,
        s.name,
        s.inPool,
        s.years['2014/15']?.cost?.toString(),
        s.years['2014/15']?.benefits.NEL?.toString(),
      ]),
    ).toEqual(
      v.ROWS.map((s: any) => [
        s.ref,
        s.name,
        s.inPool,
        s.cost.toString(),
        s.nel.isZero() ? undefined : s.nel.toString(),
      ]),
    );
  });
  test('sub-totals with no words, on lines of their own after a tier’s lines, are not taken into the line above: a wrong one is found', async () => {
    const lines = [
      'Ref Scheme Cost (£) Reduced NEL admissions Saving (£)',
      '',
      'Tier 1',
      '',
      '1a Locality teams 1,234,000 120 240,480',
      '',
      '1b Falls service 1,850,000 45 90,180',
      '',
      // 240,480 + 90,180 = 330,660
      '3,084,000 165 330,000',
      '',
      'Tier 2',
      '',
      '2a Rapid care 500,000 10 20,040',
      '',
      '2b Enablers 700,000 5 10,020',
      '',
      '1,200,000 15 30,060',
      '',
      'Total 4,284,000 180 360,720',
    ];
    const found = await audit(pastedText(lines));
    expect(found.map((f) => [f.cell, f.rule, f.expected, f.found])).toEqual([
      [`A${rowWhere(lines, /^3,084,000 /)}`, 'column-total', '£330,660', '330,000'],
    ]);
  });
});
