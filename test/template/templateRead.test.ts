import { incomeFrom, spendFrom } from '../../src/domain/expenditure';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { locateTemplate } from '../../src/workbook/template/locateTemplate';
import { importTemplate } from '../../src/workbook/template/templateImport';
import { EXPENDITURE, put, sheet, template2325, valueAt, type Cell } from './templateSheets';

/**
 * Reading the planning template wherever its parts are: the line table under the checklist and the
 * summary blocks, its years from the columns, the row under them or the cover's title, sub-total
 * and Total rows left out, the Income tab summed by source, the 2015-16 Funding sources tab.
 */
const names = (book = template2325()) => importTemplate(book)!.plan.expenditure!.map((l) => l.name);
const pounds = (d: { toFixed(n: number): string }) => d.toFixed(2);

describe('locating the template', () => {
  test('the line table under the checklist and the summary blocks, by its header words', () => {
    const t = locateTemplate(template2325())!;
    expect([t.lines.sheet, t.lines.header.row + 1]).toEqual([EXPENDITURE, 15]);
    expect(t.years).toEqual(['2023/24', '2024/25']);
    expect(names()).toEqual(['Reablement', 'Community nursing', 'Joint discharge team', 'Adaptations']);
    expect(t.lines.totals.map((x) => [x.kind, x.row + 1, x.lines])).toEqual([['total', 20, [0, 1, 2, 3]]]);
    expect(t.board).toBe('Made-up Borough');
  });

  test('figures typed as text, N/A in the % columns, a joint line as points', () => {
    const [, , joint, adaptations] = importTemplate(template2325())!.plan.expenditure!;
    expect(pounds(adaptations.spend['2023/24'])).toBe('250000.00');
    expect(adaptations.nhsPercent).toBeUndefined();
    expect([joint.commissioner, joint.nhsPercent?.toString(), joint.laPercent?.toString()]).toEqual([
      'Joint',
      '60',
      '40',
    ]);
    const fraction = put(put(template2325(), EXPENDITURE, 'J18', 0.6), EXPENDITURE, 'K18', 0.4);
    expect(importTemplate(fraction)!.plan.expenditure![2].nhsPercent?.toString()).toBe('60');
  });

  test('the Income tab: a DFG row per council summed into DFG, the Total DFG row not income', () => {
    const { plan, template } = importTemplate(template2325())!;
    expect(pounds(incomeFrom(plan, 'dfg', '2023/24'))).toBe('250000.00');
    expect(plan.income!.find((i) => i.source === 'dfg')!.detail).toBe('Made-up District A; Made-up District B');
    expect(pounds(incomeFrom(plan, 'nhsMinimum', '2024/25'))).toBe('1050000.00');
    expect(template.income!.totals.map((x) => [x.kind, x.row + 1, x.rows.map((r) => r + 1)])).toEqual([
      ['subtotal', 5, [3, 4]],
    ]);
  });

  test('an income row of "N/A"s is no header and no income: the rows under it are still read', () => {
    const income: Cell[][] = [
      ['Funding source', 'Contribution 2023-24 (£)', 'Contribution 2024-25 (£)', 'Please specify / comments'],
      ['Minimum ICB Contribution', 1000000, 1050000],
      ['Additional LA Contribution', 'N/A', 'N/A', 'N/A'],
      ['Additional ICB Contribution', 5000, 6000, 'Public health grant'],
      ['DFG', 250000, 250000],
      ['ICB Discharge Funding', 120000, 120000],
    ];
    const { plan } = importTemplate(template2325({ income }))!;
    expect(plan.income!.map((i) => [i.source, pounds(i.amounts['2024/25']), i.detail])).toEqual([
      ['dfg', '250000.00', ''],
      ['nhsMinimum', '1050000.00', ''],
      ['icbDischarge', '120000.00', ''],
      ['additionalNhs', '6000.00', 'Public health grant'],
    ]);
  });

  test('minimums from the Required Spend block', () => {
    const { plan } = importTemplate(template2325())!;
    expect(pounds(plan.minimums!['2024/25'].adultSocialCare!)).toBe('360000.00');
    expect(pounds(plan.minimums!['2023/24'].outOfHospital!)).toBe('300000.00');
  });

  test('sub-total rows, labelled or a SUBTOTAL formula nobody labelled, are left out and kept as figures', () => {
    let book: ReturnType<typeof template2325> = insertRows(template2325(), 17, [
      ['', 'iBCF subtotal', ...blank(11), 900000, 930000, 1830000],
    ]);
    book = insertRows(book, 20, [['', '', ...blank(11), ['=SUBTOTAL(9,N19:N20)', 350000], 350000, 700000]]);
    // The Total row as typed figures (its SUMs, written for the rows before these were added, are gone).
    for (const [cell, value] of [
      ['N22', 1250000],
      ['O22', 1280000],
      ['P22', 2530000],
    ] as const)
      book = put(book, EXPENDITURE, cell, value);
    const t = locateTemplate(book)!;
    expect(t.lines.lines.map((l) => l.line.name)).toEqual(names());
    expect(t.lines.totals.map((x) => [x.kind, x.row + 1, x.lines])).toEqual([
      ['subtotal', 18, [0, 1]],
      ['subtotal', 21, [2, 3]],
      ['total', 22, [0, 1, 2, 3]],
    ]);
  });

  test('one "Expenditure (£)" column: its year from the cover title, or the year asked for', () => {
    const rows: Cell[][] = [
      ['Scheme ID', 'Scheme Name', 'Commissioner', 'Source of Funding', 'Expenditure (£)'],
      ['S1', 'Handyperson', 'Local Authority', 'DFG', 1200],
    ];
    const cover = sheet('2. Cover', [['Better Care Fund 2021-22 Template']]);
    expect(locateTemplate({ sheets: [cover, sheet('5. Expenditure', rows)] })!.years).toEqual(['2021/22']);
    const bare = { sheets: [sheet('5. Expenditure', rows)] };
    expect(locateTemplate(bare, { year: '2019-20' })!.years).toEqual(['2019/20']);
    const none = locateTemplate(bare)!;
    expect([none.years, none.problems.map((p) => p.severity)]).toEqual([[], ['error']]);
  });

  test('a "Previously entered" column beside the revised year is history, not spend: the audit stays clean', () => {
    // The 2024-25 update of a 2023-25 plan: what was entered in 2023 kept at the end of each line.
    let book = put(template2325(), EXPENDITURE, 'R15', 'Previously entered Expenditure for 2024-25 (£)');
    for (const row of [16, 17, 18, 19]) book = put(book, EXPENDITURE, `R${row}`, 99000);
    const { plan, problems } = importTemplate(book)!;
    expect(problems).toEqual([]);
    expect(pounds(spendFrom(plan, 'nhsMinimum', '2024/25'))).toBe('930000.00');
    expect(auditWorkbook(book).findings).toEqual([]);
  });

  test('several expenditure columns and no year on any: said at the header, not read as no spend', () => {
    const rows: Cell[][] = [
      ['Scheme ID', 'Scheme Name', 'Commissioner', 'Source of Funding', 'Expenditure (£)', 'Revised expenditure (£)'],
      ['S1', 'Handyperson', 'Local Authority', 'DFG', 1200, 1300],
    ];
    const cover = sheet('2. Cover', [['Better Care Fund 2021-22 Template']]);
    const t = locateTemplate({ sheets: [cover, sheet('5. Expenditure', rows)] })!;
    expect(t.years).toEqual(['2021/22']);
    expect(t.problems.map((p) => [p.severity, p.where])).toEqual([['error', { sheet: '5. Expenditure', cell: 'E1' }]]);
    expect(t.problems[0].message).toMatch(/E "Expenditure \(£\)", F "Revised expenditure \(£\)" on row 1 say no year/);
  });

  test("the board's name under a title run across the Income tab's columns is no unplaced money", () => {
    const lines: Cell[][] = [
      ['Scheme ID', 'Scheme Name', 'Commissioner', 'Source of Funding', 'Expenditure (£)'],
      ['S1', 'Handyperson', 'Local Authority', 'DFG', 1200],
    ];
    const income = (board: Cell) =>
      sheet('4. Income', [
        ['Income', 'Income', 'Income'],
        ['Selected Health and Wellbeing Board:', board],
        [],
        ['Funding source', 'Amount (£)'],
        ['Disabled Facilities Grant (DFG)', 1200],
      ]);
    const cover = sheet('2. Cover', [['Better Care Fund 2019-20 Planning Template']]);
    const read = (board: Cell) => importTemplate({ sheets: [cover, income(board), sheet('5. Expenditure', lines)] })!;
    const { plan, problems } = read('Made-up Borough');
    expect(problems).toEqual([]);
    expect(pounds(incomeFrom(plan, 'dfg', '2019/20'))).toBe('1200.00');
    // A figure there is still money no source names.
    expect(read(5000).problems.map((p) => [p.severity, p.where])).toEqual([
      ['warning', { sheet: '4. Income', cell: 'A2' }],
    ]);
  });

  test('years alone in the header row under an "Expenditure (£)" band above them', () => {
    const rows: Cell[][] = [
      [null, null, null, null, 'Planned outputs', null, 'Expenditure (£)', null],
      ['Scheme ID', 'Scheme Name', 'Commissioner', 'Source of Funding', '2023-24', '2024-25', '2023-24', '2024-25'],
      ['1', 'Reablement', 'ICB', 'Minimum NHS Contribution', 40, 42, 125000, 131000],
    ];
    const { plan, problems } = importTemplate({ sheets: [sheet('6a. Expenditure', rows)] })!;
    expect(problems).toEqual([]);
    expect(plan.years.map((y) => y.label)).toEqual(['2023/24', '2024/25']);
    const [line] = plan.expenditure!;
    expect([
      pounds(line.spend['2023/24']),
      pounds(line.spend['2024/25']),
      line.outputs['2024/25'].count.toString(),
    ]).toEqual(['125000.00', '131000.00', '42']);
  });

  test.each(['BCF Total', 'Overall total', 'Total BCF expenditure'])(
    'a Total row called "%s", its figures pasted as values, totals the lines and is no line',
    (label) => {
      let book = put(template2325(), EXPENDITURE, 'B20', label);
      for (const cell of ['N20', 'O20', 'P20'])
        book = put(book, EXPENDITURE, cell, Number(valueAt(book, EXPENDITURE, cell)));
      const { template, problems } = importTemplate(book)!;
      expect(problems).toEqual([]);
      expect(names(book)).toEqual(['Reablement', 'Community nursing', 'Joint discharge team', 'Adaptations']);
      expect(template.lines.totals.map((t) => [t.kind, t.row + 1, t.label])).toEqual([['total', 20, label]]);
      expect(auditWorkbook(book).findings).toEqual([]);
    },
  );

  test('years written "FY23/24" and "2024 to 2025" head their expenditure columns', () => {
    let book = put(template2325(), EXPENDITURE, 'N15', 'Expenditure FY23/24 (£)');
    book = put(book, EXPENDITURE, 'O15', 'Expenditure for 2024 to 2025 (£)');
    const { plan, problems } = importTemplate(book)!;
    expect(problems).toEqual([]);
    expect(plan.years.map((y) => y.label)).toEqual(['2023/24', '2024/25']);
    expect(pounds(spendFrom(plan, 'nhsMinimum', '2024/25'))).toBe('930000.00');
    expect(auditWorkbook(book).findings).toEqual([]);
  });

  test('"% NHS" and "% LA" in the row under an "If joint commissioner" header are its columns', () => {
    const rows: Cell[][] = [
      [
        'Scheme ID',
        'Scheme Name',
        'Commissioner',
        'If joint commissioner',
        null,
        'Source of Funding',
        'Expenditure (£)',
      ],
      [null, null, null, '% NHS', '% LA', null, null],
      ['1', 'Discharge team', 'Joint', 60, 40, 'Minimum NHS Contribution', 100000],
    ];
    const cover = sheet('Cover', [['Better Care Fund 2022-23 Template']]);
    const { plan, problems, template } = importTemplate({ sheets: [cover, sheet('5. Expenditure', rows)] })!;
    expect(problems).toEqual([]);
    expect(template.lines.header.firstLineRow).toBe(2);
    const [joint] = plan.expenditure!;
    expect([joint.nhsPercent?.toString(), joint.laPercent?.toString(), pounds(joint.spend['2022/23'])]).toEqual([
      '60',
      '40',
      '100000.00',
    ]);
  });

  test('the CCG era\'s "% CCG" and "% LA (if Joint Commissioner)" are the % NHS and % LA columns', () => {
    const rows: Cell[][] = [
      [
        'Scheme ID',
        'Scheme Name',
        'Commissioner',
        '% CCG (if Joint Commissioner)',
        '% LA (if Joint Commissioner)',
        'Source of Funding',
        'Expenditure (£)',
      ],
      ['1', 'Discharge team', 'Joint', 70, 30, 'CCG Minimum Contribution', 100000],
    ];
    const cover = sheet('Cover', [['Better Care Fund 2019/20 Template']]);
    const { plan, problems } = importTemplate({ sheets: [cover, sheet('5. Expenditure', rows)] })!;
    expect(problems).toEqual([]);
    const [joint] = plan.expenditure!;
    expect([joint.nhsPercent?.toString(), joint.laPercent?.toString(), joint.source]).toEqual([
      '70',
      '30',
      'nhsMinimum',
    ]);
  });

  test('headers wrapped into two cells ("Source of" over "Funding") are read as one header', () => {
    const rows: Cell[][] = [
      ['Scheme', 'Scheme', 'Commissioner', 'Source of', 'Expenditure for', 'Expenditure for'],
      ['ID', 'Name', null, 'Funding', '2023-24 (£)', '2024-25 (£)'],
      ['1', 'Reablement', 'ICB', 'Minimum NHS Contribution', 125000, 131000],
      ['2', 'Adaptations', 'LA', 'DFG', 50000, 50000],
    ];
    const { plan, problems } = importTemplate({ sheets: [sheet('6a. Expenditure', rows)] })!;
    expect(problems).toEqual([]);
    expect(plan.expenditure!.map((l) => [l.id, l.name, l.source, pounds(l.spend['2024/25'])])).toEqual([
      ['1', 'Reablement', 'nhsMinimum', '131000.00'],
      ['2', 'Adaptations', 'dfg', '50000.00'],
    ]);
  });

  test('planned outputs: the count with the words for what is counted', () => {
    const rows: Cell[][] = [
      [
        'Scheme ID',
        'Scheme Name',
        'Planned Outputs',
        'Planned Output Unit Estimate',
        'Commissioner',
        'Source of Funding',
        'Expenditure (£)',
      ],
      ['S1', 'Handyperson', 1114, 'Number of adaptations funded', 'LA', 'DFG', 1200],
    ];
    const { plan } = importTemplate({ sheets: [sheet('5. Expenditure', rows)] }, { year: '2021/22' })!;
    const output = plan.expenditure![0].outputs['2021/22'];
    expect([output.count.toString(), output.unit]).toEqual(['1114', 'Number of adaptations funded']);
  });

  test('years in the row under a merged "Expenditure (£000)" heading; thousands read as pounds', () => {
    const rows: Cell[][] = [
      ['Scheme ID', 'Scheme Name', 'Commissioner', 'Source of Funding', 'Expenditure (£000)', null],
      [null, null, null, null, '2017-18', '2018-19'],
      ['1', 'Reablement', 'CCG', 'CCG Minimum Contribution', 12.5, 13],
    ];
    const { plan } = importTemplate({ sheets: [sheet('4. Expenditure', rows)] })!;
    expect(plan.years.map((y) => y.label)).toEqual(['2017/18', '2018/19']);
    expect(plan.expenditure!.map((l) => [l.commissioner, l.source, pounds(l.spend['2018/19'])])).toEqual([
      ['NHS', 'nhsMinimum', '13000.00'],
    ]);
  });

  test('Running Balances stacked one block per year', () => {
    const rows: Cell[][] = [
      ['2023-24'],
      ['Source of funding', 'Income', 'Expenditure', 'Balance'],
      ['DFG', 100, 100, 0],
      [],
      ['2024-25'],
      [null, 'Income', 'Expenditure', 'Balance'],
      ['DFG', 200, 150, 50],
      [],
      [
        'Scheme ID',
        'Scheme Name',
        'Commissioner',
        'Source of Funding',
        'Expenditure 2023-24 (£)',
        'Expenditure 2024-25 (£)',
      ],
      ['1', 'Adaptations', 'LA', 'DFG', 100, 150],
    ];
    const t = locateTemplate({ sheets: [sheet('Expenditure', rows)] })!;
    expect(t.blocks.balances.map((b) => [b.year, b.kind, b.figure.cell])).toEqual([
      ['2023/24', 'income', 'B3'],
      ['2023/24', 'expenditure', 'C3'],
      ['2023/24', 'balance', 'D3'],
      ['2024/25', 'income', 'B7'],
      ['2024/25', 'expenditure', 'C7'],
      ['2024/25', 'balance', 'D7'],
    ]);
  });

  test('2015-16 Part 2: organisations as sources, lines without IDs, the benefits plan left alone', () => {
    const funding = sheet('Funding sources', [
      ['Organisation', 'Gross Contribution 2014/15 (£)', 'Gross Contribution 2015/16 (£)'],
      ['London Borough of Oldmere', 1000, 1100],
      ['Oldmere DFG', 300, 300],
      ['NHS Oldmere CCG', 5000, 5200],
      ['BCF Total', 6300, 6600],
    ]);
    const plan2 = sheet('Expenditure plan', [
      [
        'Scheme Name',
        'Area of Spend',
        'Commissioner',
        'Provider',
        'Source of Funding',
        '2014/15 Expenditure (£)',
        '2015/16 Expenditure (£)',
        'New/Existing',
      ],
      ['Reablement', 'Social Care', 'Local Authority', 'Local Authority', 'CCG', 4000, 4100, 'Existing'],
      ['Care Act duties', 'Social Care', 'Local Authority', 'Local Authority', 'Local Authority', 1000, 1100, 'New'],
    ]);
    const benefits = sheet('Benefits plan', [
      ['Benefits Plan'],
      ['Benefit', 'Measure', 'Baseline'],
      ['Fewer admissions', 'NEL', 1000],
    ]);
    const { plan, template } = importTemplate({ sheets: [funding, plan2, benefits] })!;
    expect(plan.expenditure!.map((l) => [l.id, l.source, l.status])).toEqual([
      ['', 'nhsMinimum', 'existing'],
      ['', 'additionalLa', 'new'],
    ]);
    expect(['additionalLa', 'dfg', 'nhsMinimum'].map((s) => pounds(incomeFrom(plan, s as 'dfg', '2015/16')))).toEqual([
      '1100.00',
      '300.00',
      '5200.00',
    ]);
    expect(pounds(spendFrom(plan, 'nhsMinimum', '2014/15'))).toBe('4000.00');
    expect(template.income!.totals.map((x) => [x.kind, x.row + 1])).toEqual([['total', 5]]);
    expect(template.sheets).toContain('Benefits plan');
  });

  test('unreadable cells are problems at their cell, saying what to type', () => {
    let book = put(template2325(), EXPENDITURE, 'I16', 'Health visitor');
    book = put(book, EXPENDITURE, 'M17', 'Lottery money');
    book = put(book, EXPENDITURE, 'N18', 'about 5k?');
    const problems = importTemplate(book)!.problems.map((p) => ['cell' in p.where ? p.where.cell : '', p.message]);
    expect(problems.map(([cell]) => cell)).toEqual(['I16', 'M17', 'N18']);
    expect(problems[0][1]).toMatch(/not a commissioner.*Local Authority, NHS/);
    expect(problems[1][1]).toMatch(/not a BCF funding source/);
    expect(problems[2][1]).toMatch(/not an amount: type the figure alone/);
  });
});

const blank = (n: number): Cell[] => Array(n).fill('');

function insertRows(book: ReturnType<typeof template2325>, at: number, rows: Cell[][]) {
  return {
    sheets: book.sheets.map((s) => {
      if (s.name !== EXPENDITURE) return s;
      const built = sheet(s.name, rows);
      return {
        ...s,
        values: [...s.values.slice(0, at), ...built.values, ...s.values.slice(at)],
        formulas: [...(s.formulas ?? []).slice(0, at), ...built.formulas!, ...(s.formulas ?? []).slice(at)],
      };
    }),
  };
}
