import ExcelJS from 'exceljs';
import { planToExcelJs } from '../src/adapters/file/excelJsWorkbook';
import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { zipEntries } from '../src/adapters/file/zipEntries';
import type { WorkbookPlan } from '../src/workbook/sheetPlan';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';

/** A small plan with the awkward cases: texts XML must escape, spaces at the ends, cached text results. */
const awkward: WorkbookPlan = {
  sheets: [
    {
      name: "Tom's sheet",
      rows: [
        [{ value: '  padded  ' }, { value: 'a < b & "c"' }, { value: '=1+1' }, { value: true }],
        [
          { value: 12.5, format: '"£"#,##0.00', style: 'input' },
          { formula: '=A2*2', result: 25 },
        ],
        [{ formula: '=IF(A2>1,"big","small")', result: 'big', style: 'warning' }, null, { style: 'total' }],
      ],
      columnWidths: [20, undefined as unknown as number, 8],
      freeze: { rows: 1, columns: 0 },
      validations: [{ range: 'A2:A3', kind: 'decimal', min: 0, message: 'Enter 0 or more.' }],
      tabColor: '2E75B6',
    },
  ],
  names: [{ name: 'Padded', sheet: "Tom's sheet", cell: '$A$1', comment: '' }],
};

async function excelJsRead(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

describe('the streaming .xlsx writer', () => {
  test('a workbook reads back with the same values and formulas as the file ExcelJS writes', async () => {
    for (const plan of [awkward, workbookLayout(barnetPlan(), 'all', { today: TEST_DAY })]) {
      const ours = await xlsxToSnapshot(await planToXlsxBuffer(plan));
      const written = Buffer.from((await planToExcelJs(plan).xlsx.writeBuffer()) as ArrayBuffer);
      const reference = await xlsxToSnapshot(written);
      expect(ours.sheets.map((s) => s.name)).toEqual(reference.sheets.map((s) => s.name));
      ours.sheets.forEach((sheet, i) => {
        expect(sheet.values).toEqual(reference.sheets[i].values);
        expect(sheet.formulas).toEqual(reference.sheets[i].formulas);
      });
    }
  });

  test('what ExcelJS reads of the sheet: frozen rows, widths, drop-downs, styles, tab colour and names', async () => {
    const wb = await excelJsRead(await planToXlsxBuffer(awkward));
    const ws = wb.getWorksheet("Tom's sheet")!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(3).width).toBe(8);
    expect(ws.getCell('A3').dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0],
      error: 'Enter 0 or more.',
    });
    expect(ws.getCell('A2').numFmt).toBe('"£"#,##0.00');
    expect(ws.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(ws.getCell('C3').border?.bottom?.style).toBe('double');
    expect(ws.properties.tabColor).toEqual({ argb: 'FF2E75B6' });
    expect(wb.definedNames.getRanges('Padded').ranges).toEqual(["'Tom''s sheet'!$A$1"]);
  });

  test('every part is listed in the content types and every sheet is compressed', async () => {
    const zip = zipEntries(await planToXlsxBuffer(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY })));
    const names = zip.stored().map((e) => e.name);
    const types = zip.read('[Content_Types].xml')!.toString('utf8');
    for (const part of names.filter((n) => /^xl\/.*\.xml$/.test(n))) expect(types).toContain(`PartName="/${part}"`);
    for (const entry of zip.stored().filter((e) => e.name.startsWith('xl/worksheets/sheet')))
      expect(entry.method).toBe(8);
  });
});
