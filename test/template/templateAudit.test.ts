import type { Finding } from '../../src/domain/audit/finding';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { auditTemplate } from '../../src/workbook/template/templateAudit';
import { EXPENDITURE, INCOME, put, sheet, template2325, valueAt } from './templateSheets';

/**
 * The audit of a filled-in planning template (2023-25 layout, test/template/templateSheets.ts):
 * clean, nothing; each fault seeded alone, one finding at its cell and rule.
 */
const where = (findings: readonly Finding[]) => findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
const audit = (book = template2325()) => where(auditWorkbook(book).findings);

describe('the audit of a planning template', () => {
  test('a clean template: no findings, and its sheets are not audited again as typed tables', () => {
    const result = auditWorkbook(template2325());
    expect(result.kind).toBe('template');
    expect(result.findings).toEqual([]);
  });

  test.each([
    ['the Total row', 'N20', 'column-total'],
    ["a line's total across years", 'P17', 'row-total'],
    ['a running balance income', 'B4', 'running-balance'],
    ['a running balance expenditure', 'C6', 'running-balance'],
    ['a running balance', 'D5', 'running-balance'],
    ['the planned spend on out-of-hospital services', 'D11', 'required-spend'],
  ])('%s off by £1 is found at its cell', (_, cell, rule) => {
    const book = template2325();
    const wrong = put(book, EXPENDITURE, cell, Number(valueAt(book, EXPENDITURE, cell)) + 1);
    expect(audit(wrong)).toEqual([`${EXPENDITURE}!${cell} ${rule}`]);
  });

  test('a sub-total that does not add up, and one that does', () => {
    const lines = template2325().sheets[2].values.slice(15, 19);
    expect(lines.length).toBe(4);
    const book = template2325();
    // A "Sub-total" after the first two lines: right, then wrong by a penny.
    const withSub = insertRow(book, 17, ['', 'Sub-total', ...Array(11).fill(''), 900000, 930000, 1830000]);
    expect(audit(withSub)).toEqual([]);
    const wrong = put(withSub, EXPENDITURE, 'N18', 900000.01);
    expect(audit(wrong)).toEqual([`${EXPENDITURE}!N18 subtotal`]);
  });

  test('the template rules, each at the cell to change', () => {
    let book = template2325();
    book = put(book, EXPENDITURE, 'A17', '1'); // duplicate Scheme ID
    book = put(book, EXPENDITURE, 'K18', 50); // 60 + 50
    book = put(book, EXPENDITURE, 'D18', 'Carers Services'); // discharge money on a type it is not for
    expect(audit(book)).toEqual(
      [`${EXPENDITURE}!A17 duplicate-id`, `${EXPENDITURE}!J18 joint-percent`, `${EXPENDITURE}!D18 discharge-type`].sort(
        byCell,
      ),
    );
  });

  test('a source overspent is found at its balance; the minimum spend not met at its planned spend', () => {
    let book = template2325();
    book = put(book, INCOME, 'B9', 90000); // ICB discharge income now below the 100,000 spent
    book = put(book, EXPENDITURE, 'B6', 90000);
    book = put(book, EXPENDITURE, 'D6', -10000);
    book = put(book, EXPENDITURE, 'B7', 1340000);
    book = put(book, EXPENDITURE, 'D7', 90000);
    book = put(book, EXPENDITURE, 'C11', 600000); // required more than the 500,000 planned
    book = put(book, EXPENDITURE, 'E11', 100000);
    expect(audit(book)).toEqual([`${EXPENDITURE}!D6 source-overspent`, `${EXPENDITURE}!D11 minimum-spend`]);
  });

  test("a source spent to the penny is not overspent when Excel's cached figure carries binary noise", () => {
    // ICB discharge income cut to the 100,000 its line spends, the balances with it.
    let book = template2325();
    book = put(book, INCOME, 'B9', 100000);
    book = put(book, EXPENDITURE, 'B6', 100000);
    book = put(book, EXPENDITURE, 'D6', 0);
    book = put(book, EXPENDITURE, 'B7', 1350000);
    book = put(book, EXPENDITURE, 'D7', 100000);
    expect(audit(book)).toEqual([]);
    // The line's spend as a formula's cached result over pence: a double one step above 100,000.
    const noisy = 100000 + 2 ** -36;
    expect(noisy).toBeGreaterThan(100000);
    expect(audit(put(book, EXPENDITURE, 'N18', ['=SUM(20000.02,79999.98)', noisy]))).toEqual([]);
  });

  test('a commissioner or a source not in the template lists is found at its own cell', () => {
    // Read as NHS, a social care line changes no figure: without its own finding the audit said clean.
    expect(audit(put(template2325(), EXPENDITURE, 'I16', 'Housing Association'))).toEqual([
      `${EXPENDITURE}!I16 unreadable-input`,
    ]);
    // A source the template lacks throws the balances out; the cell to change is said too.
    const found = audit(put(template2325(), EXPENDITURE, 'M17', 'Public Health Grant'));
    expect(found.filter((f) => f.endsWith('unreadable-input'))).toEqual([`${EXPENDITURE}!M17 unreadable-input`]);
  });

  test('a negative expenditure, typed "(500)", is found at its cell; the totals that keep it are not wrong', () => {
    let book = put(template2325(), EXPENDITURE, 'N16', '(500)');
    book = put(book, EXPENDITURE, 'P16', ['=N16+O16', 419500]);
    book = put(book, EXPENDITURE, 'N20', ['=SUM(N16:N19)', 849500]);
    book = put(book, EXPENDITURE, 'C5', 499500); // the minimum's running balance, its expenditure and balance
    book = put(book, EXPENDITURE, 'D5', 500500);
    book = put(book, EXPENDITURE, 'D10', 499500); // the social care spend from the minimum
    const less = (b: typeof book, cell: string, by: number) =>
      put(b, EXPENDITURE, cell, Number(valueAt(b, EXPENDITURE, cell)) - by);
    book = less(less(less(book, 'C7', 400500), 'D7', -400500), 'P20', 400500); // the Total rows
    expect(audit(book)).toEqual([`${EXPENDITURE}!N16 unreadable-input`]);
    expect(auditTemplate(book)!.findings[0].message).toMatch(/2023\/24 expenditure is negative \(-500\)/);
  });

  test('text in a money cell is unreadable input, and the totals that leave it out are not wrong', () => {
    let book = put(template2325(), EXPENDITURE, 'O16', 'TBC');
    // Excel's SUM leaves the text out: the Total row then shows 1,280,000 less the 420,000 it replaced.
    book = put(book, EXPENDITURE, 'O20', ['=SUM(O16:O19)', 860000]);
    const found = auditTemplate(book)!.findings;
    expect(where(found)).toContain(`${EXPENDITURE}!O16 unreadable-input`);
    expect(where(found)).not.toContain(`${EXPENDITURE}!O20 column-total`);
  });

  test('a total shown in whole pounds is judged as shown; a penny out in a figure shown with pence is not', () => {
    let book = template2325();
    book = put(book, EXPENDITURE, 'N16', 400000.4);
    const rounded = {
      ...book,
      sheets: book.sheets.map((s) => (s.name === EXPENDITURE ? withFormat(s, 19, 13, '#,##0') : s)),
    };
    expect(audit(rounded).filter((f) => f.includes('N20'))).toEqual([]);
    const pence = {
      ...book,
      sheets: book.sheets.map((s) => (s.name === EXPENDITURE ? withFormat(s, 19, 13, '#,##0.00') : s)),
    };
    expect(audit(pence)).toContain(`${EXPENDITURE}!N20 column-total`);
  });

  test("a person's own scheme table beside the template is still audited as a typed table", () => {
    const mine = sheet('My schemes', [
      ['Scheme', 'Cost (£)', 'Reduction in NEL admissions'],
      ['Falls service', 100000, 50],
      ['Rapid response', 200000, 60],
      ['Total', 400000, 110],
    ]);
    const book = template2325();
    expect(audit({ sheets: [...book.sheets, mine] })).toEqual(['My schemes!B4 column-total']);
  });

  test('a workbook with no line table is no template', () => {
    expect(auditTemplate({ sheets: [sheet('Notes', [['Nothing here']])] })).toBeUndefined();
  });
});

const byCell = (a: string, b: string) => {
  const [ra, rb] = [/(\d+) /.exec(a)![1], /(\d+) /.exec(b)![1]];
  return Number(ra) - Number(rb) || a.localeCompare(b);
};

function insertRow(book: ReturnType<typeof template2325>, at: number, row: unknown[]) {
  return {
    sheets: book.sheets.map((s) => {
      if (s.name !== EXPENDITURE) return s;
      const values = [...s.values.slice(0, at), row as never, ...s.values.slice(at)];
      const formulas = [...(s.formulas ?? []).slice(0, at), row.map(() => null), ...(s.formulas ?? []).slice(at)];
      // The Total row's SUMs still cover the lines (the sub-total row is not summed in it by value).
      const total = values.length - 1;
      (formulas[total] as (string | null)[]) = (formulas[total] as (string | null)[]).map(() => null);
      return { ...s, values, formulas };
    }),
  };
}

function withFormat(s: ReturnType<typeof sheet>, row: number, column: number, format: string) {
  const numberFormats = s.values.map((r, i) => (r ?? []).map((_, c) => (i === row && c === column ? format : null)));
  return { ...s, numberFormats };
}
