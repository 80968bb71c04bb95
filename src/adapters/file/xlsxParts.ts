import { attribute, startTags } from './xmlText';
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
  if (workbookXml === undefined) throw new UnreadableXlsx(`it is a zip file with no workbook inside (no ${workbookPath}), so not an .xlsx`);
  const rels = relationships(zip, workbookPath);
  const worksheets: { name: string; part: string }[] = [];
  const listStart = workbookXml.indexOf('<sheets');
  for (const tag of startTags(workbookXml, 'sheet', listStart, workbookXml.indexOf('</sheets>', listStart))) {
    const name = attribute(tag, 'name');
    const id = attribute(tag, 'r:id');
    if (name === undefined || id === undefined) throw new NotForLeanReader('a sheet entry without a name or relationship id');
    const rel = rels.get(id);
    if (!rel) throw new NotForLeanReader(`sheet "${name}" has no part`);
    if (rel.type.endsWith('/worksheet')) worksheets.push({ name, part: rel.target });
  }
  return { workbookXml, rels, worksheets };
}

/** Where a part's relationships are kept: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function partText(zip: ZipEntries, path: string): string | undefined {
  return zip.read(path)?.toString('utf8');
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
