import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import { main } from '../src/cli/main';
import { planFromJson } from '../src/domain/planJson';
import type { Plan } from '../src/domain/plan';
import { findImportTable, previewImport, type FoundImport } from '../src/taskpane/importFlow';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { EVERY_SHEET } from '../src/workbook/host';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetJsonCopy } from './support/barnet';
import { FakeWorkbook, loadExcel, type RecordedCall } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';
const v = require('./support/barnetVariants');

/**
 * Rows a person hid in Excel, read by the pane through Microsoft's own Excel client (the recorded
 * host bridge, test/support/officeRecorder.js): Barnet's 2014/15 table typed on a sheet of their
 * own, with 2b's old figures kept in a hidden row under the row that replaced them. The typed
 * total leaves the old figures out. The file readers already say which rows are hidden
 * (schemeTableVariants.test.ts); the pane must too, or its audit and import take the old figures
 * for a scheme.
 */
/** A name Excel quotes in addresses, with a comma as in a list of areas: "'Barnet''s schemes, 2014-15'!A1:F4, ...". */
const SHEET = "Barnet's schemes, 2014-15";
const REFS = v.ROWS.map((s: { ref: string }) => s.ref);
/** 0-based: the heading, the schemes up to 2b, then the old figures. */
const HIDDEN = 1 + REFS.indexOf('2b') + 1;

function typedTable(): unknown[][] {
  const rows = v.ROWS.map((s: unknown) => v.standard(s).slice(0, 6));
  rows.splice(HIDDEN - 1, 0, ['2b', 'Multidisciplinary teams (old figures)', 900000, null, null, null]);
  return [v.HEAD.slice(0, 6), ...rows, v.TOTAL.slice(0, 6)];
}

function session({ hidden }: { hidden: boolean }) {
  const book = new FakeWorkbook({ sheets: { [SHEET]: typedTable() } });
  if (hidden) book.hideRows(SHEET, [HIDDEN]);
  const office = loadExcel({ respond: book.respond });
  return { book, office, host: new OfficeWorkbook(office.Excel, { store: undefined }) };
}

/** The cell of the total's cost: the audit reports it when it takes the old figures for a scheme. */
const TOTAL_COST = `C${v.ROWS.length + 3}`;

const visibleAreas = (calls: RecordedCall[]) =>
  calls.flatMap((c) => Object.values(c.body.ObjectPaths ?? {})).filter((p: any) => /^GetSpecialCells/.test(p.Name))
    .length;

describe('the pane reads which rows a person hid', () => {
  test('a hidden row comes back as hidden, in the same number of requests as a sheet with none', async () => {
    const shown = session({ hidden: false });
    const hidden = session({ hidden: true });
    const a = await shown.host.read(EVERY_SHEET);
    const b = await hidden.host.read(EVERY_SHEET);
    expect([a.sheets[0].hiddenRows, b.sheets[0].hiddenRows]).toEqual([undefined, [HIDDEN]]);
    expect(hidden.office.workCalls().length).toBe(shown.office.workCalls().length);
    // The values read are the same either way: only the hidden rows were added.
    expect(b.sheets[0].values).toEqual(a.sheets[0].values);
    // The sheet's cells are asked for once: a second query of the same range would bring them twice.
    for (const call of hidden.office.workCalls()) {
      const queried = call.body.Actions.filter((x: any) => x.ActionType === 2).map((x: any) => x.ObjectPathId);
      expect(queried.length).toBe(new Set(queried).size);
    }
    const received = (calls: RecordedCall[]) => calls.reduce((n, c) => n + c.responseBytes, 0);
    expect(received(hidden.office.workCalls()) - received(shown.office.workCalls())).toBeLessThan(300);
  });

  test('the add-in’s own sheets are read without asking for hidden rows: only the person’s sheet is', async () => {
    const { book, host } = session({ hidden: true });
    await host.apply(workbookLayout(planFromJson(barnetJsonCopy()).plan as Plan, 'all', { today: TEST_DAY }));
    expect(book.sheets.size).toBeGreaterThan(3);
    // A pane opened afresh: it knows none of the sheets, so it reads them all.
    const reopened = loadExcel({ respond: book.respond });
    const snapshot = await new OfficeWorkbook(reopened.Excel, { store: undefined }).read(EVERY_SHEET);
    expect(snapshot.sheets.length).toBeGreaterThan(3);
    expect(snapshot.sheets.find((s) => s.name === SHEET)?.hiddenRows).toEqual([HIDDEN]);
    expect(visibleAreas(reopened.calls)).toBe(1);
  });

  test('rows hidden in runs, at the top and the bottom of the used range, are each found', async () => {
    const { book, host } = session({ hidden: true });
    const last = typedTable().length - 1;
    book.hideRows(SHEET, [0, 6, 7, last]);
    const [sheet] = (await host.read(EVERY_SHEET)).sheets;
    expect(sheet.hiddenRows).toEqual([0, HIDDEN, 6, 7, last].sort((x, y) => x - y));
  });

  test('every row of the used range hidden: all of them', async () => {
    const { book, host } = session({ hidden: false });
    book.hideRows(
      SHEET,
      typedTable().map((_, r) => r),
    );
    const [sheet] = (await host.read(EVERY_SHEET)).sheets;
    expect(sheet.hiddenRows).toEqual(typedTable().map((_, r) => r));
  });
});

describe('the pane’s audit of a typed table', () => {
  test('a hidden row of old figures the total leaves out is not a scheme: nothing to report', async () => {
    const { host } = session({ hidden: true });
    expect(auditWorkbook(await host.read(EVERY_SHEET)).findings.map((f) => f.cell)).toEqual([]);
  });

  test('the same row shown is a scheme, and the total is reported', async () => {
    const { host } = session({ hidden: false });
    expect(auditWorkbook(await host.read(EVERY_SHEET)).findings.map((f) => f.cell)).toContain(TOTAL_COST);
  });
});

function expectFound(result: Awaited<ReturnType<typeof findImportTable>>): FoundImport {
  if ('message' in result) throw new Error(result.message);
  if ('kind' in result) throw new Error('found a planning template, not a scheme table');
  return result;
}

const OPTIONS = { board: 'Barnet', year: '2014/15', today: TEST_DAY };
const NOTE = `Left out 1 hidden row of the table (row ${HIDDEN + 1})`;

describe('the pane’s import leaves hidden rows out, and says so', () => {
  // One cell selected: the table is looked for on the sheets; the table selected: in the selection.
  test.each(['A1', `A1:F${typedTable().length}`])('selection %s', async (selected) => {
    const { book, host } = session({ hidden: true });
    book.select(SHEET, selected);
    const found = expectFound(await findImportTable(host));
    expect(found.schemes).toBe(REFS.length);
    const preview = previewImport(found.mapping, OPTIONS);
    expect(preview.errors).toBe(0);
    expect(preview.plan.schemes.map((s) => s.ref)).toEqual(REFS);
    expect(preview.plan.schemes.find((s) => s.ref === '2b')?.years['2014/15'].cost.toNumber()).toBe(1057451);
    expect(preview.notes.filter((n) => n.startsWith(NOTE))).toHaveLength(1);
  });

  test('shown, the old figures are imported as a scheme of their own, and no row is said left out', async () => {
    const { book, host } = session({ hidden: false });
    book.select(SHEET, 'A1');
    const found = expectFound(await findImportTable(host));
    expect(found.schemes).toBe(REFS.length + 1);
    expect(previewImport(found.mapping, OPTIONS).notes.some((n) => n.startsWith('Left out'))).toBe(false);
  });

  test('bcf import of the same table in a file: the same schemes and the same note', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bcf-hidden-'));
    const file = path.join(dir, 'typed.xlsx');
    await fs.writeFile(file, await v.toXlsx({ sheets: [v.sheet(SHEET, typedTable(), [HIDDEN])] }));
    const out: string[] = [];
    const code = await main(
      ['import', file, '--year', '2014/15', '--board', 'Barnet', '-o', path.join(dir, 'p.json')],
      {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
      },
    );
    expect(code).toBe(0);
    const { book, host } = session({ hidden: true });
    book.select(SHEET, 'A1');
    const pane = previewImport(expectFound(await findImportTable(host)).mapping, OPTIONS);
    const note = pane.notes.find((n) => n.startsWith(NOTE));
    expect(out).toContain(`Note: ${note}`);
    expect(out.join('\n')).toMatch(new RegExp(`Read ${REFS.length} schemes from`));
    const { plan } = planFromJson(JSON.parse(await fs.readFile(path.join(dir, 'p.json'), 'utf8')));
    expect(plan.schemes.map((s) => s.ref)).toEqual(pane.plan.schemes.map((s) => s.ref));
  });
});
