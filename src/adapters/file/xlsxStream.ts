import type { SheetPlan, WorkbookPlan } from '../../workbook/sheetPlan';
import { CHART_CONTENT_TYPE, chartXml, drawingXml } from './xlsxCharts';
import { StyleSheet } from './xlsxStyles';
import { SharedStrings, tableXml, worksheetXml } from './worksheetWrite';
import { escapeXml, NS, relationship, relationshipsXml, XML_DECLARATION } from './xmlWrite';
import { ZipWriter } from './zipWriter';

const TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};
const REL = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  styles: `${NS.rel}/styles`,
  theme: `${NS.rel}/theme`,
  sharedStrings: `${NS.rel}/sharedStrings`,
};

/**
 * A workbook plan as .xlsx bytes, written in one pass: each sheet's XML (with its tables, drawing
 * and chart) is made from its plan and compressed into the zip before the next sheet is made, so
 * memory holds one sheet's XML and the compressed file, never the whole workbook uncompressed.
 * The plan must be writable already (writableWorkbook): names unique, texts within Excel's limits.
 */
export function planToXlsxBytes(plan: WorkbookPlan): Buffer {
  const zip = new ZipWriter();
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const overrides: string[] = [];
  const counts = { tables: 0, drawings: 0, charts: 0 };
  plan.sheets.forEach((sheet, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const links = sheetParts(zip, sheet, counts, overrides);
    zip.add(part, worksheetXml(sheet, styles, strings, links.ids));
    if (links.rels.length) zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationshipsXml(links.rels));
    overrides.push(override(part, TYPE.worksheet));
  });
  zip.add('xl/sharedStrings.xml', strings.xml());
  zip.add('xl/styles.xml', styles.xml());
  zip.add('xl/theme/theme1.xml', themeXml());
  zip.add('xl/workbook.xml', workbookXml(plan));
  zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(plan.sheets.length));
  zip.add('docProps/core.xml', coreXml());
  zip.add('docProps/app.xml', appXml(plan));
  zip.add('_rels/.rels', rootRelsXml());
  zip.add('[Content_Types].xml', contentTypesXml(overrides));
  return zip.finish();
}

/** A sheet's table, drawing and chart parts, added to the zip, and the relationships that link them. */
function sheetParts(
  zip: ZipWriter,
  sheet: SheetPlan,
  counts: { tables: number; drawings: number; charts: number },
  overrides: string[],
): { ids: { tables: string[]; drawing?: string }; rels: string[] } {
  const rels: string[] = [];
  const tables: string[] = [];
  for (const table of sheet.tables ?? []) {
    if (table.rowCount === 0) continue; // an empty table makes Excel "repair" the file
    const n = ++counts.tables;
    const id = `rId${rels.length + 1}`;
    zip.add(`xl/tables/table${n}.xml`, tableXml(n, table));
    overrides.push(override(`xl/tables/table${n}.xml`, TYPE.table));
    rels.push(relationship(id, REL.table, `../tables/table${n}.xml`));
    tables.push(id);
  }
  if (!sheet.charts?.length) return { ids: { tables }, rels };
  const drawing = ++counts.drawings;
  const chartRels = sheet.charts.map((chart, k) => {
    const n = ++counts.charts;
    zip.add(`xl/charts/chart${n}.xml`, chartXml(sheet.name, chart));
    overrides.push(override(`xl/charts/chart${n}.xml`, CHART_CONTENT_TYPE.chart));
    return relationship(`rId${k + 1}`, REL.chart, `../charts/chart${n}.xml`);
  });
  zip.add(`xl/drawings/drawing${drawing}.xml`, drawingXml(sheet.charts));
  zip.add(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relationshipsXml(chartRels));
  overrides.push(override(`xl/drawings/drawing${drawing}.xml`, CHART_CONTENT_TYPE.drawing));
  const id = `rId${rels.length + 1}`;
  rels.push(relationship(id, REL.drawing, `../drawings/drawing${drawing}.xml`));
  return { ids: { tables, drawing: id }, rels };
}

function override(part: string, contentType: string): string {
  return `<Override PartName="/${part}" ContentType="${contentType}"/>`;
}

/** A sheet name in a formula: quoted unless it is a plain word that can't be read as a cell. */
function sheetInFormula(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function workbookXml(plan: WorkbookPlan): string {
  const sheets = plan.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.visibility ? ` state="${s.visibility}"` : ''} r:id="rId${i + 4}"/>`,
    )
    .join('');
  const names = plan.names
    .map(
      (n) =>
        `<definedName name="${escapeXml(n.name)}">${escapeXml(`${sheetInFormula(n.sheet)}!${n.cell}`)}</definedName>`,
    )
    .join('');
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><workbookPr/>` +
    `<bookViews><workbookView/></bookViews><sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    relationship(`rId${i + 4}`, REL.worksheet, `worksheets/sheet${i + 1}.xml`),
  );
  return relationshipsXml([
    relationship('rId1', REL.styles, 'styles.xml'),
    relationship('rId2', REL.theme, 'theme/theme1.xml'),
    relationship('rId3', REL.sharedStrings, 'sharedStrings.xml'),
    ...sheets,
  ]);
}

function rootRelsXml(): string {
  return relationshipsXml([
    relationship('rId1', `${NS.rel}/officeDocument`, 'xl/workbook.xml'),
    relationship('rId2', `${NS.package}/metadata/core-properties`, 'docProps/core.xml'),
    relationship('rId3', `${NS.rel}/extended-properties`, 'docProps/app.xml'),
  ]);
}

function coreXml(): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>BCF planner</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`
  );
}

function appXml(plan: WorkbookPlan): string {
  const titles = plan.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${plan.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${plan.sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts></Properties>`
  );
}

function contentTypesXml(overrides: readonly string[]): string {
  const base = 'application/vnd.openxmlformats-officedocument';
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${base}.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${base}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${base}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/xl/theme/theme1.xml" ContentType="${base}.theme+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${base}.extended-properties+xml"/>` +
    `${overrides.join('')}</Types>`
  );
}

/** Office's default theme, as ExcelJS ships it: the default font's colour and the table style refer to it. */
function themeXml(): string {
  return require('exceljs/lib/xlsx/xml/theme1.js') as string;
}
