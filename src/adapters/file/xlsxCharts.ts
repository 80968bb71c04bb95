import { cellAddress, parseAddress, sheetRef } from '../../workbook/a1';
import type { ChartPlan, WorkbookPlan } from '../../workbook/sheetPlan';
import { partText, relationshipsPath, workbookParts } from './xlsxParts';
import { zipEntries } from './zipEntries';

const NS = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  package: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL_TYPE = { drawing: `${NS.rel}/drawing`, chart: `${NS.rel}/chart` };
const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
/** The chart covers this many columns and rows from its anchor cell, about Excel's default size. */
const SPAN = { columns: 8, rows: 16 };
const DRAWING_REL_ID = 'rIdBcfDrawing';
/** Elements a worksheet may have after <drawing>: it goes before the first of them. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

/**
 * The parts that add the layouts' line charts (a card's cumulative benefit, planned against
 * realised) to an .xlsx written by ExcelJS, which writes no charts: a chart part and a drawing per
 * sheet, linked from the sheet and listed in the content types, by part name. The chart reads the
 * sheet's own cells, so Excel and LibreOffice draw it from the live figures.
 */
export function chartParts(xlsx: Buffer, plan: WorkbookPlan): Map<string, string> {
  const changes = new Map<string, string>();
  const withCharts = plan.sheets.filter((s) => s.charts?.length);
  if (!withCharts.length) return changes;
  const zip = zipEntries(xlsx);
  const parts = new Map(workbookParts(zip).worksheets.map((w) => [w.name, w.part]));
  const overrides: string[] = [];
  let chartCount = 0;
  withCharts.forEach((sheet, i) => {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`the workbook has no "${sheet.name}" sheet to draw its chart on`);
    const drawing = `xl/drawings/drawing${i + 1}.xml`;
    const charts = (sheet.charts ?? []).map((chart) => ({ chart, part: `xl/charts/chart${++chartCount}.xml` }));
    charts.forEach(({ chart, part: chartPart }) => {
      changes.set(chartPart, chartXml(sheet.name, chart));
      overrides.push(override(chartPart, CONTENT_TYPE.chart));
    });
    changes.set(drawing, drawingXml(charts.map(({ chart }) => chart)));
    changes.set(
      relationshipsPath(drawing),
      relationshipsXml(
        charts.map(({ part: chartPart }, k) =>
          relationship(`rId${k + 1}`, REL_TYPE.chart, `../charts/${chartPart.split('/').pop()}`),
        ),
      ),
    );
    overrides.push(override(drawing, CONTENT_TYPE.drawing));
    const sheetRels = relationshipsPath(part);
    const existing = partText(zip, sheetRels);
    const link = relationship(DRAWING_REL_ID, REL_TYPE.drawing, `../drawings/drawing${i + 1}.xml`);
    changes.set(
      sheetRels,
      existing ? existing.replace('</Relationships>', `${link}</Relationships>`) : relationshipsXml([link]),
    );
    changes.set(part, withDrawing(partText(zip, part) ?? ''));
  });
  const types = partText(zip, '[Content_Types].xml') ?? '';
  changes.set('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  return changes;
}

function withDrawing(sheetXml: string): string {
  // Everything that may follow <drawing> comes after the cells: search the tail, not 50 KB of cells ten times.
  const tail = Math.max(0, sheetXml.lastIndexOf('</sheetData>'));
  if (sheetXml.includes('<drawing ', tail)) throw new Error('the sheet already has a drawing');
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag, tail)).filter((i) => i >= 0));
  const xml = `${sheetXml.slice(0, at)}<drawing r:id="${DRAWING_REL_ID}"/>${sheetXml.slice(at)}`;
  const root = xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet')));
  return root.includes(`xmlns:r="${NS.rel}"`) ? xml : xml.replace('<worksheet ', `<worksheet xmlns:r="${NS.rel}" `);
}

function override(part: string, contentType: string): string {
  return `<Override PartName="/${part}" ContentType="${contentType}"/>`;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

function relationshipsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.package}">${items.join('')}</Relationships>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A range of the chart's own sheet as an absolute, sheet-qualified reference: 'Card 1a'!$A$82:$A$89. */
function absoluteRef(sheet: string, range: string): string {
  const [from, to = from] = range.split(':').map((a) => parseAddress(a));
  return sheetRef(sheet, `${cellAddress(from.row, from.column, true)}:${cellAddress(to.row, to.column, true)}`);
}

function chartXml(sheet: string, chart: ChartPlan): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx><c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat><c:strRef><c:f>${escapeXml(absoluteRef(sheet, chart.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(absoluteRef(sheet, s.range))}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawing}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="&quot;£&quot;#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts.map((chart, k) => {
    const { row, column } = parseAddress(chart.anchor);
    const marker = (tag: string, r: number, c: number) =>
      `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', row, column)}${marker('to', row + SPAN.rows, column + SPAN.columns)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${escapeXml(chart.title.slice(0, 250))}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawing}">${anchors.join('')}</xdr:wsDr>`;
}
