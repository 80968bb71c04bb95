import type { SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { attribute, decodeXml, itemText, startTags } from './xmlText';
import { TextCache, worksheetSnapshot, type CellContext } from './worksheetXml';
import { DamagedXlsx, NotForLeanReader, zipEntries, type ZipEntries } from './zipEntries';

/**
 * Reads the values and formulas of an .xlsx straight from its XML parts. ExcelJS builds a full
 * object model of every cell, style and column first, which for a 1,000-scheme plan with its
 * Benefit Cards (65 MB of XML) takes seven seconds; the audit needs a tenth of that model.
 * Throws NotForLeanReader for what only ExcelJS handles, so the caller can fall back to it.
 */
export function leanXlsxToSnapshot(data: Buffer): WorkbookSnapshot {
  const zip = zipEntries(data);
  const workbookPath = officeDocumentPath(zip);
  const workbookXml = partText(zip, workbookPath);
  if (workbookXml === undefined) throw new DamagedXlsx(`it is a zip file with no workbook inside (no ${workbookPath}), so not an .xlsx`);
  const rels = relationships(zip, workbookPath);
  const byType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const context: CellContext = {
    sharedStrings: sharedStrings(partText(zip, byType('sharedStrings') ?? 'xl/sharedStrings.xml')),
    dateStyles: dateStyles(partText(zip, byType('styles') ?? 'xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml),
    formulas: new TextCache((raw) => `=${decodeXml(raw)}`),
    texts: new TextCache(decodeXml),
  };
  const sheets: SheetSnapshot[] = [];
  const listStart = workbookXml.indexOf('<sheets');
  for (const tag of startTags(workbookXml, 'sheet', listStart, workbookXml.indexOf('</sheets>', listStart))) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    if (name === undefined || id === undefined) throw new NotForLeanReader('a sheet entry without a name or relationship id');
    const rel = rels.get(id);
    if (!rel) throw new NotForLeanReader(`sheet "${name}" has no part`);
    if (!rel.type.endsWith('/worksheet')) continue;
    const xml = partText(zip, rel.target);
    if (xml === undefined) throw new NotForLeanReader(`sheet "${name}": no ${rel.target} part`);
    sheets.push(worksheetSnapshot(name, xml, context));
  }
  return { sheets };
}

function partText(zip: ZipEntries, path: string): string | undefined {
  return zip.read(path)?.toString('utf8');
}

function officeDocumentPath(zip: ZipEntries): string {
  const rels = partText(zip, '_rels/.rels');
  for (const tag of rels ? startTags(rels, 'Relationship') : []) {
    if (attribute(tag, 'Type')?.endsWith('/officeDocument')) return resolvePart('', attribute(tag, 'Target') ?? '');
  }
  return 'xl/workbook.xml';
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function relationships(zip: ZipEntries, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const folder = part.slice(0, slash + 1);
  const xml = partText(zip, `${folder}_rels/${part.slice(slash + 1)}.rels`) ?? '';
  const rels = new Map<string, Relationship>();
  for (const tag of startTags(xml, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id === undefined || target === undefined || attribute(tag, 'TargetMode') === 'External') continue;
    rels.set(id, { type: attribute(tag, 'Type') ?? '', target: resolvePart(folder, target) });
  }
  return rels;
}

/** A relationship's target as a path inside the archive: absolute ("/xl/...") or relative to the part's folder. */
function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let at = xml.indexOf('<si');
  while (at >= 0) {
    const tagEnd = xml.indexOf('>', at);
    const next = xml.charCodeAt(at + 3);
    if (next !== 62 && next !== 32 && next !== 47) {
      at = xml.indexOf('<si', tagEnd);
      continue;
    }
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      strings.push('');
      at = xml.indexOf('<si', tagEnd);
      continue;
    }
    const close = xml.indexOf('</si>', tagEnd);
    if (close < 0) throw new DamagedXlsx('the shared strings part is cut short');
    strings.push(itemText(xml.slice(tagEnd + 1, close)));
    at = xml.indexOf('<si', close);
  }
  return strings;
}

/** Built-in number formats that show a date or time (the ones ExcelJS knows: 14-22 and 45-47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function dateStyles(xml: string | undefined): Set<number> {
  const styles = new Set<number>();
  if (!xml) return styles;
  const custom = new Map<number, string>();
  // Only the workbook's own list: conditional formats (<dxfs>) carry numFmt elements too.
  const list = xml.indexOf('<numFmts');
  if (list >= 0) for (const tag of startTags(xml, 'numFmt', list, xml.indexOf('</numFmts>', list))) custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
  const start = xml.indexOf('<cellXfs');
  if (start < 0) return styles;
  let index = 0;
  for (const tag of startTags(xml, 'xf', start, xml.indexOf('</cellXfs>', start))) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (id && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id))) styles.add(index);
    index++;
  }
  return styles;
}

/** A format shows a date when, outside quoted text and [..] sections, it has a date or time letter. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
