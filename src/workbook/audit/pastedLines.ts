import type { Finding } from '../../domain/audit/finding';
import { cellAddress } from '../a1';
import type { SheetSnapshot } from '../snapshot';
import { findTables, type FoundTable } from './findTables';
import { classifyHeader, statedUnitCost } from './headerWords';
import { isAmount, kindOf, peel, type FigureKind } from './pastedFigures';
import { PastedLinesGrid } from './pastedGrid';
import { firstLine, NUMBERS_LINE, piecesOf, type Piece } from './pastedPieces';
import { readTypedCell } from './typedCell';
import { columnKinds, headingRoles, namesSchemeFigures, readWrapped, type Reading } from './pastedHeading';
import type { Line, Run, Text } from './pastedRun';

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
/** Most lines a heading line is read as wrapped over (a PDF wraps long headings, or gives them a word or two a line). */
const MAX_WRAPPED_LINES = 24;
/** Most lines of words (group headings: "Assessment & Care Planning") between the heading line and the first figures. */
const MAX_GROUP_LINES = 2;
/** The scheme tables on the sheet held as pasted lines, read as tables. */
export function pastedLineTables(sheet: SheetSnapshot): FoundTable[] {
  const read = readRuns(sheet).flatMap(({ run, reading }) => (reading.ok ? [{ run, split: reading.split }] : []));
  if (!read.length) return [];
  const grid = new PastedLinesGrid(
    sheet,
    read.map(({ run, split }) => ({ ...run, headerRows: split.rows, label: split.label, headings: split.headings })),
  );
  return findTables(grid).filter((t) => read.some(({ run }) => t.headerRows.includes(grid.rowOf(run.headerRow)!)));
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

function runsOf(sheet: SheetSnapshot): Run[] {
  const pieces = piecesOf(sheet);
  const runs: Run[] = [];
  for (let h = 0; h < pieces.length; h++) {
    const head = pieces[h];
    if (!isHeadingLine(head.text)) continue;
    const { lines, labelRows, end } = linesUnder(pieces, h);
    if (lines.length < MIN_LINES || !lines.some((l) => l.figures.some(isAmount)) || namesMeasures(lines)) continue;
    const last = lines[lines.length - 1].row;
    const above: Text[] = [];
    const previous = runs.length ? runs[runs.length - 1].lines.at(-1)!.row : -1;
    for (let a = h - 1; a >= 0 && a >= h - MAX_WRAPPED_LINES; a--) {
      const piece = pieces[a];
      if (piece.stretch !== head.stretch || piece.rows[0] <= previous || !isHeadingLine(piece.text)) break;
      above.unshift(textOf(piece));
    }
    const labels = labelRows.filter((l) => l.row < last);
    runs.push(aligned(head.column, textOf(head), above, lines, labels));
    h = end;
  }
  return runs;
}

const textOf = (piece: Piece): Text => ({ row: piece.rows.at(-1)!, rows: piece.rows, text: piece.text });

type RawLine = Omit<Line, 'figures'> & { figures: string[] };

/**
 * The lines of figures under the heading at `h`, and the lines of words among them (group
 * headings); `end` is the index of the last line of figures. Lines of the heading itself (a
 * heading given a word or two a line) end the search: the heading is the lowest of them.
 */
function linesUnder(pieces: readonly Piece[], h: number): { lines: RawLine[]; labelRows: Text[]; end: number } {
  const lines: RawLine[] = [];
  const labelRows: Text[] = [];
  let end = h;
  // The scheme number of the group the lines are in, from its numbers ("3, 4 2": tier 3 and 4, scheme 2).
  let scheme: string | undefined;
  for (let next = h + 1; next < pieces.length && pieces[next].stretch === pieces[h].stretch; next++) {
    const piece = pieces[next];
    const line = peel(piece.text);
    // Once the table has begun, a scheme with only its cost ("Respite 0.5m") is one of its lines.
    const costOnly = lines.length > 0 && line.figures.length === 1 && isAmount(line.figures[0]);
    if (isTableLine(line) || (costOnly && isTableLine(line, 1))) {
      const label = numbered(line.label, scheme);
      lines.push({
        row: piece.rows.at(-1)!,
        rows: piece.rows,
        ...line,
        label,
        figureRows: figureRows(piece, line.figures),
      });
      end = next;
      continue;
    }
    // A heading line under a title, or more of a heading given a line at a time: the table's heading is the lower one.
    const heading = isHeadingLine(piece.text) && headingRoles(piece.text).size > 0;
    if (!lines.length && (heading || labelRows.length >= MAX_GROUP_LINES)) break;
    // Another table's heading, after a blank line, ends this one; so do more lines of words than a group's
    // (text between tables, or another's title and heading given a line at a time).
    if (lines.length && piece.gap > 0 && isHeadingLine(piece.text) && namesSchemeFigures(piece.text)) break;
    if (lines.length && labelRows.filter((l) => l.row > lines[lines.length - 1].row).length >= MAX_GROUP_LINES) break;
    const numbers = NUMBERS_LINE.test(firstLine(piece)) ? firstLine(piece) : undefined;
    if (numbers) scheme = numbers.split(' ').at(-1);
    // The group's name is its text after its numbers.
    const text = numbers && piece.text.length > numbers.length ? piece.text.slice(numbers.length + 1) : piece.text;
    labelRows.push({ ...textOf(piece), text });
  }
  return { lines, labelRows, end };
}

/**
 * A scheme lettered within its group ("a. Long-term conditions" under the group numbered 2) is
 * scheme 2a, as the plan's refs read; the letter alone would repeat from group to group.
 */
function numbered(label: string, scheme: string | undefined): string {
  const lettered = /^([a-z])[.)]\s+(\S.*)$/i.exec(label);
  return lettered && scheme && /^\d+$/.test(scheme) ? `${scheme}${lettered[1]} ${lettered[2]}` : label;
}

/** The sheet row of each of the figures ending the piece's text. */
function figureRows(piece: Piece, figures: readonly string[]): number[] {
  const rows: number[] = [];
  let end = piece.wordRows.length;
  for (let k = figures.length - 1; k >= 0; k--) {
    end -= figures[k].split(' ').length;
    rows[k] = piece.wordRows[end];
  }
  return rows;
}

/**
 * The lines' figures in columns. The table has as many figures as most of its lines: a line with
 * more has a number ending its name ("Phase 2"), which goes back into the name; a line with fewer
 * left blanks, which PDFs drop, at its end (a scheme with a cost and no benefit count).
 */
function aligned(column: number, head: Text, above: Text[], raw: readonly RawLine[], labelRows: Text[]): Run {
  const counts = new Map<number, number>();
  for (const l of raw) counts.set(l.figures.length, (counts.get(l.figures.length) ?? 0) + 1);
  const [figureCount] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const full = raw.filter((l) => l.figures.length === figureCount);
  const kinds = columnKinds(full, figureCount);
  // Columns whose every figure has its % sign: a figure without one is not theirs.
  const signed = kinds.map((_, k) => full.every((l) => ['na', 'percent'].includes(kindOf(l.figures[k]))));
  const lines = raw.map(withoutEmpties(figureCount)).map((l): Line => {
    if (l.figures.length < figureCount) {
      const slots = placed(l.figures, kinds, signed);
      const figures: (string | undefined)[] = Array(figureCount).fill(undefined);
      const rows: number[] = Array(figureCount).fill(l.row);
      slots.forEach((c, f) => ((figures[c] = l.figures[f]), (rows[c] = l.figureRows[f])));
      return { ...l, figures, figureRows: rows };
    }
    if (l.figures.length === figureCount) return l;
    const extra = l.figures.length - figureCount;
    return {
      ...l,
      label: [l.label, ...l.figures.slice(0, extra)].filter(Boolean).join(' '),
      figures: l.figures.slice(extra),
      figureRows: l.figureRows.slice(extra),
    };
  });
  const header = head.text;
  return { column, headerRow: head.row, headerRows: head.rows, header, above, lines, labelRows, figureCount };
}

/**
 * A line with more figures than the table's, some of them cells read as empty from extra spaces:
 * the spaces were typed, not left by a PDF reader for empty cells, so they stand for nothing.
 */
const withoutEmpties =
  (figureCount: number) =>
  (l: RawLine): RawLine => {
    if (l.figures.length <= figureCount || !l.figures.includes('')) return l;
    const kept = [...l.figures.keys()].filter((k) => l.figures[k] !== '');
    return { ...l, figures: kept.map((k) => l.figures[k]), figureRows: kept.map((k) => l.figureRows[k]) };
  };

/**
 * A short line's figures in the columns whose kind they are (a % under a share, £ under money),
 * in order; at the left where several places fit, as a PDF drops the blanks at a line's end.
 * The column of each figure.
 */
function placed(figures: readonly string[], kinds: readonly FigureKind[], signed: readonly boolean[]): number[] {
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
  return slots;
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
