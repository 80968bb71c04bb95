import { spendFrom, totalSpend } from '../../src/domain/expenditure';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { locateTemplate } from '../../src/workbook/template/locateTemplate';
import { importTemplate } from '../../src/workbook/template/templateImport';
import { EXPENDITURE, put, template2325, valueAt, type Cell } from './templateSheets';

/**
 * Rows under the expenditure lines that total them without saying "Total", and expenditure
 * columns that say the same year: neither may become a doubled year's spend. template2325() has
 * its lines on rows 16-19 and its Total row (SUMs in N, O and P) on row 20.
 */
const pounds = (d: { toFixed(n: number): string }) => d.toFixed(2);

/** The template with row 20's label cells and figures replaced: the figures typed, not SUMs. */
function totalRowAs(labels: { A?: string; B?: string; M?: string }, figures?: Record<'N' | 'O' | 'P', Cell>) {
  const clean = template2325();
  let book = clean;
  for (const [column, text] of Object.entries({ A: '', B: '', M: '', ...labels }))
    book = put(book, EXPENDITURE, `${column}20`, text);
  for (const column of ['N', 'O', 'P'] as const)
    book = put(
      book,
      EXPENDITURE,
      `${column}20`,
      figures?.[column] ?? (valueAt(clean, EXPENDITURE, `${column}20`) as number),
    );
  return book;
}

/** Each year's spend as the clean template (labelled Total row, SUMs) reads it: the independent route. */
const cleanSpend = () => {
  const { plan } = importTemplate(template2325())!;
  return ['2023/24', '2024/25'].map((y) => pounds(totalSpend(plan, y)));
};

describe('a total row nobody labelled "Total"', () => {
  test.each([
    ['a blank label', {}],
    ['"All schemes"', { B: 'All schemes' }],
    ['"Grand"', { B: 'Grand' }],
    ['"Sum"', { B: 'Sum' }],
    ['"BCF" where the ID goes', { A: 'BCF' }],
  ])('%s with typed figures adding up to the lines is left out, kept as the Total', (_, labels) => {
    const book = totalRowAs(labels);
    const t = locateTemplate(book)!;
    expect(t.lines.lines.map((l) => l.row + 1)).toEqual([16, 17, 18, 19]);
    expect(t.lines.totals.map((x) => [x.kind, x.row + 1, x.lines, x.figures.length])).toEqual([
      ['total', 20, [0, 1, 2, 3], 3],
    ]);
    const { plan, problems } = importTemplate(book)!;
    expect(problems).toEqual([]);
    expect(['2023/24', '2024/25'].map((y) => pounds(totalSpend(plan, y)))).toEqual(cleanSpend());
    expect(auditWorkbook(book).findings).toEqual([]);
  });

  test("a sub-total naming a source, of that source's lines, is left out as a sub-total", () => {
    // Rows 16 and 17 are the Minimum NHS Contribution lines: 400,000 + 500,000 and 420,000 + 510,000.
    const book = totalRowAs({ B: 'Sum', M: 'Minimum NHS Contribution' }, { N: 900000, O: 930000, P: '' });
    const t = locateTemplate(book)!;
    expect(t.lines.totals.map((x) => [x.kind, x.lines])).toEqual([['subtotal', [0, 1]]]);
    expect(pounds(spendFrom(importTemplate(book)!.plan, 'nhsMinimum', '2024/25'))).toBe('930000.00');
  });

  test('a line with its ID, name and source is a line, even when its figures equal the lines above', () => {
    const lines = (importTemplate(template2325())!.plan.expenditure ?? []).length;
    // A fifth scheme costing what schemes 3 and 4 cost together, each year.
    const book = totalRowAs(
      { A: '5', B: 'Carers respite', M: 'Minimum NHS Contribution' },
      { N: 350000, O: 350000, P: 700000 },
    );
    const { plan } = importTemplate(book)!;
    expect(plan.expenditure!.map((l) => l.name).slice(-1)).toEqual(['Carers respite']);
    expect(plan.expenditure!.length).toBe(lines + 1);
    expect(locateTemplate(book)!.lines.totals).toEqual([]);
  });

  test('a row without the words of a line whose figures add up to no run of lines is not taken for a total', () => {
    const book = totalRowAs({ B: 'All schemes' }, { N: 1000001, O: 1180000, P: '' });
    const t = locateTemplate(book)!;
    expect(t.lines.totals).toEqual([]);
    expect(t.lines.lines.map((l) => l.row + 1)).toEqual([16, 17, 18, 19, 20]);
  });
});

describe('two expenditure columns for one year', () => {
  test.each([
    ['the same words twice', 'Expenditure for 2024-25 (£)'],
    ['other words for the year', '2024/25 (£)'],
    ['a short year', 'Expenditure 24/25'],
  ])('%s: said at both header cells, and the year is not read doubled', (_, second) => {
    // The Total column (P) headed as a second 2024-25 expenditure column, neither marked "Previously entered".
    const book = put(template2325(), EXPENDITURE, 'P15', second);
    const { plan, problems } = importTemplate(book)!;
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.where)).toEqual([{ sheet: EXPENDITURE, cell: 'P15' }]);
    expect(errors[0].message).toContain(`O15 "Expenditure for 2024-25 (£)" and P15 "${second}" are both for 2024/25`);
    expect(errors[0].message).toMatch(/"Previously entered"/);
    // Neither read: no 2024/25 spend at all, rather than the two columns added together.
    expect(pounds(totalSpend(plan, '2024/25'))).toBe('0.00');
    expect(pounds(totalSpend(plan, '2023/24'))).toBe(cleanSpend()[0]);
    expect(auditWorkbook(book).findings.some((f) => f.cell === 'P15' && f.rule === 'unreadable-input')).toBe(true);
  });

  test('the year broken down by quarter ("2024-25 Q1 (£)", "Q2") is its quarters added up, as before', () => {
    let book = put(template2325(), EXPENDITURE, 'O15', 'Expenditure 2024-25 Q1 (£)');
    book = put(book, EXPENDITURE, 'P15', 'Expenditure 2024-25 Q2 (£)');
    const { plan, problems } = importTemplate(book)!;
    expect(problems).toEqual([]);
    // Rows 16-19: O is 420,000 + 510,000 + 100,000 + 250,000 and P (the Total column) 820,000 + 1,010,000 + 200,000 + 500,000.
    const byHand = [420000, 510000, 100000, 250000, 820000, 1010000, 200000, 500000].reduce((a, b) => a + b, 0);
    expect(pounds(totalSpend(plan, '2024/25'))).toBe(byHand.toFixed(2));
  });

  test('marked "Previously entered", the earlier figure is history and the year reads once', () => {
    const book = put(template2325(), EXPENDITURE, 'P15', 'Previously entered expenditure for 2024-25 (£)');
    const { plan, problems } = importTemplate(book)!;
    expect(problems).toEqual([]);
    expect(pounds(totalSpend(plan, '2024/25'))).toBe(cleanSpend()[1]);
  });
});
