import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { leanXlsxToSnapshot } from '../src/adapters/file/xlsxLeanReader';
import { shiftFormula } from '../src/adapters/file/sharedFormula';
import { excelJsRead, xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import { planToExcelJs, planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { MAX_PART_BYTES, NotForLeanReader, zipEntries } from '../src/adapters/file/zipEntries';
import { planFromJson } from '../src/domain/planJson';
import { cellAddress } from '../src/workbook/a1';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { randomPlanJson } from './support/randomPlanJson';
import { TEST_DAY } from './support/testDay';

/**
 * The lean reader must give exactly the snapshot ExcelJS gives (ExcelJS is the independent reader
 * here), on workbooks written by ExcelJS, by LibreOffice and by hand, and must hand what it does
 * not read to ExcelJS rather than guess.
 */

const FIXTURES = path.join(__dirname, 'fixtures');

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal workbook whose sheet XML is written by hand, to try what Excel or other tools may write. */
async function handWritten(
  sheetData: string,
  extra: { sharedStrings?: string[]; styles?: string; afterSheetData?: string } = {},
): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Q&amp;A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const rels = [
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`,
  ];
  if (extra.sharedStrings) {
    rels.push(
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`,
    );
    zip.file(
      'xl/sharedStrings.xml',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.sharedStrings.join('')}</sst>`,
    );
  }
  if (extra.styles) {
    rels.push(
      `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
    );
    zip.file('xl/styles.xml', extra.styles);
  }
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${extra.afterSheetData ?? ''}</worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The lean reader's snapshot, checked against ExcelJS's. */
async function same(data: Buffer) {
  const lean = leanXlsxToSnapshot(data);
  expect(lean).toEqual(await excelJsRead(data));
  return lean;
}

describe('the lean .xlsx reader gives what ExcelJS gives', () => {
  test('the Barnet workbook as bcf build writes it, every sheet', async () => {
    const snapshot = await same(await planToXlsxBuffer(workbookLayout(barnetPlan(), 'all', { today: TEST_DAY })));
    expect(snapshot.sheets.length).toBeGreaterThan(10);
    expect(snapshot.sheets.some((s) => s.formulas?.some((row) => row.some((f) => f !== null)))).toBe(true);
  });

  test('the Barnet workbook after LibreOffice has saved it', async () => {
    await same(await fs.readFile(path.join(FIXTURES, 'barnet-saved-by-libreoffice.xlsx')));
  });

  test("the plan's tables typed in as printed", async () => {
    await same(await fs.readFile(path.join(FIXTURES, 'barnet-tables-as-printed.xlsx')));
  });

  test('random plans with Benefit Cards', async () => {
    for (const seed of [1, 2])
      await same(
        await planToXlsxBuffer(
          workbookLayout(planFromJson(randomPlanJson(seed, { schemes: 12 })).plan, 'all', { today: TEST_DAY }),
        ),
      );
  });

  test('dates, booleans, errors, rich text, merged cells, escapes and formulas that give 0, "" or FALSE', async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet("Tom's & Jerry's");
      ws.getCell('A1').value = new Date(Date.UTC(2015, 3, 1));
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('A2').value = 42370.5;
      ws.getCell('A2').numFmt = '[$-809]d mmmm yyyy;@';
      ws.getCell('A3').value = 1234.5;
      ws.getCell('A3').numFmt = '"£"#,##0.00;[Red]-"£"#,##0.00';
      ws.getCell('B1').value = true;
      ws.getCell('B2').value = false;
      ws.getCell('B3').value = { error: '#DIV/0!' };
      ws.getCell('C1').value = { richText: [{ text: 'Rapid ', font: { bold: true } }, { text: 'Care' }] };
      ws.getCell('C2').value = 'Fish & chips <3 "quoted" café\r\nline two\u0001';
      ws.getCell('C3').value = '';
      ws.getCell('D1').value = { formula: 'B1*0', result: 0 };
      ws.getCell('D2').value = { formula: 'IF(1=1,"","x")', result: '' };
      ws.getCell('D3').value = { formula: 'NOT(B1)', result: false };
      ws.getCell('D4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('D5').value = { formula: 'A1', result: new Date(Date.UTC(2015, 3, 1)) };
      ws.getCell('D5').numFmt = 'yyyy-mm-dd';
      ws.getCell('E1').value = 'Merged heading';
      ws.mergeCells('E1:G2');
      ws.getCell('H1').value = { formula: 'SUM(A3,1)', result: 1235.5 };
      ws.mergeCells('H1:H3');
      ws.getCell('A7').value = -1.5e-12;
      ws.getCell('Z40').value = 'far away';
      const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
      hidden.getCell('A1').value = 1;
      wb.addWorksheet('Empty');
    });
    const snapshot = await same(data);
    const [sheet, hidden, empty] = snapshot.sheets;
    expect(sheet.name).toBe("Tom's & Jerry's");
    expect(sheet.values[0][0]).toBe('2015-04-01');
    expect(sheet.values[1][0]).toBe('2016-01-01');
    expect(sheet.values[2][0]).toBe(1234.5);
    expect(sheet.values[0][3]).toBe(0); // a formula giving 0 keeps its 0 (ExcelJS's cell value drops it)
    expect(sheet.values[2][3]).toBe(false);
    expect(sheet.values[1][6]).toBe('Merged heading');
    expect(sheet.formulas?.[2][7]).toBe('=SUM(A3,1)');
    expect(sheet.values[39][25]).toBe('far away');
    expect(hidden.values).toEqual([[1]]);
    expect(empty.values).toEqual([]);
  });
});

describe('what the lean reader leaves to ExcelJS, or refuses', () => {
  test('data table formulas go to ExcelJS', async () => {
    const data = await handWritten(
      '<row r="1"><c r="A1"><f t="dataTable" ref="A1:A2" dt2D="0" dtr="0" r1="B1"/><v>1</v></c></row>',
    );
    expect(() => leanXlsxToSnapshot(data)).toThrow(NotForLeanReader);
  });

  test('a zip cut short names the problem instead of failing somewhere inside', async () => {
    const data = await planToXlsxBuffer(workbookLayout(barnetPlan(), 'tables', { today: TEST_DAY }));
    await expect(xlsxToSnapshot(data.subarray(0, data.length - 40))).rejects.toThrow(/zip directory/);
  });

  test('a part that says it unpacks to more than 256 MB is refused before anything is unpacked', async () => {
    const data = Buffer.from(await planToXlsxBuffer(workbookLayout(barnetPlan(), 'tables', { today: TEST_DAY })));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const entry = data.indexOf(name, data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) - 20000) - 46;
    expect(data.readUInt32LE(entry)).toBe(0x02014b50); // the sheet's entry in the zip directory
    data.writeUInt32LE(MAX_PART_BYTES + 1, entry + 24);
    await expect(xlsxToSnapshot(data)).rejects.toThrow(/unpack to more than 256 MB/);
  });

  test('a workbook with no sheets part is not taken for an empty one', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a workbook');
    await expect(xlsxToSnapshot(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow();
  });
});

describe('shared formulas, as Excel saves formulas filled down or across', () => {
  test("each cell gets the first cell's formula moved by its distance, as ExcelJS works it out", async () => {
    const data = await xlsx((wb) => {
      const ws = wb.addWorksheet('Shared');
      [1, 2, 3].forEach((n, i) => (ws.getCell(`A${i + 1}`).value = n));
      ws.getCell('B1').value = {
        formula: 'A1*2+$A$1',
        result: 3,
        shareType: 'shared',
        ref: 'B1:B3',
      } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 5 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('B3').value = { sharedFormula: 'B1', result: 7 } as ExcelJS.CellSharedFormulaValue;
    });
    const snapshot = await same(data);
    expect(snapshot.sheets[0].formulas?.map((row) => row[1])).toEqual(['=A1*2+$A$1', '=A2*2+$A$1', '=A3*2+$A$1']);
    expect(snapshot.sheets[0].values.map((row) => row[1])).toEqual([3, 5, 7]);
  });

  test('the Barnet workbook with its formulas shared wherever they fill down comes back, and audits, as built', async () => {
    // ExcelJS's own mover decides which cells share a formula, so the grouping is not ours.
    const { slideFormula } = require('exceljs/lib/utils/shared-formula');
    const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
    const wb = planToExcelJs(layout);
    let shared = 0;
    for (const sheet of layout.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      const columns = Math.max(0, ...sheet.rows.map((row) => row.length));
      for (let c = 0; c < columns; c++) {
        for (let r = 0; r < sheet.rows.length; r++) {
          const first = sheet.rows[r][c]?.formula;
          if (!first) continue;
          const at = cellAddress(r, c);
          let end = r;
          while (sheet.rows[end + 1]?.[c]?.formula === `=${slideFormula(first.slice(1), at, cellAddress(end + 1, c))}`)
            end++;
          if (end === r) continue;
          ws.getCell(at).value = {
            formula: first.slice(1),
            result: ws.getCell(at).result,
            shareType: 'shared',
            ref: `${at}:${cellAddress(end, c)}`,
          } as ExcelJS.CellFormulaValue;
          for (let k = r + 1; k <= end; k++)
            ws.getCell(cellAddress(k, c)).value = {
              sharedFormula: at,
              result: ws.getCell(cellAddress(k, c)).result,
            } as ExcelJS.CellSharedFormulaValue;
          shared += end - r;
          r = end;
        }
      }
    }
    expect(shared).toBeGreaterThan(500);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const sheetXml = zipEntries(data)
      .stored()
      .filter((e) => e.name.startsWith('xl/worksheets/sheet'))
      .map((e) => zipEntries(data).read(e.name)!.toString('utf8'))
      .join('');
    expect(sheetXml.match(/<f t="shared" si="\d+"\/>/g)?.length).toBe(shared);
    const snapshot = leanXlsxToSnapshot(data);
    const wrong: string[] = [];
    for (const sheet of layout.sheets) {
      const read = snapshot.sheets.find((s) => s.name === sheet.name)!;
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell?.formula && read.formulas?.[r]?.[c] !== cell.formula)
            wrong.push(`${sheet.name}!${cellAddress(r, c)}: ${read.formulas?.[r]?.[c]} for ${cell.formula}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(
      auditWorkbook(snapshot).findings.filter((f) => f.rule.startsWith('formula') || f.rule === 'typed-over-formula'),
    ).toEqual([]);
  });

  test('moving a formula leaves quoted text, sheet names, functions, names and anchored parts alone', () => {
    expect(shiftFormula(`IF(A1="B2",'Card 1a'!$B$5+Schemes!$A7,SUM(C1:C$3))`, 2, 1)).toBe(
      `IF(B3="B2",'Card 1a'!$B$5+Schemes!$A9,SUM(D3:D$3))`,
    );
    expect(shiftFormula('LOG10(A1)*UnitCost_NEL+COUNTIF(A:A,">0")+SUM(3:4)+INT(x/4)', 1, 1)).toBe(
      'LOG10(B2)*UnitCost_NEL+COUNTIF(B:B,">0")+SUM(4:5)+INT(x/4)',
    );
    expect(shiftFormula(`"It's ""A1"""&A1`, 0, 2)).toBe(`"It's ""A1"""&C1`);
    expect(shiftFormula('A1+XFD1', -1, 1)).toBe('#REF!+#REF!');
  });
});

describe('XML as other tools write it', () => {
  test('single quotes, line breaks in tags, cells and rows without r, <v/> and inline strings', async () => {
    const data = await handWritten(
      `<row r='2'>\n<c r='A2' t='inlineStr'><is><t xml:space="preserve"> Care &amp; Health </t></is></c><c\n s="0"><v>7</v></c><c t="inlineStr"><is><r><t>Rich</t></r><r><rPr/><t> text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>` +
        `<row><c r="A3"><f>A2&amp;"!"</f><v/></c><c r="B3" t="str"><f>"&lt;"&amp;"&gt;"</f><v>&lt;&gt;</v></c><c r="C3" t="s"><v>1</v></c><c r="D3" t="s"><v>0</v></c></row>`,
      {
        sharedStrings: [
          '<si><t>first</t></si>',
          '<si><r><t>Dementia</t></r><r><t xml:space="preserve"> services_x000D_</t></r></si>',
        ],
      },
    );
    const [sheet] = leanXlsxToSnapshot(data).sheets;
    expect(sheet.name).toBe('Q&A');
    expect(sheet.values[1]).toEqual([' Care & Health ', 7, 'Rich text']);
    expect(sheet.values[2]).toEqual([null, '<>', 'Dementia services\r', 'first']);
    expect(sheet.formulas?.[2]).toEqual(['=A2&"!"', '="<"&">"', null, null]);
  });

  test('a merge over whole rows and columns is read without copying its value a billion times', async () => {
    const data = await handWritten('<row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>6</v></c></row>', {
      afterSheetData: '<mergeCells count="2"><mergeCell ref="A1:XFD1048576"/><mergeCell ref="B1:C2"/></mergeCells>',
    });
    expect(leanXlsxToSnapshot(data).sheets[0].values).toEqual([
      [5, 6, 6],
      [null, 6, 6],
    ]);
  });

  test('a cell pointing at a shared string that is not there is an error, not a blank', async () => {
    const data = await handWritten('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', {
      sharedStrings: ['<si><t>only one</t></si>'],
    });
    expect(() => leanXlsxToSnapshot(data)).toThrow(/shared string 5/);
  });

  test('a custom date format in <numFmts> makes a date; the same id in <dxfs> does not', async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d mmm yy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;
    const data = await handWritten(
      '<row r="1"><c r="A1" s="1"><v>41730</v></c><c r="B1" s="2"><v>41730</v></c><c r="C1" s="0"><v>41730</v></c></row>',
      { styles },
    );
    expect(leanXlsxToSnapshot(data).sheets[0].values[0]).toEqual(['2014-04-01', 41730, 41730]);
  });

  test("number formats: each cell its own, General as null, a merged range its top-left cell's, whole numbers exact", async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;[Red]\\-#,##0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
    const data = await handWritten(
      '<row r="1"><c r="A1" s="1"><v>1234</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1" s="3"><v>5</v></c><c r="E1"><v>999999999999999</v></c></row>' +
        '<row r="3"><c r="A3" s="3"><v>007</v></c><c r="B3" s="0"><v>-12</v></c><c r="D3" s="2"><v>1</v></c></row>',
      { styles, afterSheetData: '<mergeCells count="1"><mergeCell ref="B1:C2"/></mergeCells>' },
    );
    const [sheet] = leanXlsxToSnapshot(data).sheets;
    expect(sheet.values).toEqual([
      [1234, 0.25, 0.25, null, 999999999999999],
      [null, 0.25, 0.25],
      [7, -12, null, 1],
    ]);
    expect(sheet.numberFormats).toEqual([
      ['#,##0;[Red]-#,##0', '0.00%', '0.00%', null, null],
      [null, '0.00%', '0.00%'],
      ['#,##0', null, null, '0.00%'],
    ]);
  });
});
