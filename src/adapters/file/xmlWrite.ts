/**
 * Text as XML character data or an attribute value. Control characters XML 1.0 cannot carry are
 * dropped, as ExcelJS drops them, rather than making a file Excel refuses to open.
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return text;
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  package: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

export function relationshipsXml(items: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.package}">${items.join('')}</Relationships>`;
}
