import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

/**
 * Template workbooks built cell by cell for the locator and audit tests: a sheet is rows of
 * values, where a string starting "=" is a formula whose result follows it as [formula, result].
 */
export type Cell = string | number | null | [string, number];

export function sheet(name: string, rows: Cell[][], formats?: Record<string, string>): SheetSnapshot {
  const values = rows.map((r) => r.map((c) => (Array.isArray(c) ? c[1] : c)));
  const formulas = rows.map((r) => r.map((c) => (Array.isArray(c) ? c[0] : null)));
  const numberFormats = formats ? rows.map((r) => r.map(() => null as string | null)) : undefined;
  if (formats && numberFormats)
    for (const [cell, format] of Object.entries(formats)) {
      const m = /^([A-Z])(\d+)$/.exec(cell)!;
      numberFormats[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = format;
    }
  return { name, values, formulas, ...(numberFormats ? { numberFormats } : {}) };
}

const HEADER_2325 = [
  'Scheme ID',
  'Scheme Name',
  'Brief Description of Scheme',
  'Scheme Type',
  'Sub Types',
  "Please specify if 'Scheme Type' is 'other'",
  'Area of Spend',
  "Please specify if 'Area of Spend' is 'other'",
  'Commissioner',
  '% NHS (if Joint Commissioner)',
  '% LA (if Joint Commissioner)',
  'Provider',
  'Source of Funding',
  'Expenditure for 2023-24 (£)',
  'Expenditure for 2024-25 (£)',
  'Total',
  'New/ Existing Scheme',
];

type Line = [
  string,
  string,
  string,
  string,
  string,
  number | string | null,
  string,
  number | string,
  number | string,
  number | string,
];

const line = ([id, name, type, area, commissioner, nhs, source, y1, y2, total]: Line, row: number): Cell[] =>
  [
    id,
    name,
    'A scheme',
    type,
    '',
    '',
    area,
    '',
    commissioner,
    nhs,
    typeof nhs === 'number' ? 100 - nhs : 'N/A',
    'Local Authority',
    source,
    y1,
    y2,
    typeof total === 'string' && total.startsWith('=') ? [total, 0] : total,
    'Existing',
  ].map((c) => (c === '=ROW' ? `=N${row}+O${row}` : c)) as Cell[];

/** Laid out like the 2023-25 template: cover, income tab, expenditure tab with its summary blocks above the lines. */
export function template2325(
  over: { lines?: Line[]; income?: Cell[][]; balances?: Cell[][]; required?: Cell[][] } = {},
): WorkbookSnapshot {
  const lines: Line[] = over.lines ?? [
    [
      '1',
      'Reablement',
      'Home-based intermediate care services',
      'Social Care',
      'LA',
      null,
      'Minimum NHS Contribution',
      400000,
      420000,
      820000,
    ],
    [
      '2',
      'Community nursing',
      'Urgent Community Response',
      'Community Health',
      'NHS',
      null,
      'Minimum NHS Contribution',
      500000,
      510000,
      1010000,
    ],
    [
      '3',
      'Joint discharge team',
      'High Impact Change Model for Managing Transfer of Care',
      'Community Health',
      'Joint',
      60,
      'ICB Discharge Funding',
      100000,
      100000,
      200000,
    ],
    ['4', 'Adaptations', 'DFG Related Schemes', 'Social Care', 'LA', null, 'DFG', '£250,000', 250000, 500000],
  ];
  const cover = sheet('1. Cover', [
    ['Better Care Fund 2023-25 Planning Template'],
    [],
    ['Health and Wellbeing Board:', 'Made-up Borough'],
  ]);
  const income = sheet(
    '4. Income',
    over.income ?? [
      ['Income'],
      ['Disabled Facilities Grant (DFG)', 'Gross Contribution 2023-24', 'Gross Contribution 2024-25'],
      ['Made-up District A', 150000, 150000],
      ['Made-up District B', 100000, 100000],
      ['Total DFG', ['=SUM(B3:B4)', 250000], ['=SUM(C3:C4)', 250000]],
      [],
      ['Funding source', '2023-24', '2024-25'],
      ['Minimum ICB Contribution', 1000000, 1050000],
      ['ICB Discharge Funding', 120000, 120000],
    ],
  );
  const rows: Cell[][] = [
    ['Expenditure'],
    ['Running Balances', '2023-24', null, null, '2024-25'],
    ['Source of funding', 'Income', 'Expenditure', 'Balance', 'Income', 'Expenditure', 'Balance'],
    ...(over.balances ?? [
      ['DFG', 250000, 250000, 0, 250000, 250000, 0],
      ['Minimum NHS Contribution', 1000000, 900000, 100000, 1050000, 930000, 120000],
      ['ICB Discharge Funding', 120000, 100000, 20000, 120000, 100000, 20000],
      ['Total', 1370000, 1250000, 120000, 1420000, 1280000, 140000],
    ]),
    [],
    ['Required Spend', null, '2023-24', null, null, '2024-25'],
    [
      null,
      null,
      'Minimum Required Spend',
      'Planned Spend',
      'Under Spend',
      'Minimum Required Spend',
      'Planned Spend',
      'Under Spend',
    ],
    ...(over.required ?? [
      [
        'NHS Commissioned Out of Hospital spend from the minimum ICB allocation',
        null,
        300000,
        500000,
        0,
        310000,
        510000,
        0,
      ],
      ['Adult Social Care services spend from the minimum ICB allocations', null, 350000, 400000, 0, 360000, 420000, 0],
    ]),
    [],
    ['Column complete:', 'Yes', 'Yes', 'Yes'],
    HEADER_2325,
  ];
  const first = rows.length + 1;
  lines.forEach((l, i) => rows.push(line(l, first + i)));
  const last = first + lines.length - 1;
  // Excel's SUM leaves out figures typed as text, as the template's own Total row does.
  const sumOf = (k: 7 | 8 | 9) => lines.reduce((a, l) => a + (typeof l[k] === 'number' ? (l[k] as number) : 0), 0);
  rows.push([
    '',
    'Total',
    ...Array(11).fill(''),
    [`=SUM(N${first}:N${last})`, sumOf(7)],
    [`=SUM(O${first}:O${last})`, sumOf(8)],
    [`=SUM(P${first}:P${last})`, sumOf(9)],
  ]);
  return { sheets: [cover, income, sheet('6a. Expenditure', rows)] };
}

/** The workbook with one cell changed (a value, or a formula with its result). */
export function put(book: WorkbookSnapshot, sheetName: string, cell: string, value: Cell): WorkbookSnapshot {
  const m = /^([A-Z])(\d+)$/.exec(cell)!;
  const [row, column] = [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
  return {
    sheets: book.sheets.map((s) => {
      if (s.name !== sheetName) return s;
      const values = s.values.map((r) => [...(r ?? [])]);
      const formulas = (s.formulas ?? []).map((r) => [...(r ?? [])]);
      while (values.length <= row) values.push([]);
      while (formulas.length <= row) formulas.push([]);
      values[row][column] = Array.isArray(value) ? value[1] : value;
      formulas[row][column] = Array.isArray(value) ? value[0] : null;
      return { ...s, values, formulas };
    }),
  };
}

/** A cell's value, for tests that change a figure by an amount. */
export function valueAt(book: WorkbookSnapshot, sheetName: string, cell: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(cell)!;
  return book.sheets.find((s) => s.name === sheetName)!.values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

export const EXPENDITURE = '6a. Expenditure';
export const INCOME = '4. Income';
