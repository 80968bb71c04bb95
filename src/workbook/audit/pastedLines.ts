import type { Finding } from '../../domain/audit/finding';
import { cellAddress, columnLetter } from '../a1';
import type { Scalar } from '../sheetPlan';
import type { SheetSnapshot } from '../snapshot';
import { findTables, type FoundTable } from './findTables';
import { classifyHeader, classifyLabel, measureOf, scaleOf, statedUnitCost, type Role } from './headerWords';
import { TableGrid } from './tableGrid';
import { readTypedCell, type NumberCell } from './typedCell';

/**
 * A table copied from a PDF and pasted into Excel lands one line per cell: "1a Locality teams
 * £1,234,000 40.0% 120 £240,480" in A3, its heading line "Ref Scheme Cost £ % of pool NEL
 * Savings £" in A2. Such a run of lines is read as the table it is: each line's figures are
 * peeled off from its right, the words before them are its label (ref and name), and the heading
 * line is split into one heading per figure, the split whose headings name the kind of figure
 * under them. The table is then found and checked by the same code as one typed in columns; its
 * findings name the line's own cell and say which figure of the line is meant. A heading line
 * that can't be split with confidence is reported, not guessed at.
 */

/** Fewest lines of figures that make a table (one line with figures is a sentence). */
const MIN_LINES = 2;
/** Fewest figures on a line of a table: a label and one figure is a list, not a table. */
const MIN_FIGURES = 2;
/** Most lines a heading line is read as wrapped over (a PDF wraps long headings). */
const MAX_WRAPPED_LINES = 2;
/** Most lines of words (group headings: "Assessment & Care Planning") between the heading line and the first figures. */
const MAX_GROUP_LINES = 2;
/** Longest heading read for one figure, in words, so that splitting stays quick on long lines. */
const MAX_HEADING_WORDS = 8;
/** Most alternative readings of a heading line kept, to tell one reading from several. */
const MAX_READINGS = 2000;

/**
 * What a column of figures can be headed: per cent (a % sign, or figures up to a total of 100
 * with decimals: "11.63"), money (a £ sign), an amount or count (figures in the thousands, which
 * no share is), or anything.
 */
type FigureKind = 'percent' | 'money' | 'amount' | 'plain' | 'na';

interface Line {
  readonly row: number;
  readonly label: string;
  /** The line's figures as written, left to right; undefined where a short line has none. */
  readonly figures: readonly (string | undefined)[];
}

/** A run of pasted lines under one heading line, all in the same column. */
interface Run {
  readonly column: number;
  readonly headerRow: number;
  readonly header: string;
  /** Words-only lines just above the heading line, top down: the heading may be wrapped over them. */
  readonly above: readonly { row: number; text: string }[];
  readonly lines: readonly Line[];
  /** Words-only lines among the lines of figures, or just above them (group headings such as "Tier 2"). */
  readonly labelRows: readonly { row: number; text: string }[];
  readonly figureCount: number;
}

interface SplitHeader {
  readonly label: string;
  readonly headings: readonly string[];
  /** The rows the heading was read from: the heading line, and the lines above it it wraps from. */
  readonly rows: readonly number[];
}

type Reading = { ok: true; split: SplitHeader } | { ok: false; why: string };

/** The scheme tables on the sheet held as pasted lines, read as tables. */
export function pastedLineTables(sheet: SheetSnapshot): FoundTable[] {
  const read = readRuns(sheet).flatMap(({ run, reading }) => (reading.ok ? [{ run, split: reading.split }] : []));
  if (!read.length) return [];
  const grid = new PastedLinesGrid(sheet, read);
  return findTables(grid).filter((t) => read.some(({ run }) => t.headerRows.includes(run.headerRow)));
}

/**
 * Lines that are plainly a scheme table but whose heading line can't be split into one heading
 * per figure with confidence: a finding at the heading's cell saying why, and how to split them.
 */
export function unreadablePastedLines(sheet: SheetSnapshot): Finding[] {
  return readRuns(sheet).flatMap(({ run, reading }) => {
    if (reading.ok || !namesSchemeFigures(run.header)) return [];
    const first = cellAddress(run.lines[0].row, run.column);
    const last = cellAddress(run.lines[run.lines.length - 1].row, run.column);
    return [
      {
        sheet: sheet.name,
        cell: cellAddress(run.headerRow, run.column),
        rule: 'pasted-lines' as const,
        expected: `one heading for each of the ${run.figureCount} figures`,
        found: run.header,
        message: `${first}:${last} hold a table pasted one line per cell, with ${run.figureCount} figures on each line, but its heading line "${run.header}" can't be split into a heading for each figure with confidence: ${reading.why}. Its figures are not read or checked. Split the lines into columns (select ${cellAddress(run.headerRow, run.column)}:${last}, then Data > Text to Columns, delimited by spaces) and give each figure column its own heading.`,
      },
    ];
  });
}

/** Each sheet's runs of lines as read, kept for the finding of tables and of unreadable headings alike. */
const readings = new WeakMap<SheetSnapshot, { run: Run; reading: Reading }[]>();

function readRuns(sheet: SheetSnapshot): { run: Run; reading: Reading }[] {
  let read = readings.get(sheet);
  if (!read) {
    read = runsOf(sheet).map((run) => ({ run, reading: readWrapped(run) }));
    readings.set(sheet, read);
  }
  return read;
}

/** A sheet whose pasted lines are split into cells: the label in the line's own cell, each figure in a cell to its right. */
class PastedLinesGrid extends TableGrid {
  private readonly lineColumn = new Map<number, number>();

  constructor(sheet: SheetSnapshot, read: readonly { run: Run; split: SplitHeader }[]) {
    super(splitSheet(sheet, read));
    for (const { run, split } of read)
      for (const r of [...split.rows, ...run.lines.map((l) => l.row), ...run.labelRows.map((l) => l.row)])
        this.lineColumn.set(r, run.column);
  }

  /** Every figure of a line is in the line's own cell. */
  override address(r: number, c: number): string {
    const column = this.lineColumn.get(r);
    return column !== undefined && c >= column ? cellAddress(r, column) : super.address(r, c);
  }

  override figureInCell(r: number, c: number): string | undefined {
    const column = this.lineColumn.get(r);
    if (column === undefined || c <= column) return undefined;
    return `${cellAddress(r, column)} holds the line as pasted; this is its ${ordinal(c - column)} figure, ${this.shown(r, c)}`;
  }

  override columnName(c: number, headerRow: number): string {
    const column = this.lineColumn.get(headerRow);
    if (column === undefined) return super.columnName(c, headerRow);
    return c > column ? `${columnLetter(column)}, figure ${c - column}` : columnLetter(column);
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function splitSheet(sheet: SheetSnapshot, read: readonly { run: Run; split: SplitHeader }[]): SheetSnapshot {
  const values = sheet.values.map((row) => [...(row ?? [])]);
  const put = (r: number, c: number, v: Scalar) => {
    const row = values[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  for (const { run, split } of read) {
    const c0 = run.column;
    // A heading wrapped over lines is read on its lowest line; the lines above are part of it, not titles.
    for (const r of split.rows) if (r !== run.headerRow) put(r, c0, null);
    put(run.headerRow, c0, split.label || null);
    split.headings.forEach((h, k) => put(run.headerRow, c0 + 1 + k, h));
    for (const line of run.lines) {
      put(line.row, c0, line.label || null);
      line.figures.forEach((f, k) => put(line.row, c0 + 1 + k, f ?? null));
    }
  }
  return { name: sheet.name, values, numberFormats: sheet.numberFormats, hiddenRows: sheet.hiddenRows };
}

/** The only non-blank cell of the row, when it holds text. */
function loneText(sheet: SheetSnapshot, r: number): { column: number; text: string } | undefined {
  const row = sheet.values[r] ?? [];
  let found: { column: number; text: string } | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
    if (found || typeof v !== 'string') return undefined;
    found = {
      column: c,
      text: v
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    };
  }
  return found;
}

function runsOf(sheet: SheetSnapshot): Run[] {
  const runs: Run[] = [];
  for (let r = 0; r < sheet.values.length; r++) {
    const head = loneText(sheet, r);
    if (!head || !isHeadingLine(head.text)) continue;
    const lines: { row: number; label: string; figures: string[] }[] = [];
    const labelRows: { row: number; text: string }[] = [];
    let next = r + 1;
    for (; next < sheet.values.length; next++) {
      const cell = loneText(sheet, next);
      if (!cell || cell.column !== head.column) break;
      const line = peel(cell.text);
      // Once the table has begun, a scheme with only its cost ("Respite 0.5m") is one of its lines.
      const costOnly = lines.length > 0 && line.figures.length === 1 && isAmount(line.figures[0]);
      if (isTableLine(line) || (costOnly && isTableLine(line, 1))) lines.push({ row: next, ...line });
      // A heading line under a title: the table's heading is the lower one.
      else if (!lines.length && (namesSchemeFigures(cell.text) || next - r > MAX_GROUP_LINES)) break;
      else labelRows.push({ row: next, text: cell.text });
    }
    if (lines.length < MIN_LINES || !lines.some((l) => l.figures.some(isAmount)) || namesMeasures(lines)) continue;
    const last = lines[lines.length - 1].row;
    const above: { row: number; text: string }[] = [];
    const previous = runs.length ? runs[runs.length - 1].lines.at(-1)!.row : -1;
    for (let a = r - 1; a > previous && a >= r - MAX_WRAPPED_LINES; a--) {
      const cell = loneText(sheet, a);
      if (!cell || cell.column !== head.column || !isHeadingLine(cell.text)) break;
      above.unshift({ row: a, text: cell.text });
    }
    runs.push(
      aligned(
        head.column,
        r,
        head.text,
        above,
        lines,
        labelRows.filter((l) => l.row < last),
      ),
    );
    r = last;
  }
  return runs;
}

/**
 * The lines' figures in columns. The table has as many figures as most of its lines: a line with
 * more has a number ending its name ("Phase 2"), which goes back into the name; a line with fewer
 * left blanks, which PDFs drop, at its end (a scheme with a cost and no benefit count).
 */
function aligned(
  column: number,
  headerRow: number,
  header: string,
  above: { row: number; text: string }[],
  raw: readonly { row: number; label: string; figures: string[] }[],
  labelRows: { row: number; text: string }[],
): Run {
  const counts = new Map<number, number>();
  for (const l of raw) counts.set(l.figures.length, (counts.get(l.figures.length) ?? 0) + 1);
  const [figureCount] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const full = raw.filter((l) => l.figures.length === figureCount);
  const kinds = columnKinds(full, figureCount);
  // Columns whose every figure has its % sign: a figure without one is not theirs.
  const signed = kinds.map((_, k) => full.every((l) => ['na', 'percent'].includes(kindOf(l.figures[k]))));
  const lines = raw.map((l): Line => {
    if (l.figures.length < figureCount)
      return { row: l.row, label: l.label, figures: placed(l.figures, kinds, signed) };
    if (l.figures.length === figureCount) return { row: l.row, label: l.label, figures: l.figures };
    const extra = l.figures.length - figureCount;
    return {
      row: l.row,
      label: [l.label, ...l.figures.slice(0, extra)].filter(Boolean).join(' '),
      figures: l.figures.slice(extra),
    };
  });
  return { column, headerRow, header, above, lines, labelRows, figureCount };
}

/**
 * A short line's figures in the columns whose kind they are (a % under a share, £ under money),
 * in order; at the left where several places fit, as a PDF drops the blanks at a line's end.
 */
function placed(
  figures: readonly string[],
  kinds: readonly FigureKind[],
  signed: readonly boolean[],
): (string | undefined)[] {
  const fits = (figure: string, c: number) => {
    const own = kindOf(figure);
    if (own === 'na' || kinds[c] === 'na') return true;
    if (own === 'percent') return kinds[c] === 'percent';
    if (own === 'money') return kinds[c] === 'money' || kinds[c] === 'amount';
    return !(kinds[c] === 'percent' && signed[c]);
  };
  const slots: number[] = [];
  const place = (f: number, from: number): boolean => {
    if (f === figures.length) return true;
    for (let c = from; c <= kinds.length - (figures.length - f); c++) {
      if (!fits(figures[f], c)) continue;
      slots[f] = c;
      if (place(f + 1, c + 1)) return true;
    }
    return false;
  };
  if (!place(0, 0)) figures.forEach((_, f) => (slots[f] = f));
  const out: (string | undefined)[] = Array(kinds.length).fill(undefined);
  figures.forEach((figure, f) => (out[slots[f]] = figure));
  return out;
}

/**
 * A line that may head a table: words, with no figures but years and a unit cost ("Saving @
 * £2,004 per admission"). A sentence with figures in it ("we expect 120 fewer admissions,
 * saving £240,480") is not.
 */
function isHeadingLine(text: string): boolean {
  // "Key figures: cost, savings and admissions" is a sentence; headings are not punctuated so.
  if (/[,;:](\s|$)/.test(text)) return false;
  const figures = text.split(' ').filter((t) => readTypedCell(t.replace(/[,;:.]$/, '')).kind === 'number');
  if (!figures.length) return true;
  const unit = statedUnitCost(text, '');
  return figures.every((t) => YEAR.test(t) || (unit && t.replace(/[^\d.]/g, '') === unit.value.toString()));
}

const YEAR = /^(19|20)\d\d$/;

/**
 * A line of a table: figures at its end, after a label (ref and name) with no amounts or
 * percentages in it; else it is a sentence ("Cost is £1.2m, of which 40% is pooled: 120 5").
 */
function isTableLine(line: { label: string; figures: readonly string[] }, fewest = MIN_FIGURES): boolean {
  if (line.figures.length < fewest) return false;
  return !line.label.split(' ').some((t) => kindOf(t) === 'money' || kindOf(t) === 'percent');
}

/**
 * Lines named for what their figures are ("Savings 1,272,540 2,046,084", "Admissions avoided 635
 * 1,021"): key figures by year, not schemes; a scheme table's lines are named for schemes.
 */
function namesMeasures(lines: readonly { label: string }[]): boolean {
  return lines.filter((l) => classifyHeader(l.label)).length * 2 >= lines.length;
}

/** An amount of money: in £, or grouped in thousands ("1,234"). Every scheme table has some. */
function isAmount(figure: string): boolean {
  return kindOf(figure) === 'money' || /\d,\d{3}/.test(figure);
}

/** The figures written at the end of a line, and the words before them. */
export function peel(text: string): { label: string; figures: string[] } {
  const tokens = text.split(' ').filter(Boolean);
  const figures: string[] = [];
  let end = tokens.length;
  while (end > 0) {
    const taken = figureEnding(tokens, end);
    if (!taken) break;
    figures.unshift(tokens.slice(end - taken, end).join(' '));
    end -= taken;
  }
  return { label: tokens.slice(0, end).join(' '), figures };
}

/**
 * How many tokens before `end` make one figure: "£1,234", "40.0%", "n/a", "-", a pound sign set
 * apart ("£ 1,234"), or a figure with its note ("87,120 (Not BCF pool)"). 0 when they don't.
 */
function figureEnding(tokens: readonly string[], end: number): number {
  const isFigure = (t: string) => {
    const k = readTypedCell(t).kind;
    return k === 'number' || k === 'na';
  };
  const last = tokens[end - 1];
  if (last.endsWith(')') && !last.startsWith('(') && /[A-Za-z]/.test(last)) {
    // A note in brackets over several words, after its figure.
    for (let s = end - 2; s >= Math.max(1, end - 6); s--) {
      if (!tokens[s].startsWith('(')) continue;
      const withNote = tokens.slice(s - 1, end).join(' ');
      return readTypedCell(withNote).kind === 'number' && readTypedCell(tokens[s - 1]).kind === 'number'
        ? end - s + 1
        : 0;
    }
    return 0;
  }
  if (!isFigure(last)) return 0;
  if (end >= 2 && /^£$/.test(tokens[end - 2]) && readTypedCell(last).kind === 'number') return 2;
  return 1;
}

function kindOf(figure: string | undefined): FigureKind {
  if (figure === undefined) return 'na';
  const t = readTypedCell(figure);
  if (t.kind !== 'number') return 'na';
  if (t.percentSign) return 'percent';
  if (/£/.test(figure) || t.scale !== 1) return 'money';
  return 'plain';
}

/** What kind of figure each column holds: per cent where a % sign is written, money where £ is. */
function columnKinds(lines: readonly { figures: readonly (string | undefined)[] }[], count: number): FigureKind[] {
  return Array.from({ length: count }, (_, k) => {
    const figures = lines.map((l) => l.figures[k]).filter((f) => kindOf(f) !== 'na') as string[];
    const kinds = new Set(figures.map(kindOf));
    if (kinds.has('percent')) return kinds.has('money') ? 'na' : 'percent';
    if (kinds.has('money')) return 'money';
    const values = figures.map((f) => (readTypedCell(f) as NumberCell).value);
    if (figures.some((f) => /\d,\d{3}/.test(f)) || values.some((x) => x.abs().greaterThanOrEqualTo(1000)))
      return 'amount';
    // Shares as the plan prints them: "11.63", with a total of "100.00".
    const upTo100 = values.every((x) => !x.isNegative() && x.lessThanOrEqualTo(100));
    if (upTo100 && values.some((x) => x.equals(100)) && figures.some((f) => f.includes('.'))) return 'percent';
    return 'plain';
  });
}

const PERCENT_ROLES: readonly Role[] = ['poolShare', 'change'];
const MONEY_ROLES: readonly Role[] = ['cost', 'saving', 'unitCost'];
const FITS: Record<FigureKind, (role: Role) => boolean> = {
  percent: (role) => PERCENT_ROLES.includes(role),
  money: (role) => MONEY_ROLES.includes(role),
  amount: (role) => !PERCENT_ROLES.includes(role),
  plain: () => true,
  na: () => true,
};
/** Money, share or count: a word of one family in a heading of another starts a heading of its own. */
const familyOf = (role: Role) =>
  PERCENT_ROLES.includes(role) ? 'share' : MONEY_ROLES.includes(role) ? 'money' : 'count';

/** How the rest of a heading starts, never a heading itself: "of pool", "@ £2,004 per admission". */
const CONTINUES = /^[a-z@&/+\-–—×]/;
/** A unit written after its heading: "(£)", "(£000s)", "£", "(%)". */
const TRAILING_UNIT = /^(\(.*\)|£.*)$/;

/**
 * The heading line read alone, else as the end of a heading wrapped over the one or two lines
 * above it ("Ref Scheme Cost (£) % of BCF" / "pool Reduced NEL admissions ..."). What the line
 * alone says is reported when neither reads.
 */
function readWrapped(run: Run): Reading {
  const alone = readHeader(run, run.header, [run.headerRow]);
  if (alone.ok) return alone;
  for (let k = run.above.length - 1; k >= 0; k--) {
    const upper = run.above.slice(k);
    const text = [...upper.map((l) => l.text), run.header].join(' ');
    const wrappedWords = upper.reduce((n, l) => n + l.text.split(' ').filter(Boolean).length, 0);
    const reading = readHeader(run, text, [...upper.map((l) => l.row), run.headerRow], wrappedWords);
    if (reading.ok) return reading;
  }
  return alone;
}

/**
 * Splits the heading line into the label's heading and one heading per figure. Every way of
 * splitting it whose headings each name a figure of the kind under them is weighed: a heading
 * should not start with a unit (units follow headings), nor carry words that name another kind
 * of column ("Admissions Saving", "Scheme Cost"). The least strained reading is taken when every
 * reading as good says the same of each column (same role, measure and units); otherwise the
 * line can't be read with confidence.
 */
function readHeader(run: Run, header: string, rows: readonly number[], wrappedWords = 0): Reading {
  const words = header.split(' ').filter(Boolean);
  const kinds = columnKinds(run.lines, run.figureCount);
  const n = run.figureCount;
  if (words.length < n) return { ok: false, why: `it has ${words.length} words for ${n} figures` };
  const roleMemo = new Map<string, Role | undefined>();
  const role = (i: number, j: number) => {
    const key = `${i}:${j}`;
    if (!roleMemo.has(key)) roleMemo.set(key, classifyHeader(words.slice(i, j).join(' ')));
    return roleMemo.get(key);
  };
  const wordRole = words.map((w) => (TRAILING_UNIT.test(w) ? undefined : classifyHeader(w)));
  const namesScheme = words.map((w) => /^ref\b/i.test(w) || classifyLabel(w) === 'name');
  // How strained a heading is: one starting with a unit, or in lower case, is the end of another
  // heading; a scheme's name, or a money word under a share (or the other way), starts another.
  const strain = (i: number, j: number, r: Role) => {
    let s = TRAILING_UNIT.test(words[i]) || CONTINUES.test(words[i]) ? 1 : 0;
    for (let w = i; w < j; w++) {
      const own = wordRole[w];
      if (namesScheme[w] || (own && familyOf(own) !== 'count' && familyOf(own) !== familyOf(r))) s++;
    }
    return s;
  };
  // Among readings as good, the one keeping each word with a heading of its own kind ("Reduced NEL Admissions | Saving").
  const drift = (i: number, j: number, r: Role) => {
    let d = 0;
    for (let w = i; w < j; w++) if (wordRole[w] && wordRole[w] !== r) d++;
    return d;
  };
  const readings: { cuts: number[]; strain: number; drift: number }[] = [];
  // The deepest heading reached unread, for the message when no reading is found.
  let furthest = 0;
  // Places from which no reading can be finished, so each is tried once.
  const dead = new Set<string>();
  const walk = (k: number, i: number, cuts: number[], s: number, d: number) => {
    if (readings.length >= MAX_READINGS || dead.has(`${k}:${i}`)) return;
    if (k === n) {
      if (i === words.length) readings.push({ cuts: [...cuts], strain: s, drift: d });
      return;
    }
    furthest = Math.max(furthest, k);
    const before = readings.length;
    const room = words.length - (n - k - 1);
    for (let j = i + 1; j <= Math.min(room, i + MAX_HEADING_WORDS); j++) {
      const r = role(i, j);
      if (r && FITS[kinds[k]](r)) walk(k + 1, j, [...cuts, j], s + strain(i, j, r), d + drift(i, j, r));
    }
    if (readings.length === before) dead.add(`${k}:${i}`);
  };
  // A heading read as wrapped from the lines above starts on them: they are not the label's alone.
  for (let start = 0; start <= Math.min(words.length - n, wrappedWords ? wrappedWords - 1 : words.length); start++) {
    let labelStrain = 0;
    for (let w = 0; w < start; w++) if (wordRole[w]) labelStrain++;
    walk(0, start, [start], labelStrain, 0);
  }
  if (!readings.length) {
    const example = run.lines.map((l) => l.figures[furthest]).find(Boolean) ?? '';
    const kind = { percent: ', a percentage', money: ', an amount in £', amount: '', plain: '', na: '' }[
      kinds[furthest]
    ];
    return {
      ok: false,
      why: `no part of it reads as a heading for the ${ordinal(furthest + 1)} figure${example ? ` (${example}${kind})` : ''}`,
    };
  }
  return chosen(readings, words, rows);
}

/**
 * The least strained of the readings, the least drifted among those as strained; none when two
 * such readings say different things of a column (its role, a count's measure, money's units).
 */
function chosen(
  readings: readonly { cuts: number[]; strain: number; drift: number }[],
  words: readonly string[],
  rows: readonly number[],
): Reading {
  const least = Math.min(...readings.map((r) => r.strain));
  const best = readings.filter((r) => r.strain === least).sort((a, b) => a.drift - b.drift);
  const split = (cuts: number[]): SplitHeader => ({
    rows,
    label: words.slice(0, cuts[0]).join(' '),
    headings: cuts.slice(1).map((end, k) => words.slice(cuts[k], end).join(' ')),
  });
  // What the checks and the import take from a heading: its role, a count's measure, money's units.
  const meaning = (s: SplitHeader) =>
    s.headings
      .map((h) => {
        const r = classifyHeader(h)!;
        return `${r}/${familyOf(r) === 'count' ? measureOf(h) : ''}/${familyOf(r) === 'money' ? (scaleOf(h) ?? '') : ''}`;
      })
      .join('|');
  const first = split(best[0].cuts);
  const other = best.map((b) => split(b.cuts)).find((s) => meaning(s) !== meaning(first));
  if (other)
    return {
      ok: false,
      why: `it reads as "${first.headings.join('" | "')}" or as "${other.headings.join('" | "')}"`,
    };
  return { ok: true, split: first };
}

/** A heading line that names a scheme table's money and one of its measures: worth a finding when it can't be split. */
function namesSchemeFigures(header: string): boolean {
  const words = header.split(' ').filter(Boolean);
  const roles = new Set<Role>();
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) {
      const r = classifyHeader(words.slice(i, j).join(' '));
      if (r) roles.add(r);
    }
  return (roles.has('cost') || roles.has('saving')) && roles.size >= 2;
}
