import { incomeFrom } from '../../src/domain/expenditure';
import type { Finding } from '../../src/domain/audit/finding';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { importTemplate } from '../../src/workbook/template/templateImport';
import { EXPENDITURE, INCOME, put, template2325, valueAt, type Cell } from './templateSheets';

/**
 * The Income tab as NHS England's templates lay it out from 2019-20: a table per source, each
 * under its own header with its own "Total ..." row, group totals ("Total Minimum LA Contribution
 * (exc iBCF)", "Total NHS Contribution"), a Yes/No question over each additional contribution and
 * "Total BCF Pooled Budget" at the foot; and 2022-23's ASC Discharge Fund in a council and an ICB part.
 */
const where = (findings: readonly Finding[]) => findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
const pounds = (d: { toFixed(n: number): string }) => d.toFixed(2);
const sum = (range: string, result: number): Cell => [`=SUM(${range})`, result];

const PUBLISHED: Cell[][] = [
  ['Income'],
  ['Selected Health and Wellbeing Board:', 'Made-up Borough'],
  [],
  ['Disabled Facilities Grant (DFG)', 'Gross Contribution 2023-24', 'Gross Contribution 2024-25'],
  ['Made-up District A', 150000, 150000],
  ['Made-up District B', 100000, 100000],
  ['Total Minimum LA Contribution (exc iBCF)', sum('B5:B6', 250000), sum('C5:C6', 250000)],
  [],
  ['Are any additional LA Contributions being made in 2023-25? If yes, please detail below', 'Yes'],
  ['Local Authority Additional Contribution', 'Contribution 2023-24', 'Contribution 2024-25', 'Comments'],
  ['Made-up Borough Council', 30000, 30000, 'Public health grant'],
  ['Total Additional Local Authority Contribution', sum('B11', 30000), sum('C11', 30000)],
  [],
  ['NHS Minimum Contribution', 'Contribution 2023-24', 'Contribution 2024-25'],
  ['NHS Made-up ICB', 1000000, 1050000],
  ['Total NHS Minimum Contribution', sum('B15', 1000000), sum('C15', 1050000)],
  [],
  ['ICB Discharge Funding', 'Contribution 2023-24', 'Contribution 2024-25'],
  ['NHS Made-up ICB', 120000, 120000],
  ['ICB Discharge Funding Total', sum('B19', 120000), sum('C19', 120000)],
  ['Total NHS Contribution', ['=B16+B20', 1120000], ['=C16+C20', 1170000]],
  [],
  ['Total BCF Pooled Budget', ['=B7+B12+B21', 1400000], ['=C7+C12+C21', 1450000]],
];
const BALANCES: Cell[][] = [
  ['DFG', 250000, 250000, 0, 250000, 250000, 0],
  ['Minimum NHS Contribution', 1000000, 900000, 100000, 1050000, 930000, 120000],
  ['ICB Discharge Funding', 120000, 100000, 20000, 120000, 100000, 20000],
  ['Additional LA Contribution', 30000, 0, 30000, 30000, 0, 30000],
  ['Total', 1400000, 1250000, 150000, 1450000, 1280000, 170000],
];
const published = () => template2325({ income: PUBLISHED, balances: BALANCES });

describe('the Income tab as published', () => {
  test('income by source and year from its tables; the question, totals and group totals are not income', () => {
    const { plan, template } = importTemplate(published())!;
    expect(
      plan.income!.map((i) => [i.source, pounds(incomeFrom(plan, i.source, '2023/24')), pounds(i.amounts['2024/25'])]),
    ).toEqual([
      ['dfg', '250000.00', '250000.00'],
      ['nhsMinimum', '1000000.00', '1050000.00'],
      ['icbDischarge', '120000.00', '120000.00'],
      ['additionalLa', '30000.00', '30000.00'],
    ]);
    expect(template.income!.problems).toEqual([]);
  });

  test('a Yes/No beside words with no question mark ("Additional LA Contributions being made in 2023-25 | Yes") is an answer', () => {
    const answered = PUBLISHED.map((r, i) =>
      i === 8 ? ['Additional LA Contributions being made in 2023-25', 'Yes'] : r,
    );
    const book = template2325({ income: answered, balances: BALANCES });
    expect(where(auditWorkbook(book).findings)).toEqual([]);
    expect(pounds(incomeFrom(importTemplate(book)!.plan, 'additionalLa', '2024/25'))).toBe('30000.00');
  });

  test('a clean tab: the audit finds nothing (the pooled budget is all the rows, not those after the last total)', () => {
    expect(where(auditWorkbook(published()).findings)).toEqual([]);
  });

  test.each([
    ['the LA minimum (a group total)', 'B7', 'subtotal'],
    ['the additional LA contribution', 'C12', 'subtotal'],
    ['the NHS minimum', 'B16', 'subtotal'],
    ['the ICB discharge funding ("... Total")', 'C20', 'subtotal'],
    ['the NHS contribution (a group total)', 'B21', 'subtotal'],
    ['the pooled budget', 'C23', 'column-total'],
  ])('%s off by £1 is found at its cell alone', (_, cell, rule) => {
    const book = published();
    const value = valueAt(book, INCOME, cell) as number;
    const wrong = put(book, INCOME, cell, value + 1);
    expect(where(auditWorkbook(wrong).findings)).toEqual([`${INCOME}!${cell} ${rule}`]);
  });

  test('"Of which" and "Of the total, ..." rows under the pooled budget are parts of it: no income, no total, no warning', () => {
    const parts: Cell[][] = [
      ['Of the total, the amount for the protection of adult social care', 400000, 420000],
      ['Of which: Care Act duties', 84600, 84600],
    ];
    const book = template2325({ income: [...PUBLISHED, ...parts], balances: BALANCES });
    expect(where(auditWorkbook(book).findings)).toEqual([]);
    expect(pounds(incomeFrom(importTemplate(book)!.plan, 'nhsMinimum', '2023/24'))).toBe('1000000.00');
  });
});

describe('years in the row under a "Gross Contribution" band', () => {
  test("each table's years are its money columns, and its source stays the heading's", () => {
    const income: Cell[][] = [
      ['Disabled Facilities Grant (DFG)', 'Gross Contribution', null],
      [null, '2023-24', '2024-25'],
      ['Made-up District A', 150000, 150000],
      ['Made-up District B', 100000, 100000],
      ['Total DFG', sum('B3:B4', 250000), sum('C3:C4', 250000)],
      [],
      ['Minimum NHS Contribution', 'Contribution', null],
      [null, '2023-24', '2024-25'],
      ['NHS Made-up ICB', 1000000, 1050000],
      ['ICB Discharge Funding', 'Contribution', null],
      [null, '2023-24', '2024-25'],
      ['NHS Made-up ICB', 120000, 120000],
    ];
    const book = template2325({ income });
    const { plan, template } = importTemplate(book)!;
    expect(plan.income!.map((i) => [i.source, pounds(i.amounts['2023/24']), pounds(i.amounts['2024/25'])])).toEqual([
      ['dfg', '250000.00', '250000.00'],
      ['nhsMinimum', '1000000.00', '1050000.00'],
      ['icbDischarge', '120000.00', '120000.00'],
    ]);
    expect(template.income!.problems).toEqual([]);
    expect(where(auditWorkbook(book).findings)).toEqual([]);
  });
});

describe('group totals', () => {
  const onIncome = (book: ReturnType<typeof template2325>) =>
    where(auditWorkbook(book).findings).filter((f) => f.startsWith(INCOME));
  const income = (label: string, figure: number): Cell[][] => [
    ['Funding source', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['iBCF', 500000, 500000],
    ['Additional LA Contribution', 30000, 30000],
    ['DFG', 250000, 250000],
    [label, figure, figure],
    ['Minimum ICB Contribution', 1000000, 1050000],
    ['ICB Discharge Funding', 120000, 120000],
    ['Total BCF Pooled Budget', 1900000, 1950000],
  ];

  test('"(exc iBCF)" leaves the iBCF out of the council\'s total, in one table with it', () => {
    const label = 'Total Local Authority Contribution (exc iBCF)';
    expect(onIncome(template2325({ income: income(label, 280000) }))).toEqual([]);
    expect(onIncome(template2325({ income: income(label, 780000) }))).toEqual([
      `${INCOME}!B5 subtotal`,
      `${INCOME}!C5 subtotal`,
    ]);
  });

  test("the council's minimum contribution is its DFG, whatever comes before it", () => {
    const label = 'Total Minimum LA Contribution';
    expect(onIncome(template2325({ income: income(label, 250000) }))).toEqual([]);
    expect(onIncome(template2325({ income: income(label, 280000) }))).toEqual([
      `${INCOME}!B5 subtotal`,
      `${INCOME}!C5 subtotal`,
    ]);
  });
});

test('"Total Contribution" under several tables is the total of them all', () => {
  const income: Cell[][] = [
    ['Disabled Facilities Grant (DFG)', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['Made-up District A', 250000, 250000],
    ['Minimum NHS Contribution', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['NHS Made-up ICB', 1000000, 1050000],
    ['ICB Discharge Funding', 120000, 120000],
    ['Total Contribution', 1370000, 1420000],
  ];
  expect(where(auditWorkbook(template2325({ income })).findings)).toEqual([]);
});

test("a source's sub-total that also adds another source above it in its table is found", () => {
  const income: Cell[][] = [
    ['Funding source', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['Minimum ICB Contribution', 1000000, 1050000],
    ['DFG', 250000, 250000],
    ['Total DFG', 1250000, 250000],
    ['ICB Discharge Funding', 120000, 120000],
  ];
  expect(where(auditWorkbook(template2325({ income })).findings)).toEqual([`${INCOME}!B4 subtotal`]);
});

describe('the DFG in a two-tier area', () => {
  const income = (county: number | null): Cell[][] => [
    ['Disabled Facilities Grant (DFG)', 'Gross Contribution 2023-24', 'Gross Contribution 2024-25'],
    ['Made-up County', county, county],
    ['DFG breakerdown for two-tier areas only (where applicable)'],
    ['Made-up District A', 150000, 150000],
    ['Made-up District B', 100000, 100000],
    ['Total Minimum LA Contribution (exc iBCF)', 250000, 250000],
    [],
    ['Funding source', '2023-24', '2024-25'],
    ['Minimum ICB Contribution', 1000000, 1050000],
    ['ICB Discharge Funding', 120000, 120000],
  ];

  test("the districts' breakdown under the county's figure is not counted again", () => {
    const book = template2325({ income: income(250000) });
    expect(pounds(incomeFrom(importTemplate(book)!.plan, 'dfg', '2023/24'))).toBe('250000.00');
    expect(where(auditWorkbook(book).findings)).toEqual([]);
  });

  test("with no county figure, the districts' rows are the DFG", () => {
    const book = template2325({ income: income(null) });
    expect(pounds(incomeFrom(importTemplate(book)!.plan, 'dfg', '2024/25'))).toBe('250000.00');
    expect(where(auditWorkbook(book).findings)).toEqual([]);
  });
});

describe("2022-23's ASC Discharge Fund", () => {
  const income: Cell[][] = [
    ['Funding source', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['DFG', 250000, 250000],
    ['Minimum ICB Contribution', 1000000, 1050000],
    [],
    ['ASC Discharge Fund', 'Contribution 2023-24', 'Contribution 2024-25'],
    ['Local Authority', 40000, 40000],
    ['ICB', 120000, 120000],
    ['Total ASC Discharge Fund', sum('B6:B7', 160000), sum('C6:C7', 160000)],
  ];

  test("the council part and the ICB part are discharge money of each, not the council's own or the NHS minimum", () => {
    const { plan } = importTemplate(template2325({ income }))!;
    expect(plan.income!.map((i) => [i.source, pounds(i.amounts['2023/24'])])).toEqual([
      ['dfg', '250000.00'],
      ['nhsMinimum', '1000000.00'],
      ['laDischarge', '40000.00'],
      ['icbDischarge', '120000.00'],
    ]);
  });

  test('its total adds both parts: no finding on the Income tab, and one when it is £1 out', () => {
    const onIncome = (book = template2325({ income })) =>
      where(auditWorkbook(book).findings).filter((f) => f.startsWith(INCOME));
    expect(onIncome()).toEqual([]);
    expect(onIncome(put(template2325({ income }), INCOME, 'B8', 160001))).toEqual([`${INCOME}!B8 subtotal`]);
  });

  test('a line paid from "ASC Discharge Fund - ICB" is ICB discharge spend, and its balance holds', () => {
    const book = put(template2325(), EXPENDITURE, 'M18', 'ASC Discharge Fund - ICB');
    expect(importTemplate(book)!.plan.expenditure![2].source).toBe('icbDischarge');
    expect(where(auditWorkbook(book).findings)).toEqual([]);
  });
});

describe("the 2024-25 addendum's Income tab", () => {
  test('a "Previously entered 2024-25" column beside the updated one is history: the updated figure is the income', () => {
    const income: Cell[][] = [
      [
        'Disabled Facilities Grant (DFG)',
        'Gross Contribution 2023-24',
        'Previously entered 2024-25',
        'Updated 2024-25',
      ],
      ['Made-up District A', 250000, 240000, 250000],
      ['Total DFG', sum('B2', 250000), sum('C2', 240000), sum('D2', 250000)],
      [],
      ['Funding source', '2023-24', 'Previously entered 2024-25', 'Updated 2024-25'],
      ['Minimum ICB Contribution', 1000000, 990000, 1050000],
      ['ICB Discharge Funding', 120000, 110000, 120000],
    ];
    const book = template2325({ income });
    const { plan } = importTemplate(book)!;
    expect(plan.income!.map((i) => [i.source, pounds(i.amounts['2024/25'])])).toEqual([
      ['dfg', '250000.00'],
      ['nhsMinimum', '1050000.00'],
      ['icbDischarge', '120000.00'],
    ]);
    expect(where(auditWorkbook(book).findings)).toEqual([]);
  });
});
