import { classifyHeader, classifyLabel, measureOf, scaleOf, type Role } from './headerWords';
import { kindOf, type FigureKind } from './pastedFigures';
import { ordinal } from './pastedGrid';
import type { Run } from './pastedRun';
import { readTypedCell, type NumberCell } from './typedCell';

// The heading line of a table pasted as lines, split into one heading per figure (pastedLines.ts
// finds the lines and reads their figures).

/** Longest heading read for one figure, in words, so that splitting stays quick on long lines. */
const MAX_HEADING_WORDS = 8;
/** Most alternative readings of a heading line kept, to tell one reading from several. */
const MAX_READINGS = 2000;

export interface SplitHeader {
  readonly label: string;
  readonly headings: readonly string[];
  /** The rows the heading was read from: the heading line, and the lines above it it wraps from. */
  readonly rows: readonly number[];
}

export type Reading = { ok: true; split: SplitHeader } | { ok: false; why: string };

/** What kind of figure each column holds: per cent where a % sign is written, money where £ is. */
export function columnKinds(
  lines: readonly { figures: readonly (string | undefined)[] }[],
  count: number,
): FigureKind[] {
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
/** The word of a share of the pool, which read alone names no column. */
const POOL_WORD = /^pool$/i;
/** A unit written after its heading: "(£)", "(£000s)", "£", "(%)". */
const TRAILING_UNIT = /^(\(.*\)|£.*)$/;

/**
 * The heading line read alone, else as the end of a heading wrapped over the one or two lines
 * above it ("Ref Scheme Cost (£) % of BCF" / "pool Reduced NEL admissions ..."). What the line
 * alone says is reported when neither reads.
 */
export function readWrapped(run: Run): Reading {
  const alone = readHeader(run, run.header, run.headerRows);
  if (alone.ok) return alone;
  for (let k = run.above.length - 1; k >= 0; k--) {
    const upper = run.above.slice(k);
    const text = [...upper.map((l) => l.text), run.header].join(' ');
    const wrappedWords = upper.reduce((n, l) => n + l.text.split(' ').filter(Boolean).length, 0);
    const reading = readHeader(run, text, [...upper.flatMap((l) => l.rows), ...run.headerRows], wrappedWords);
    if (reading.ok) return reading;
  }
  return run.above.length >= MIN_CELL_LINES ? readCells(run, alone) : alone;
}

/** Fewest lines above the heading line for a heading given a cell or two a line, as PDF readers give it. */
const MIN_CELL_LINES = 4;
/** Joins the words of one line of a heading, read as a whole. */
const GLUE = '\u00a0';

/**
 * A heading given a cell a line (or a cell over two lines) whose words alone can be split too
 * many ways to weigh: each line is read as a whole, and headings are made of whole lines.
 */
function readCells(run: Run, alone: Reading): Reading {
  const upper = run.above;
  const cells = [...upper.map((l) => l.text), run.header].map((t) => t.split(' ').join(GLUE));
  const reading = readHeader(run, cells.join(' '), [...upper.flatMap((l) => l.rows), ...run.headerRows], upper.length);
  if (!reading.ok) return alone;
  const plain = (t: string) => t.split(GLUE).join(' ');
  const { split } = reading;
  return { ok: true, split: { ...split, label: plain(split.label), headings: split.headings.map(plain) } };
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
  // "Pool" alone heads nothing, but is a share's word: "% of BCF" / "Pool" is one heading.
  const wordRole = words.map((w) =>
    TRAILING_UNIT.test(w) ? undefined : (classifyHeader(w) ?? (POOL_WORD.test(w) ? 'poolShare' : undefined)),
  );
  const namesScheme = words.map((w) => /^ref\b/i.test(w) || classifyLabel(w) === 'name');
  // How strained a heading is: one starting with a unit, or in lower case, is the end of another
  // heading; a scheme's name, or a money word under a share (or the other way), starts another.
  // A heading read a line at a time (readCells): its lines are whole, so each word below is a line.
  const cells = header.includes(GLUE);
  const strain = (i: number, j: number, r: Role) => {
    let s = TRAILING_UNIT.test(words[i]) || CONTINUES.test(words[i]) ? 1 : 0;
    for (let w = i; w < j; w++) {
      const own = wordRole[w];
      if (namesScheme[w] || (own && familyOf(own) !== 'count' && familyOf(own) !== familyOf(r))) s++;
      // A count's own word ("DTOC") in a heading of money starts a heading of its own.
      else if (own && familyOf(own) === 'count' && familyOf(r) === 'money' && cells) s++;
    }
    // A heading names one measure: words of a second ("Reablement ... DTOC") start a heading of their own.
    const measures = new Set(words.slice(i, j).map(measureOf));
    measures.delete('other');
    return s + Math.max(0, measures.size - 1);
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
export function namesSchemeFigures(header: string): boolean {
  const roles = headingRoles(header);
  return (roles.has('cost') || roles.has('saving')) && roles.size >= 2;
}

/** What the words of a heading line name, read a few words at a time. */
export function headingRoles(header: string): Set<Role> {
  const words = header.split(' ').filter(Boolean);
  const roles = new Set<Role>();
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) {
      const r = classifyHeader(words.slice(i, j).join(' '));
      if (r) roles.add(r);
    }
  return roles;
}
