import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { partText, requireComplete, workbookParts } from './xlsxParts';
import { attribute, decodeXml, isNameEnd, itemText, startTags } from './xmlText';
import { TextCache, worksheetSnapshot, type CellContext } from './worksheetXml';
import { UnreadableXlsx, zipEntries } from './zipEntries';

/**
 * Reads the values and formulas of an .xlsx straight from its XML parts. ExcelJS builds a full
 * object model of every cell, style and column first, which for a 1,000-scheme plan with its
 * Benefit Cards (65 MB of XML) takes seven seconds; the audit needs a tenth of that model.
 * Throws NotForLeanReader for what only ExcelJS handles, so the caller can fall back to it.
 */
export function leanXlsxToSnapshot(data: Buffer): WorkbookSnapshot {
  const zip = zipEntries(data);
  const book = workbookParts(zip);
  const byType = (type: string) => [...book.rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const context: CellContext = {
    sharedStrings: sharedStrings(
      complete(partText(zip, byType('sharedStrings') ?? 'xl/sharedStrings.xml'), 'sst', 'of shared strings'),
    ),
    ...styleFormats(complete(partText(zip, byType('styles') ?? 'xl/styles.xml'), 'styleSheet', 'of styles')),
    cells: 0,
    places: 0,
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(book.workbookXml),
    formulas: new TextCache((raw) => `=${decodeXml(raw)}`),
    texts: new TextCache(decodeXml),
  };
  const sheets: SheetSnapshot[] = [];
  for (const { name, part } of book.worksheets) {
    const xml = partText(zip, part);
    if (xml === undefined)
      throw new UnreadableXlsx(`damaged: the sheet "${name}" has no part (${part} is not in the file)`);
    sheets.push(worksheetSnapshot(name, xml, context));
  }
  return context.date1904 ? { sheets, date1904: true } : { sheets };
}

function complete(xml: string | undefined, root: string, part: string): string | undefined {
  if (xml !== undefined) requireComplete(xml, root, part);
  return xml;
}

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let at = xml.indexOf('<si');
  while (at >= 0) {
    const tagEnd = xml.indexOf('>', at);
    const next = xml.charCodeAt(at + 3);
    if (!isNameEnd(next)) {
      at = xml.indexOf('<si', tagEnd);
      continue;
    }
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      strings.push('');
      at = xml.indexOf('<si', tagEnd);
      continue;
    }
    const close = xml.indexOf('</si>', tagEnd);
    if (close < 0) throw new UnreadableXlsx('the shared strings part is cut short');
    strings.push(itemText(xml.slice(tagEnd + 1, close)));
    at = xml.indexOf('<si', close);
  }
  return strings;
}

/** Built-in number formats that show a date or time (the ones ExcelJS knows: 14-22 and 45-47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** The codes of the built-in number formats, as ExcelJS names them (ids it doesn't name give no format). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Which cell styles show dates, and the number format of each style (null for General). */
function styleFormats(xml: string | undefined): { dateStyles: Set<number>; styleFormats: (string | null)[] } {
  const styles = new Set<number>();
  const formats: (string | null)[] = [];
  if (!xml) return { dateStyles: styles, styleFormats: formats };
  const custom = new Map<number, string>();
  // Only the workbook's own list: conditional formats (<dxfs>) carry numFmt elements too.
  const list = xml.indexOf('<numFmts');
  if (list >= 0)
    for (const tag of startTags(xml, 'numFmt', list, xml.indexOf('</numFmts>', list)))
      custom.set(Number(attribute(tag, 'numFmtId')), unescapeFormat(attribute(tag, 'formatCode') ?? ''));
  const start = xml.indexOf('<cellXfs');
  if (start < 0) return { dateStyles: styles, styleFormats: formats };
  let index = 0;
  for (const tag of startTags(xml, 'xf', start, xml.indexOf('</cellXfs>', start))) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id))) styles.add(index);
    const format = id ? code || BUILT_IN_FORMATS[id] : undefined;
    formats.push(format && format !== 'General' ? format : null);
    index++;
  }
  return { dateStyles: styles, styleFormats: formats };
}

/** A format shows a date when, outside quoted text and [..] sections, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A backslash in a format shows the next character as itself; the code is kept without them, as ExcelJS keeps it. */
function unescapeFormat(code: string): string {
  return code.replace(/\\(.)/g, '$1');
}
