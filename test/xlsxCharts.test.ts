import { planToXlsxBuffer } from '../src/adapters/file/xlsxWriter';
import { relationshipsPath, resolvePart, workbookParts } from '../src/adapters/file/xlsxParts';
import { attribute, startTags } from '../src/adapters/file/xmlText';
import { zipEntries } from '../src/adapters/file/zipEntries';
import { sheetRef } from '../src/workbook/a1';
import { workbookLayout } from '../src/workbook/workbookLayout';
import { barnetPlan } from './support/barnet';
import { TEST_DAY } from './support/testDay';

/**
 * The file adapter writes each card's cumulative chart itself (ExcelJS writes none). These
 * check the parts hang together as Excel requires (LibreOffice opening them and reading the same
 * ranges is checked by npm run test:calc).
 */
describe('charts in workbooks written to .xlsx', () => {
  const layout = workbookLayout(barnetPlan(), 'all', { today: TEST_DAY });
  let zip: ReturnType<typeof zipEntries>;
  beforeAll(async () => {
    zip = zipEntries(await planToXlsxBuffer(layout));
  });
  const text = (part: string) => zip.read(part)?.toString('utf8') ?? '';

  test('every sheet with a chart in the layout links a drawing, and the drawing its charts', () => {
    const parts = new Map(workbookParts(zip).worksheets.map((w) => [w.name, w.part]));
    const withCharts = layout.sheets.filter((s) => s.charts?.length);
    expect(withCharts.length).toBeGreaterThan(3);
    for (const sheet of withCharts) {
      const part = parts.get(sheet.name)!;
      const xml = text(part);
      const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(xml)?.[1];
      expect(drawingId).toBeDefined();
      // Schema order: after the sheet's data and page set-up, before any table parts.
      expect(xml.indexOf('<drawing ')).toBeGreaterThan(xml.indexOf('</sheetData>'));
      expect(xml.indexOf('<drawing ')).toBeGreaterThan(xml.indexOf('<pageMargins'));
      if (xml.includes('<tableParts')) expect(xml.indexOf('<drawing ')).toBeLessThan(xml.indexOf('<tableParts'));
      const rel = [...startTags(text(relationshipsPath(part)), 'Relationship')].find(
        (t) => attribute(t, 'Id') === drawingId,
      )!;
      const drawing = `xl/drawings/${attribute(rel, 'Target')!.split('/').pop()}`;
      const chartTargets = [...startTags(text(relationshipsPath(drawing)), 'Relationship')].map(
        (t) => `xl/charts/${attribute(t, 'Target')!.split('/').pop()}`,
      );
      expect(chartTargets).toHaveLength(sheet.charts!.length);
      sheet.charts!.forEach((chart, i) => {
        const refs = [...text(chartTargets[i]).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) =>
          m[1].replace(/&apos;/g, "'"),
        );
        const absolute = (range: string) =>
          sheetRef(sheet.name, range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2').replace(/\$\$/g, '$'));
        expect(refs).toEqual(chart.series.flatMap((s) => [absolute(chart.categories), absolute(s.range)]));
        expect(text(chartTargets[i])).toContain(chart.title.replace(/&/g, '&amp;'));
      });
    }
  });

  test('every relationship points at a part that is in the file, and every new part has its content type', () => {
    const names = zip.stored().map((e) => e.name);
    const types = text('[Content_Types].xml');
    for (const rels of names.filter((n) => n.endsWith('.rels'))) {
      const folder = rels.replace(/_rels\/[^/]+$/, '');
      for (const tag of startTags(text(rels), 'Relationship')) {
        if (attribute(tag, 'TargetMode') === 'External') continue;
        const target = attribute(tag, 'Target')!;
        const resolved = resolvePart(folder, target);
        expect(names).toContain(resolved);
      }
    }
    for (const part of names.filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n)))
      expect(types).toContain(`PartName="/${part}"`);
  });
});
