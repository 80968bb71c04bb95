/**
 * Just enough XML for the parts of an .xlsx the lean reader reads. Office writes these parts in a
 * fixed, namespace-default form; anything else (a prefixed element, say) makes the reader hand
 * the file to ExcelJS rather than guess.
 */

const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

export function decodeXml(raw: string): string {
  // An XML reader sees every line break as \n (a \r that matters is written &#13; or _x000D_).
  const text = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  // A loop rather than a regular expression: formulas are full of &quot; and there are a million of them in a large plan.
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp);
    if (semi < 0) break;
    out += text.slice(from, amp);
    const entity = text.slice(amp + 1, semi);
    const named = NAMED.get(entity);
    if (named !== undefined) out += named;
    else if (entity.charCodeAt(0) === 35)
      out += String.fromCodePoint(entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    else out += text.slice(amp, semi + 1);
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** Excel escapes characters XML can't hold as _xHHHH_ in cell text. */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.indexOf('_x') < 0
    ? decoded
    : decoded.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * An attribute of the start tag from xml[from] ("<") to xml[to] (">"), decoded; undefined when
 * absent. Reads the tag in place (a large sheet has a million of them) and steps over quoted
 * values, so "r" is never found inside ref="..." or inside another attribute's value.
 */
export function attributeIn(xml: string, from: number, to: number, name: string): string | undefined {
  const first = name.charCodeAt(0);
  for (let i = from + 1; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code === 34 || code === 39) {
      i = xml.indexOf(code === 34 ? '"' : "'", i + 1);
      if (i < 0) return undefined;
      continue;
    }
    if (code !== first || !isSpace(xml.charCodeAt(i - 1)) || !xml.startsWith(name, i)) continue;
    let at = i + name.length;
    while (isSpace(xml.charCodeAt(at))) at++;
    if (xml.charCodeAt(at) !== 61) continue;
    at++;
    while (isSpace(xml.charCodeAt(at))) at++;
    const quote = xml.charCodeAt(at);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = xml.indexOf(quote === 34 ? '"' : "'", at + 1);
    return close < 0 ? undefined : decodeXml(xml.slice(at + 1, close));
  }
  return undefined;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Whether the character after "<name" ends the name (so "<c" is not taken for "<col"). */
export function isNameEnd(code: number): boolean {
  return isSpace(code) || code === 62 /* > */ || code === 47; /* / */
}

/** An attribute of a start tag (the text from "<" to ">"), decoded; undefined when absent. */
export function attribute(tag: string, name: string): string | undefined {
  return attributeIn(tag, 0, tag.length - 1, name);
}

/** Every start tag <name ...> or <name .../> in xml, from the "<" to the ">". */
export function* startTags(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  const open = `<${name}`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const next = xml.charCodeAt(at + open.length);
    const end = xml.indexOf('>', at);
    if (end < 0) return;
    if (isNameEnd(next)) yield xml.slice(at, end + 1);
    at = xml.indexOf(open, end);
  }
}

/**
 * The text of a string item (<si> or <is>): its <t> elements joined, plain or in rich-text runs,
 * leaving out phonetic guides (<rPh>), which are not part of what the cell shows.
 */
export function itemText(xml: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<t', at);
    if (open < 0) return out;
    const next = xml.charCodeAt(open + 2);
    const end = xml.indexOf('>', open);
    if (end < 0) return out;
    if (!isNameEnd(next)) {
      at = end;
      continue;
    }
    const phonetic = xml.lastIndexOf('<rPh', open);
    if (phonetic >= 0 && xml.lastIndexOf('</rPh>', open) < phonetic) {
      at = xml.indexOf('</rPh>', open);
      if (at < 0) return out;
      continue;
    }
    if (xml.charCodeAt(end - 1) === 47) {
      at = end;
      continue;
    }
    const close = xml.indexOf('</t>', end);
    if (close < 0) return out;
    out += decodeCellText(xml.slice(end + 1, close));
    at = close + 4;
  }
}
