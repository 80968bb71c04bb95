'use strict';
/**
 * Offline checks of the add-in manifest, shared by scripts/validate-manifest.js (npm run validate),
 * scripts/make-manifest.js and test/manifest.test.ts. Dependency-free: a small XML parser that
 * rejects malformed XML, then the rules Office applies when it loads an add-in that we can check
 * without the network. checkManifest returns a list of problems; an empty list means it passed.
 */
const fs = require('fs');
const path = require('path');

/** Parses XML into { name, attrs, children, text }; throws "line N: ..." on anything malformed. */
function parseXml(source) {
  let i = 0;
  const line = () => source.slice(0, i).split('\n').length;
  const fail = (message) => {
    throw new Error(`XML is not well-formed at line ${line()}: ${message}`);
  };
  const NAME = /[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/y;
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  // XML forbids "--" inside a comment; Office's own parser rejects the manifest for it.
  const skipComment = () => {
    const end = source.indexOf('-->', i + 4);
    if (end < 0) fail('unclosed comment');
    if (source.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
    i = end + 3;
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', i)) {
        skipComment();
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i + 2);
        if (end < 0) fail('unclosed declaration');
        i = end + 2;
      } else return;
    }
  };
  const decode = (text) => {
    return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|[^;]*);?/gi, (all, entity) => {
      if (!all.endsWith(';')) fail(`bare "&" in "${text.slice(0, 40)}"`);
      const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity];
      if (named) return named;
      if (/^#x/i.test(entity)) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (/^#\d+$/.test(entity)) return String.fromCodePoint(Number(entity.slice(1)));
      return fail(`unknown entity &${entity};`);
    });
  };
  const element = () => {
    if (source[i] !== '<') fail('expected "<"');
    i++;
    const node = { name: readName(), attrs: {}, children: [], text: '', line: line() };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      skipSpace();
      if (source[i] !== '=') fail(`attribute ${attr} has no value`);
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} value is not quoted`);
      const end = source.indexOf(quote, i + 1);
      if (end < 0) fail(`attribute ${attr} value is not closed`);
      if (attr in node.attrs) fail(`attribute ${attr} appears twice`);
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) fail(`"<" in the value of ${attr}`);
      node.attrs[attr] = decode(raw);
      i = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) fail(`<${node.name}> is never closed`);
      node.text += decode(source.slice(i, next));
      i = next;
      if (source.startsWith('</', i)) {
        i += 2;
        const name = readName();
        if (name !== node.name) fail(`</${name}> closes <${node.name}>`);
        skipSpace();
        if (source[i] !== '>') fail('expected ">"');
        i++;
        node.text = node.text.trim();
        return node;
      }
      if (source.startsWith('<!--', i)) {
        skipComment();
        continue;
      }
      if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unclosed CDATA');
        node.text += source.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      node.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < source.length) fail('content after the root element');
  return root;
}

const local = (name) => name.slice(name.indexOf(':') + 1);
const childrenNamed = (node, name) => node.children.filter((c) => local(c.name) === name);
const child = (node, name) => node && childrenNamed(node, name)[0];
function walk(node, visit) {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
function pngSize(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buffer.length < 24 || signature.some((b, k) => buffer[k] !== b) || buffer.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

// Which kind of resource each resid-bearing element must point at.
const RESID_KINDS = {
  Image: 'Image',
  SourceLocation: 'Url',
  FunctionFile: 'Url',
  LearnMoreUrl: 'Url',
  Label: 'ShortString',
  Title: 'ShortString',
  Description: 'LongString',
};

/**
 * Problems with a manifest, as sentences. assetsDir: where icon files live (the URL path
 * ".../assets/icon-32.png" maps to assetsDir/icon-32.png).
 */
function checkManifest(xml, { assetsDir = path.join(__dirname, '..', 'assets') } = {}) {
  const problems = [];
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [e.message];
  }
  const need = (node, name, where) => {
    const found = child(node, name);
    if (!found) problems.push(`<${name}> is missing from <${where}>.`);
    return found;
  };
  if (local(root.name) !== 'OfficeApp') return [`The root element is <${root.name}>, not <OfficeApp>.`];
  if (root.attrs['xsi:type'] !== 'TaskPaneApp')
    problems.push('OfficeApp must be xsi:type="TaskPaneApp" for an Excel task-pane add-in.');

  const id = need(root, 'Id', 'OfficeApp');
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text))
    problems.push(`<Id> "${id.text}" is not a GUID.`);
  const version = need(root, 'Version', 'OfficeApp');
  if (version && !/^\d+(\.\d+){0,3}$/.test(version.text))
    problems.push(`<Version> "${version.text}" must be up to four numbers, e.g. 1.0.0.0.`);
  const provider = need(root, 'ProviderName', 'OfficeApp');
  if (provider && !provider.text) problems.push('<ProviderName> is empty.');
  need(root, 'DefaultLocale', 'OfficeApp');
  for (const name of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const node = need(root, name, 'OfficeApp');
    if (node && !node.attrs.DefaultValue) problems.push(`<${name}> has no DefaultValue.`);
  }
  const display = child(root, 'DisplayName');
  if (display && display.attrs.DefaultValue && display.attrs.DefaultValue.length > 125)
    problems.push('<DisplayName> is longer than 125 characters.');
  const description = child(root, 'Description');
  if (description && description.attrs.DefaultValue && description.attrs.DefaultValue.length > 250)
    problems.push('<Description> is longer than 250 characters.');
  const domains = need(root, 'AppDomains', 'OfficeApp');
  const hosts = need(root, 'Hosts', 'OfficeApp');
  if (hosts && !childrenNamed(hosts, 'Host').some((h) => h.attrs.Name === 'Workbook'))
    problems.push('<Hosts> must list <Host Name="Workbook"/> (Excel).');
  const settings = need(root, 'DefaultSettings', 'OfficeApp');
  if (settings) {
    const source = need(settings, 'SourceLocation', 'DefaultSettings');
    if (source && !source.attrs.DefaultValue) problems.push('<SourceLocation> has no DefaultValue.');
  }
  const permissions = childrenNamed(root, 'Permissions');
  if (permissions.length !== 1 || permissions[0].text !== 'ReadWriteDocument') {
    problems.push(
      `<Permissions> must be exactly ReadWriteDocument (found ${permissions.map((p) => p.text).join(', ') || 'none'}): the add-in reads and writes the workbook and needs nothing more.`,
    );
  }

  // Every URL is HTTPS, and every domain too.
  walk(root, (node) => {
    for (const [attr, value] of Object.entries(node.attrs)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value) && !attr.startsWith('xmlns')) {
        problems.push(`${local(node.name)} ${attr}="${value}" is not HTTPS.`);
      }
    }
    if (['AppDomain', 'SourceLocation'].includes(local(node.name)) && node.text && !/^https:\/\//i.test(node.text))
      problems.push(`<${local(node.name)}> ${node.text} is not HTTPS.`);
  });
  if (domains)
    for (const d of childrenNamed(domains, 'AppDomain'))
      if (!/^https:\/\/[^/]+\/?$/.test(d.text)) problems.push(`<AppDomain> ${d.text} should be an https:// origin.`);

  // Resources: ids unique, every resid defined with the right kind.
  const overrides = child(root, 'VersionOverrides');
  const defined = new Map();
  const resources = child(overrides, 'Resources');
  if (!overrides) problems.push('<VersionOverrides> is missing: no ribbon button would open the planner.');
  else if (!resources) problems.push('<Resources> is missing from <VersionOverrides>.');
  if (resources) {
    for (const [group, kind] of [
      ['Images', 'Image'],
      ['Urls', 'Url'],
      ['ShortStrings', 'ShortString'],
      ['LongStrings', 'LongString'],
    ]) {
      const list = child(resources, group);
      for (const item of list ? list.children : []) {
        const rid = item.attrs.id;
        if (!rid) problems.push(`An entry of <bt:${group}> has no id.`);
        else if (defined.has(rid)) problems.push(`Resource id "${rid}" is defined twice.`);
        else defined.set(rid, { kind, value: item.attrs.DefaultValue || '' });
        if (!item.attrs.DefaultValue) problems.push(`Resource "${rid}" has no DefaultValue.`);
        if (kind === 'ShortString' && (item.attrs.DefaultValue || '').length > 125)
          problems.push(`Short string "${rid}" is longer than 125 characters.`);
        if (kind === 'LongString' && (item.attrs.DefaultValue || '').length > 250)
          problems.push(`Long string "${rid}" is longer than 250 characters.`);
      }
    }
  }
  const imageSizes = []; // [url, expected pixels, where]
  if (overrides) {
    walk(overrides, (node) => {
      const rid = node.attrs.resid;
      if (rid === undefined) return;
      const want = RESID_KINDS[local(node.name)];
      const found = defined.get(rid);
      if (!found)
        problems.push(`resid "${rid}" (on <${local(node.name)}>, line ${node.line}) is not defined in <Resources>.`);
      else if (want && found.kind !== want)
        problems.push(`resid "${rid}" on <${local(node.name)}> must be a ${want}, but it is a ${found.kind}.`);
      else if (local(node.name) === 'Image' && node.attrs.size)
        imageSizes.push([found.value, Number(node.attrs.size), `Image ${rid}`]);
    });
    let hasButton = false;
    walk(overrides, (node) => {
      if (local(node.name) === 'OfficeTab' && node.attrs.id === 'TabHome') {
        walk(node, (n) => {
          if (local(n.name) === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane') hasButton = true;
        });
      }
    });
    if (!hasButton)
      problems.push('There is no button on the Home tab (OfficeTab id="TabHome") that shows the task pane.');
  }
  const icon = child(root, 'IconUrl');
  const hiRes = child(root, 'HighResolutionIconUrl');
  if (icon && icon.attrs.DefaultValue) imageSizes.push([icon.attrs.DefaultValue, 32, 'IconUrl']);
  if (hiRes && hiRes.attrs.DefaultValue) imageSizes.push([hiRes.attrs.DefaultValue, 64, 'HighResolutionIconUrl']);
  for (const [url, pixels, where] of imageSizes) {
    const match = /\/assets\/([^/?#]+)$/.exec(url);
    if (!match) {
      problems.push(`${where} ${url} is not a file in assets/.`);
      continue;
    }
    const file = path.join(assetsDir, match[1]);
    if (!fs.existsSync(file)) {
      problems.push(`${where} points at assets/${match[1]}, which does not exist.`);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) problems.push(`assets/${match[1]} (${where}) is not a PNG.`);
    else if (size.width !== pixels || size.height !== pixels)
      problems.push(
        `assets/${match[1]} (${where}) is ${size.width}x${size.height} px; it must be ${pixels}x${pixels}.`,
      );
  }
  return problems;
}

module.exports = { parseXml, checkManifest, pngSize };
