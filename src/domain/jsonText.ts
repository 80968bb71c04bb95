import { XML_UNSAFE_CHARS } from './excelLimits';
import { Money } from './money';
import type { Problem } from './problems';

/**
 * A number as the file wrote it, where a double would change it: 1e-400 (a double reads 0),
 * 1057451.999999999999999 (1057452), 1e309 (Infinity). The plan's number fields read its text as a
 * Decimal, so each figure is the one written, or refused for what it is; numbers a double holds
 * exactly stay plain numbers.
 */
export class JsonNumber {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/**
 * The text of a JSON file, read the way people save it: a byte-order mark (Windows Notepad writes
 * one) is skipped; a syntax error names its line and column; nesting deeper than `maxDepth` and a
 * key written twice in one object (JSON.parse would silently keep the last) are refused with the
 * path. Strings are cleaned of characters a workbook can't hold, each reported as a warning.
 */
export function parseJsonText(source: string, maxDepth: number): { json: unknown; problems: Problem[] } {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const problems: Problem[] = [];
  const scan = new JsonScan(text, maxDepth);
  const refusals = scan.run();
  const syntax = refusals.find((r) => r.syntax);
  if (syntax) throw new UnreadableJson(syntax.message);
  problems.push(...refusals.map((r): Problem => ({ severity: 'error', where: { path: r.path }, message: r.message })));
  // A key written twice still leaves JSON to read, so the plan's other problems are found in the same run.
  if (refusals.length > scan.repeated.length) return { json: undefined, problems };
  const json: unknown = JSON.parse(text);
  cleanStrings(json, problems);
  return { json: withExactNumbers(json, scan.inexact), problems };
}

/** Whether a double holds the number written in `token` exactly (-0 counts as 0). */
function exactAsDouble(token: string): boolean {
  const n = Number(token);
  if (!Number.isFinite(n)) return false;
  if (String(n) === token || /^-?\d{1,15}$/.test(token)) return true;
  return new Money(token).equals(String(n));
}

/** The parsed JSON with each number a double would change put back as its text. */
function withExactNumbers(json: unknown, inexact: readonly InexactNumber[]): unknown {
  if (inexact.length && inexact[0].path.length === 0) return new JsonNumber(inexact[0].text);
  for (const { path, text } of inexact) {
    let parent = json as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path[path.length - 1]] = new JsonNumber(text);
  }
  return json;
}

/** The text is not JSON at all (a syntax error): the file can't be read, as opposed to a plan with mistakes. */
export class UnreadableJson extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableJson';
  }
}

interface InexactNumber {
  readonly path: readonly (string | number)[];
  readonly text: string;
}

interface Refusal {
  readonly path: string;
  readonly message: string;
  readonly syntax: boolean;
}

type Frame = { kind: 'object'; keys: Set<string>; key?: string } | { kind: 'array'; index: number };
type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const NOT_JSON = 'not valid JSON';
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * One pass over the text, without recursion (a file nested 100,000 deep must not overflow the
 * stack), tracking where each value sits. It checks the syntax itself, since JSON.parse's messages
 * don't say where the mistake is in every Node version; what it passes, JSON.parse reads.
 */
class JsonScan {
  /** Numbers a double would change, by where they sit. */
  readonly inexact: InexactNumber[] = [];
  /** Keys written twice: all of them reported at once, since the scan can go on past each. */
  readonly repeated: Refusal[] = [];
  private readonly stack: Frame[] = [];
  private expect: Expect = 'value';
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /** None when the text is JSON within the limits; otherwise what is wrong and where. */
  run(): Refusal[] {
    const text = this.text;
    for (; this.at < text.length; this.at++) {
      const ch = text[this.at];
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
      const refusal = this.step(ch);
      if (refusal)
        return [...this.repeated, { path: this.path(), message: refusal, syntax: refusal.startsWith(NOT_JSON) }];
    }
    if (this.expect === 'done') return this.repeated;
    const open = this.stack[this.stack.length - 1]?.kind === 'array' ? ']' : '}';
    return [
      {
        path: this.path(),
        message: `${NOT_JSON}: the file ends before the JSON does (a missing ${this.stack.length ? open : 'value'})`,
        syntax: true,
      },
    ];
  }

  private step(ch: string): string | undefined {
    const top = this.stack[this.stack.length - 1];
    switch (this.expect) {
      case 'valueOrEnd':
      case 'value':
        if (ch === ']' && this.expect === 'valueOrEnd') return this.close();
        if (top?.kind === 'array') top.index++;
        return this.value(ch);
      case 'keyOrEnd':
      case 'key':
        if (ch === '}' && this.expect === 'keyOrEnd') return this.close();
        return ch === '"' ? this.key(top as Frame & { kind: 'object' }) : this.unexpected('a key in double quotes');
      case 'colon':
        if (ch !== ':') return this.unexpected('":"');
        this.expect = 'value';
        return undefined;
      case 'commaOrEnd':
        if (ch === ',') {
          this.expect = top.kind === 'object' ? 'key' : 'value';
          return undefined;
        }
        if ((ch === '}' && top.kind === 'object') || (ch === ']' && top.kind === 'array')) return this.close();
        return this.unexpected(top.kind === 'object' ? '"," or "}"' : '"," or "]"');
      default:
        return this.unexpected('the end of the file');
    }
  }

  private value(ch: string): string | undefined {
    const text = this.text;
    if (ch === '{' || ch === '[') {
      if (this.stack.length >= this.maxDepth)
        return `the file nests more than ${this.maxDepth} levels deep here; a plan nests about six, so this is not a plan file`;
      this.stack.push(ch === '{' ? { kind: 'object', keys: new Set() } : { kind: 'array', index: -1 });
      this.expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
      return undefined;
    }
    if (ch === '"') {
      const end = this.stringEnd();
      if (typeof end === 'string') return end;
      this.at = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = this.at;
      if (!NUMBER.exec(text)) return this.unexpected('a number');
      const token = text.slice(this.at, NUMBER.lastIndex);
      if (!exactAsDouble(token)) this.inexact.push({ path: this.segments(), text: token });
      this.at = NUMBER.lastIndex - 1;
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, this.at));
      if (!word)
        return this.unexpected('a value (text in double quotes, a number, true, false, null, a list or an object)');
      this.at += word.length - 1;
    }
    this.afterValue();
    return undefined;
  }

  private key(top: Frame & { kind: 'object' }): string | undefined {
    const end = this.stringEnd();
    if (typeof end === 'string') return end;
    const key = JSON.parse(this.text.slice(this.at, end + 1)) as string;
    this.at = end;
    top.key = key;
    if (top.keys.has(key))
      this.repeated.push({
        path: this.path(),
        message: `the key "${key}" is written twice in the same object; JSON keeps only one of them, so say which you mean`,
        syntax: false,
      });
    top.keys.add(key);
    this.expect = 'colon';
    return undefined;
  }

  private close(): undefined {
    this.stack.pop();
    this.afterValue();
    return undefined;
  }

  private afterValue(): void {
    this.expect = this.stack.length ? 'commaOrEnd' : 'done';
  }

  /** Where the closing quote of the string opening here is, or what is wrong with the string. */
  private stringEnd(): number | string {
    const text = this.text;
    for (let i = this.at + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 92 /* \ */) {
        const next = text[i + 1];
        const valid =
          next === 'u'
            ? /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))
            : next !== undefined && '"\\/bfnrt'.includes(next);
        if (!valid) return this.unexpectedAt(i, 'a valid escape such as \\n or \\u00e9');
        i += next === 'u' ? 5 : 1;
      } else if (code === 34) return i;
      else if (code < 32) return this.unexpectedAt(i, 'a closing quote before the line ends');
    }
    return this.unexpectedAt(text.length, 'a closing quote');
  }

  private unexpected(wanted: string): string {
    return this.unexpectedAt(this.at, wanted);
  }

  private unexpectedAt(at: number, wanted: string): string {
    const place = (i: number) => {
      const before = this.text.slice(0, i);
      return `line ${before.split('\n').length}, column ${i - before.lastIndexOf('\n')}`;
    };
    const found = at >= this.text.length ? 'the end of the file' : JSON.stringify(this.text[at]);
    // What editors and other tools allow and JSON does not: say what it is and the fix, not only the character.
    if (this.text.startsWith('//', at) || this.text.startsWith('/*', at))
      return `${NOT_JSON}: found a comment at ${place(at)}; JSON allows no comments, so remove it`;
    const trailing = /,\s*$/.exec(this.text.slice(0, at));
    if ('}]'.includes(this.text[at] ?? '') && trailing)
      return `${NOT_JSON}: found a comma after the last item at ${place(trailing.index)}; JSON allows none there, so remove it`;
    return `${NOT_JSON}: found ${found} at ${place(at)} where ${wanted} should be`;
  }

  private segments(): (string | number)[] {
    return this.stack.flatMap((f): (string | number)[] =>
      f.kind === 'array' ? [Math.max(0, f.index)] : f.key === undefined ? [] : [f.key],
    );
  }

  private path(): string {
    return pathText(this.segments());
  }
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
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child === 'string') {
        const cleaned = child.replace(XML_UNSAFE_CHARS, '');
        if (cleaned !== child) {
          (value as Record<string | number, unknown>)[key] = cleaned;
          const removed = child.length - cleaned.length;
          problems.push({
            severity: 'warning',
            where: { path: pathText([...path, key]) },
            message: `${removed} character${removed === 1 ? '' : 's'} that a workbook can't hold (control characters, U+FFFE, U+FFFF) removed from this text`,
          });
        }
      } else if (child !== null && typeof child === 'object') work.push({ value: child, path: [...path, key] });
    }
  }
}
