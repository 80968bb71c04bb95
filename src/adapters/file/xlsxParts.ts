import type { DefinedName } from '../../workbook/snapshot';
import { attribute, decodeXml, startTags } from './xmlText';
import { UnreadableXlsx, NotForLeanReader, type ZipEntries } from './zipEntries';

/** How an .xlsx hangs together: the workbook part, its relationships, and its worksheets in tab order. */
export interface WorkbookParts {
  readonly workbookXml: string;
  readonly rels: ReadonlyMap<string, Relationship>;
  readonly worksheets: readonly { readonly name: string; readonly part: string }[];
}

export interface Relationship {
  readonly type: string;
  readonly target: string;
}

export function workbookParts(zip: ZipEntries): WorkbookParts {
  const workbookPath = officeDocumentPath(zip);
  const workbookXml = partText(zip, workbookPath);
  if (workbookXml === undefined) throw new UnreadableXlsx(notAWorkbook(zip, workbookPath));
  if (
    !/^(?:\s*<\?[^>]*\?>)?(?:\s*<!--[\s\S]*?-->)*\s*<(?:[A-Za-z_][\w.-]*:)?workbook[\s>]/.test(
      workbookXml.slice(0, 4096),
    )
  )
    throw new UnreadableXlsx(notAWorkbook(zip, workbookPath, workbookXml));
  requireComplete(workbookXml, 'workbook', workbookPath);
  if (!/<(?:[A-Za-z_][\w.-]*:)?sheets[\s>]/.test(workbookXml))
    throw new UnreadableXlsx(
      'the workbook lists no sheets (an Excel workbook has at least one), so the file is damaged',
    );
  const rels = relationships(zip, workbookPath);
  const worksheets: { name: string; part: string }[] = [];
  const names = new Set<string>();
  const listStart = workbookXml.indexOf('<sheets');
  for (const tag of startTags(workbookXml, 'sheet', listStart, workbookXml.indexOf('</sheets>', listStart))) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    if (name === undefined || id === undefined)
      throw new NotForLeanReader('a sheet entry without a name or relationship id');
    // Excel compares sheet names ignoring case, and refuses a workbook with two of one name.
    if (names.has(name.toLowerCase())) throw new UnreadableXlsx(`damaged: two sheets are named "${name}"`);
    names.add(name.toLowerCase());
    const rel = rels.get(id);
    if (!rel)
      throw new UnreadableXlsx(`damaged: the sheet "${name}" has no part (the workbook doesn't say where it is)`);
    if (rel.type.endsWith('/worksheet')) worksheets.push({ name, part: rel.target });
  }
  return { workbookXml, rels, worksheets };
}

/**
 * The workbook's defined names (the unit costs a plan's formulas use by name, say), without Excel's
 * own (_xlnm.Print_Area and the like). Formulas read from the sheets need them to be worked out again.
 */
export function definedNames(book: WorkbookParts): DefinedName[] {
  const xml = book.workbookXml;
  const listStart = xml.indexOf('<sheets');
  const sheets = [...startTags(xml, 'sheet', listStart, xml.indexOf('</sheets>', listStart))].map(
    (tag) => attribute(tag, 'name') ?? '',
  );
  const start = xml.indexOf('<definedNames');
  const end = xml.indexOf('</definedNames>', start);
  if (start < 0 || end < 0) return [];
  const names: DefinedName[] = [];
  for (let at = xml.indexOf('<definedName', start + 1); at >= 0 && at < end; at = xml.indexOf('<definedName', at + 1)) {
    const tagEnd = xml.indexOf('>', at);
    const close = xml.indexOf('</definedName>', tagEnd);
    if (tagEnd < 0 || close < 0 || xml.charCodeAt(tagEnd - 1) === 47) continue;
    const tag = xml.slice(at, tagEnd + 1);
    const name = attribute(tag, 'name');
    if (!name || name.startsWith('_xlnm.')) continue;
    const local = attribute(tag, 'localSheetId');
    const sheet = local === undefined ? undefined : sheets[Number(local)];
    if (local !== undefined && !sheet) continue;
    names.push({ name, refersTo: decodeXml(xml.slice(tagEnd + 1, close)), ...(sheet ? { sheet } : {}) });
  }
  return names;
}

/** What the file is, when it is a zip but not an Excel workbook: said in the words people know it by. */
function notAWorkbook(zip: ZipEntries, documentPath: string, documentXml?: string): string {
  const kind = (documentXml ?? '').slice(0, 4096);
  if (documentPath.startsWith('word/') || /<(\w+:)?document[\s>]/.test(kind))
    return 'it is a Word document (.docx), not an Excel workbook';
  if (documentPath.startsWith('ppt/') || /<(\w+:)?presentation[\s>]/.test(kind))
    return 'it is a PowerPoint presentation (.pptx), not an Excel workbook';
  const mimetype = zip.has('mimetype') ? (partText(zip, 'mimetype') ?? '') : '';
  if (mimetype.includes('opendocument.spreadsheet'))
    return 'it is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) and try again';
  if (mimetype.includes('opendocument')) return 'it is an OpenDocument file, not an Excel workbook';
  return `it is a zip file with no workbook inside (no ${documentPath}), so not an Excel workbook`;
}

/**
 * A part whose XML stops before its root element closes was cut short: read as it is, a sheet
 * cut in half would look like a sheet with fewer rows.
 */
export function requireComplete(xml: string, root: string, part: string): void {
  let end = xml.length;
  while (end > 0 && xml.charCodeAt(end - 1) <= 32) end--;
  const tail = xml.slice(Math.max(0, end - root.length - 64), end);
  if (new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${root}>$`).test(tail)) return;
  // A root with no content at all: <worksheet ... />.
  if (
    tail.endsWith('/>') &&
    xml.lastIndexOf('<', end) === xml.search(new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${root}[\\s/>]`))
  )
    return;
  throw new UnreadableXlsx(`the part ${part} is cut short (its XML stops before the end), so the file is damaged`);
}

/** Where a part's relationships are kept: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function partText(zip: ZipEntries, path: string): string | undefined {
  const xml = zip.read(path)?.toString('utf8');
  return xml === undefined ? xml : withoutRootPrefix(xml);
}

/**
 * A part whose elements carry a namespace prefix, as the .NET Open XML SDK writes them
 * (<x:worksheet xmlns:x="...spreadsheetml/2006/main"><x:sheetData>...), with the root's prefix
 * taken off its elements: the same XML to a namespace-aware reader, and what the lean reader reads.
 * Text can't hold a raw "<", so only element names change.
 */
function withoutRootPrefix(xml: string): string {
  const root = /^(?:\s*<\?[^>]*\?>)?(?:\s*<!--[\s\S]*?-->)*\s*<([A-Za-z_][\w.-]*):[A-Za-z_]/.exec(xml.slice(0, 4096));
  if (!root) return xml;
  return xml.replace(new RegExp(`<(/?)${root[1].replace(/[.]/g, '\\.')}:`, 'g'), '<$1');
}

function officeDocumentPath(zip: ZipEntries): string {
  const rels = partText(zip, '_rels/.rels');
  for (const tag of rels ? startTags(rels, 'Relationship') : []) {
    if (attribute(tag, 'Type')?.endsWith('/officeDocument')) return resolvePart('', attribute(tag, 'Target') ?? '');
  }
  return 'xl/workbook.xml';
}

function relationships(zip: ZipEntries, part: string): Map<string, Relationship> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const xml = partText(zip, relationshipsPath(part)) ?? '';
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
export function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}
