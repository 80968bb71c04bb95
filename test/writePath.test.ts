import { MemoryWorkbook } from '../src/adapters/memory/memoryWorkbook';
import { OfficeWorkbook } from '../src/adapters/office/officeWorkbook';
import { planFromJson } from '../src/domain/planJson';
import { POOL_SHEETS } from '../src/workbook/families/pool/names';
import { REGISTRY_SHEET } from '../src/workbook/ownership';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { findSheet } from '../src/workbook/snapshot';
import { workbookLayout } from '../src/workbook/workbookLayout';
import type { WritePlan } from '../src/workbook/write/writePlan';
import type { WriteStep } from '../src/workbook/write/writeSteps';
import { barnetJsonCopy } from './support/barnet';
import { FakeWorkbook, loadExcel } from './support/officeRecorder';
import { TEST_DAY } from './support/testDay';

/**
 * Excel (Office.js against the recorded bridge) and the preview's workbook (HyperFormula) are given
 * the same commands on the same workbook; each must plan the very same steps, so what the preview
 * and the HyperFormula tests show is what Excel would do.
 */
function hosts() {
  const book = new FakeWorkbook();
  const office: WritePlan[] = [];
  const memory: WritePlan[] = [];
  const excel = new OfficeWorkbook(loadExcel({ respond: book.respond }).Excel, { onWrites: (w) => office.push(w) });
  const preview = new MemoryWorkbook({ onWrites: (w) => memory.push(w) });
  preview.engine.addSheet('Sheet1'); // as a new Excel workbook has
  return { book, excel, preview, office, memory };
}

/** Steps as comparable data: every step, its sheet, kind and payload, in order. */
const stepsOf = (plan: WritePlan | undefined): WriteStep[] => [...(plan?.early ?? []), ...(plan?.last ?? [])];

const kinds = (plan: WritePlan | undefined) => stepsOf(plan).map((s) => `${s.kind} ${s.sheet}`);

describe('one write path: Excel and the preview plan the same steps', () => {
  const plan = planFromJson(barnetJsonCopy()).plan;
  const layout: WorkbookPlan = workbookLayout(plan, 'tables', { today: TEST_DAY });

  test('a new workbook, a person typing over an input, and the Pool sheet renamed', async () => {
    const h = hosts();
    await h.excel.apply(layout);
    await h.preview.apply(layout);
    expect(stepsOf(h.memory[0]).length).toBeGreaterThan(layout.sheets.length);
    expect(stepsOf(h.memory[0])).toEqual(stepsOf(h.office[0]));
    // Both hosts now hold the registry, so the second command writes only what differs.
    expect(h.preview.engine.doesSheetExist(REGISTRY_SHEET)).toBe(true);

    // A person types over a pool contribution in both; the same plan written again puts it back.
    const pool = layout.sheets.find((s) => s.name === POOL_SHEETS.pool)!;
    const row = pool.rows.findIndex((cells) => cells.some((c) => typeof c?.value === 'number'));
    const column = pool.rows[row].findIndex((c) => typeof c?.value === 'number');
    h.book.setCell(h.book.sheet(POOL_SHEETS.pool), row, column, 12345);
    h.preview.setCell(POOL_SHEETS.pool, row, column, 12345);
    await h.excel.apply(layout);
    await h.preview.apply(layout);
    expect(kinds(h.memory[1])).toContain(`cells ${POOL_SHEETS.pool}`);
    expect(stepsOf(h.memory[1])).toEqual(stepsOf(h.office[1]));

    // Renamed in both: the registry finds it, so both write to "Pooled budget" and make no new Pool sheet.
    h.book.renameSheet(POOL_SHEETS.pool, 'Pooled budget');
    h.preview.renameSheet(POOL_SHEETS.pool, 'Pooled budget');
    h.preview.setCell('Pooled budget', row, column, 999);
    h.book.setCell(h.book.sheet('Pooled budget'), row, column, 999);
    // A new session: a running one's read cache (sheetCache.ts) still holds other sheets' formulas as
    // they were before the rename, and rewrites them unchanged; that is reading, not the write path.
    await new OfficeWorkbook(loadExcel({ respond: h.book.respond }).Excel, {
      onWrites: (w) => h.office.push(w),
    }).apply(layout);
    await h.preview.apply(layout);
    expect(kinds(h.memory[2])).toContain('cells Pooled budget');
    expect(kinds(h.memory[2])).not.toContain(`addSheet ${POOL_SHEETS.pool}`);
    expect(stepsOf(h.memory[2])).toEqual(stepsOf(h.office[2]));
    expect(h.preview.engine.doesSheetExist(POOL_SHEETS.pool)).toBe(false);
    const read = await h.preview.read([POOL_SHEETS.pool]);
    expect(findSheet(read, POOL_SHEETS.pool)?.values[row][column]).toBe(pool.rows[row][column]?.value);
  });

  test("a person's own sheet called Pool is left alone by both, and the add-in's is BCF Pool", async () => {
    const h = hosts();
    h.book = new FakeWorkbook({ sheets: { Sheet1: [], Pool: [['My own notes']] } });
    const excel = new OfficeWorkbook(loadExcel({ respond: h.book.respond }).Excel, {
      onWrites: (w) => h.office.push(w),
    });
    h.preview.engine.addSheet('Pool');
    h.preview.setCell('Pool', 0, 0, 'My own notes');
    await excel.apply(layout);
    await h.preview.apply(layout);
    expect(kinds(h.memory[0])).toContain(`addSheet BCF ${POOL_SHEETS.pool}`);
    expect(stepsOf(h.memory[0])).toEqual(stepsOf(h.office[0]));
    expect(h.preview.value('Pool', 0, 0)).toBe('My own notes');
  });
});
