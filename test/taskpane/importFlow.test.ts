import { computeSchemeTable } from '../../src/domain/schemeTable';
import {
  findImportTable,
  previewImport,
  withField,
  type FoundImport,
  type FoundTemplate,
} from '../../src/taskpane/importFlow';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import { startPlan } from '../../src/workbook/commands';
import { barnetTypedWorkbook, templateWorkbook } from './typedWorkbooks';
import { TEST_DAY } from '../support/testDay';
const { barnetTablesAsPrinted } = require('../support/barnetTablesAsPrinted');

const typedWorkbook = barnetTypedWorkbook;

function expectFound(result: FoundImport | FoundTemplate | { message: string }): FoundImport {
  if ('message' in result) throw new Error(result.message);
  if ('kind' in result) throw new Error(`found the planning template at ${result.where}, not a scheme table`);
  return result;
}

describe('Import finds NHS England’s planning template first', () => {
  const { templateCorpus } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');
  test.each(
    templateCorpus()
      .filter((s) => !s.faults.length)
      .slice(0, 4),
  )('$name: the lines and each year’s spend, as the manifest has them', async (spec) => {
    const book = await templateWorkbook(spec);
    const found = await findImportTable(book);
    if (!('kind' in found)) throw new Error('no template found');
    const plan = found.imported.plan;
    expect(plan.expenditure).toHaveLength(spec.expected.lines.length);
    for (const [year, total] of Object.entries(spec.expected.spendByYear))
      expect(
        plan.expenditure!.reduce((a, l) => a.plus(l.spend[year] ?? 0), new (require('decimal.js'))(0)).toFixed(2),
      ).toBe(total);
  });
});

describe('Import schemes from a table (the pane’s flow, on the in-memory workbook)', () => {
  test('the selected cells: Table 4 as printed, its columns proposed and the 2015/16 figures reproduced', async () => {
    const book = typedWorkbook();
    book.selectRange('Tables 3 and 4', 'C22:J35');
    const found = expectFound(await findImportTable(book));
    expect([found.where, found.schemes]).toEqual(["'Tables 3 and 4'!C22:J35", 8]);
    expect(found.mapping.columns.map((c) => [c.where, c.field])).toEqual([
      ['C', 'tier'],
      ['D', 'ref'],
      ['E', 'name'],
      ['F', 'cost'],
      ['G', 'worked-out'],
      ['H', 'count:NEL'],
      ['I', 'worked-out'],
      ['J', 'worked-out'],
    ]);
    const preview = previewImport(found.mapping, { board: 'Barnet', year: '2015/16', today: TEST_DAY });
    expect(preview.errors).toBe(0);
    const table = computeSchemeTable(preview.plan, '2015/16');
    expect([table.poolTotal.toNumber(), table.countTotals.NEL.toNumber(), table.savingTotals.NEL.toNumber()]).toEqual([
      23412000, 1021, 2046084,
    ]);
  });

  test('with nothing selected, the first scheme table in the workbook; a column the person changes is left out', async () => {
    const book = typedWorkbook();
    const found = expectFound(await findImportTable(book));
    expect(found.where).toBe("'Tables 3 and 4'!A3:H16");
    const nel = found.mapping.columns.find((c) => c.field === 'count:NEL')!;
    const preview = previewImport(withField(found.mapping, nel, 'ignore'), { year: '2014/15', today: TEST_DAY });
    expect(preview.unplaced.map((c) => c.header)).toEqual(['No Reduced NEL Adm.']);
    expect(computeSchemeTable(preview.plan, '2014/15').countTotals.NEL.toNumber()).toBe(0);
  });

  test('a cost typed "TBC" stops the import at its cell, with the words bcf import uses', async () => {
    const book = typedWorkbook();
    const found = expectFound(await findImportTable(book));
    const cost = found.mapping.columns.find((c) => c.field === 'cost')!;
    const row = found.mapping.table.rows[2];
    book.setCell('Tables 3 and 4', row, cost.index, 'TBC');
    const preview = previewImport(expectFound(await findImportTable(book)).mapping, {
      year: '2014/15',
      today: TEST_DAY,
    });
    const cell = found.mapping.table.grid.address(row, cost.index);
    expect(preview.errors).toBe(1);
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        severity: 'error',
        where: { sheet: 'Tables 3 and 4', cell },
        message: `${cost.header} says "TBC", which is not a figure: type the cost, or leave the scheme out.`,
      },
    ]);
  });

  test('cells selected outside any table say so, naming the range', async () => {
    const book = typedWorkbook();
    book.selectRange('Table 17', 'A1:A2');
    const result = await findImportTable(book);
    expect(result).toEqual({ message: expect.stringMatching(/No scheme table in the selected cells A1:A2/) });
  });

  test('the plan it starts writes live tables beside the typed ones, and they audit clean', async () => {
    const book = typedWorkbook();
    book.selectRange('Tables 3 and 4', 'A3:H16');
    const found = expectFound(await findImportTable(book));
    const outcome = await startPlan(
      book,
      previewImport(found.mapping, { board: 'Barnet', year: '2014/15', today: TEST_DAY }).plan,
      TEST_DAY,
    );
    expect(outcome.status).toBe('done');
    const findings = auditWorkbook(book.snapshot()).findings;
    // What remains is what the typed tables print wrong; nothing on the add-in's own sheets.
    expect(findings.every((f) => ['Tables 3 and 4', 'Annex 1', 'Table 17'].includes(f.sheet))).toBe(true);
    expect(findings).toHaveLength(9);
  });
});

describe('the selection as Excel gives it', () => {
  test('cells are put at their own rows and columns, so a table found in them keeps its addresses', async () => {
    const { placeSelection } = await import('../../src/adapters/office/readSelection');
    const table = barnetTablesAsPrinted()
      .sheets[2].values.slice(2, 7)
      .map((row: unknown[]) => row.slice(0, 3).map((v) => v ?? ''));
    const selection = placeSelection(
      'Table 17',
      'A3:C7',
      2,
      0,
      table,
      table.map((row: unknown[]) => row.map(() => 'General')),
    );
    const book = { read: async () => ({ sheets: [] }), readSelection: async () => selection } as any;
    const found = expectFound(await findImportTable(book));
    expect([found.where, found.schemes]).toEqual(["'Table 17'!A3:C7", 3]);
    expect(selection.snapshot.values[2][0]).toBeNull();
  });
});
