import { XML_UNSAFE_CHARS } from './excelLimits';
import type { Problem } from './problems';

/**
 * The text of a JSON file, read the way people save it: a byte-order mark (Windows Notepad writes
 * one) is skipped; a syntax error names its line and column; nesting deeper than `maxDepth` and a
 * key written twice in one object (JSON.parse would silently keep the last) are refused with the
 * path. Strings are cleaned of characters a workbook can't hold, each reported as a warning.
 */
export function parseJsonText(source: string, maxDepth: number): { json: unknown; problems: Problem[] } {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const problems: Problem[] = [];
  const scanned = scanStructure(text, maxDepth, problems);
  if (!scanned) return { json: undefined, problems };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    problems.push({ severity: 'error', where: { path: '$' }, message: `not valid JSON: ${syntaxMessage(text, (e as Error).message)}` });
    return { json: undefined, problems };
  }
  cleanStrings(json, problems);
  return { json, problems };
}

/** "Unexpected token } in JSON at position 812" becomes "unexpected "}" at line 30, column 5". */
function syntaxMessage(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : text.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const found = at < text.length ? `"${text[at]}"` : 'the end of the file';
  return `unexpected ${found} at line ${line}, column ${column} (check for a missing comma, quote or bracket just before it)`;
}

type Frame = { kind: 'object'; keys: Set<string>; key?: string } | { kind: 'array'; index: number };

/**
 * One pass over the text, without recursion, tracking where each value sits. Only structure is
 * checked here; JSON.parse then judges the syntax. Returns false when the file is refused.
 */
function scanStructure(text: string, maxDepth: number, problems: Problem[]): boolean {
  const stack: Frame[] = [];
  const pathOf = () => pathText(stack.flatMap((f): (string | number)[] => (f.kind === 'array' ? [Math.max(0, f.index)] : f.key === undefined ? [] : [f.key])));
  let expectKey = false;
  // After "[" or "," in a list, the next value starts a new item.
  let itemPending = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch <= 32) continue;
    const top = stack[stack.length - 1];
    if (itemPending && ch !== 93 /* ] */ && top?.kind === 'array') top.index++;
    itemPending = false;
    if (ch === 34 /* " */) {
      const end = stringEnd(text, i);
      if (end < 0) return true; // JSON.parse reports the unclosed string
      if (top?.kind === 'object' && expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return true;
        }
        top.key = key;
        if (top.keys.has(key)) {
          problems.push({ severity: 'error', where: { path: pathOf() }, message: `the key "${key}" is written twice in the same object; JSON keeps only one of them, so say which you mean` });
          return false;
        }
        top.keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (stack.length >= maxDepth) {
        problems.push({ severity: 'error', where: { path: pathOf() }, message: `the file nests more than ${maxDepth} levels deep here; a plan nests about six, so this is not a plan file` });
        return false;
      }
      stack.push(ch === 123 ? { kind: 'object', keys: new Set() } : { kind: 'array', index: -1 });
      expectKey = ch === 123;
      itemPending = ch === 91;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (ch === 44 /* , */) {
      expectKey = top?.kind === 'object';
      itemPending = top?.kind === 'array';
    }
  }
  return true;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 92 /* \ */) i++;
    else if (ch === 34) return i;
  }
  return -1;
}

/** A path segment as problems show it: .board, .benefits.NEL, .years["2014/15"]. */
export function segment(key: string | number, first = false): string {
  if (typeof key === 'number') return `[${key}]`;
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((k, i) => segment(typeof k === 'symbol' ? String(k) : k, i === 0)).join('') || '$';
}

/**
 * Removes what an .xlsx can't carry (control characters, U+FFFE, U+FFFF, lone surrogates) from every
 * string in place, with a warning per string, so a name never breaks the sheet it is written to.
 */
function cleanStrings(root: unknown, problems: Problem[]): void {
  const work: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (work.length) {
    const { value, path } = work.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child === 'string') {
        const cleaned = child.replace(XML_UNSAFE_CHARS, '');
        if (cleaned !== child) {
          (value as Record<string | number, unknown>)[key] = cleaned;
          const removed = child.length - cleaned.length;
          problems.push({ severity: 'warning', where: { path: pathText([...path, key]) }, message: `${removed} character${removed === 1 ? '' : 's'} that a workbook can't hold (control characters, U+FFFE, U+FFFF) removed from this text` });
        }
      } else if (child !== null && typeof child === 'object') work.push({ value: child, path: [...path, key] });
    }
  }
}
