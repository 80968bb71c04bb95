import type { SheetSnapshot } from '../snapshot';
import { lineText, peel } from './pastedFigures';

/**
 * The text of a PDF pasted one line per cell, read back into the lines of the table it was.
 * A PDF reader gives a table's cells as it lays them out, not as rows: a heading one or two words
 * a line, a blank line between cells, a scheme's name broken over lines ("Expert Patient
 * Programme & long-" / "term condition Mentors") and its figures on the lines after it, a figure's
 * note broken from it ("87,120 (Not" / "BCF pool)"), a tier's numbers on a line of their own
 * ("3, 4 2") before its name. Each piece here is one line of the table: pieces of text that
 * belong together are joined, and the sheet row each word came from is kept, so that a finding
 * names the cell that holds the figure.
 */

/** Most blank rows between two lines of one table: a PDF reader gives each empty cell of a row as a blank line. */
const MAX_BLANK_ROWS = 8;
/** A tier's or scheme's numbers on a line of their own: "3, 4 2", "All 4" (Tier, Sch Ref no.). */
export const NUMBERS_LINE = /^((\d{1,2}|all),?\s+){0,3}(\d{1,2}|all)$/i;
/** Figures on a row with words that make it a whole line (a name and its cost alone may go on to the next line). */
const MIN_FIGURES = 2;
/** Most lines a scheme's name is broken over without a hyphen. */
const MAX_NAME_LINES = 3;

export interface Piece {
  readonly column: number;
  readonly text: string;
  /** The sheet row of each word of the text, in order. */
  readonly wordRows: readonly number[];
  /** The rows read into the piece, top down: the piece's own row is the last. */
  readonly rows: readonly number[];
  /** Blank rows between the piece and the one before it. */
  readonly gap: number;
  /** Pieces with the same stretch number follow one another in one column, with few blank rows between. */
  readonly stretch: number;
}

interface SheetLine {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly gap: number;
  readonly stretch: number;
}

/** One piece after another, as one. */
const merged = (a: Piece, b: Piece): Piece => ({
  ...a,
  text: `${a.text} ${b.text}`,
  wordRows: [...a.wordRows, ...b.wordRows],
  rows: [...a.rows, ...b.rows],
});

/** The sheet's lines of text, one per row that holds only text in one cell, pieced back into the lines they were. */
export function piecesOf(sheet: SheetSnapshot): Piece[] {
  const pieces: Piece[] = [];
  const lines = sheetLines(sheet);
  lines.forEach((line, i) => {
    const last = pieces.at(-1);
    const before = lines[i - 1];
    const joined = last && last.stretch === line.stretch ? joining(last, before, line) : undefined;
    pieces.push(
      joined ? join(pieces.pop()!, line, joined === 'word') : { ...line, wordRows: wordRows(line), rows: [line.row] },
    );
  });
  return pullNames(withFigures(pieces));
}

const wordRows = (line: SheetLine) => line.text.split(' ').map(() => line.row);

function join(piece: Piece, line: SheetLine, glued: boolean): Piece {
  return {
    ...piece,
    text: glued ? `${piece.text}${line.text}` : `${piece.text} ${line.text}`,
    wordRows: [...piece.wordRows, ...wordRows(line).slice(glued ? 1 : 0)],
    rows: [...piece.rows, line.row],
  };
}

/**
 * Whether a line is the rest of the piece before it: the rest of a word broken by a hyphen, of a
 * bracket left open ("87,120 (Not" / "BCF pool)"), a figure's note on a line of its own
 * ("23,412,000" / "(BCF Pool)"), or the name after a tier's numbers ("3, 4 2" / "Assessment").
 */
function joining(last: Piece, before: SheetLine, line: SheetLine): 'word' | 'text' | undefined {
  if (line.gap === 0 && /[A-Za-z]-$/.test(last.text) && /^[a-z]/.test(line.text)) return 'word';
  if (line.gap === 0 && count(last.text, '(') > count(last.text, ')')) return 'text';
  // A note on a line of its own, under a figure that ends its line ("6,634,000" / "" / "(BCF Pool)").
  if (/^\([^()]*\)$/.test(line.text) && peel(last.text).figures.length && !whole(last)) return 'text';
  // The tier's numbers were the last line read (and are not already joined to a name).
  if (last.rows.length === 1 && before.row === last.rows[0] && NUMBERS_LINE.test(last.text)) return 'text';
  return undefined;
}

/** Figures on lines of their own are the line's before them: a scheme's after its name, the total's after "Total". */
function withFigures(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    const { label, figures } = peel(piece.text);
    const open = last && last.stretch === piece.stretch && !whole(last);
    if (open && !label && figures.length && !NUMBERS_LINE.test(piece.text)) out[out.length - 1] = merged(last, piece);
    else out.push(piece);
  }
  return out;
}

/**
 * A line with its name and figures on one row ("c. Care Home 1,146,000 4.89 10 20,040 0.98") is
 * whole: figures on the lines under it are another line's (a sub-total's without words).
 */
function whole(piece: Piece): boolean {
  const lastRow = piece.rows[piece.rows.length - 1];
  const { label, figures } = peel(
    piece.text
      .split(' ')
      .filter((_, i) => piece.wordRows[i] === lastRow)
      .join(' '),
  );
  return label !== '' && figures.length >= MIN_FIGURES;
}

/** The text of the piece's first row. */
export const firstLine = (piece: Piece) =>
  piece.text
    .split(' ')
    .filter((_, i) => piece.wordRows[i] === piece.rows[0])
    .join(' ');

const count = (text: string, ch: string) => text.split(ch).length - 1;

/**
 * A scheme's name broken over lines without a hyphen ("b. Older People" / "Integrated Care"),
 * its figures after a blank line: the lines of the name, next to one another, are one with it.
 */
function pullNames(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let piece of pieces) {
    const { label, figures } = peel(piece.text);
    // The figures start on a later line than the name: the name may have started on lines above.
    const figuresBelow = figures.length > 0 && label !== '' && piece.wordRows.at(-1) !== piece.rows[0];
    for (let pulled = 0; figuresBelow && pulled < MAX_NAME_LINES - 1; pulled++) {
      const above = out.at(-1);
      const wordsOnly = above && peel(above.text).figures.length === 0 && !NUMBERS_LINE.test(firstLine(above));
      if (!above || !wordsOnly || piece.gap > 0 || above.stretch !== piece.stretch) break;
      out.pop();
      piece = merged(above, piece);
    }
    out.push(piece);
  }
  return out;
}

function sheetLines(sheet: SheetSnapshot): SheetLine[] {
  const lines: SheetLine[] = [];
  let gap = 0;
  let stretch = 0;
  for (let r = 0; r < sheet.values.length; r++) {
    const cell = loneText(sheet, r);
    if (cell === 'blank') {
      gap++;
      continue;
    }
    const last = lines.at(-1);
    if (!cell || !last || last.column !== cell.column || gap > MAX_BLANK_ROWS) stretch++;
    if (cell) lines.push({ row: r, column: cell.column, text: cell.text, gap: last ? gap : 0, stretch });
    gap = 0;
  }
  return lines;
}

/** The only non-blank cell of the row, when it holds text; 'blank' for a row with nothing (or only spaces) in it. */
export function loneText(sheet: SheetSnapshot, r: number): { column: number; text: string } | 'blank' | undefined {
  const row = sheet.values[r] ?? [];
  let found: { column: number; text: string } | undefined;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
    if (found || typeof v !== 'string') return undefined;
    found = {
      column: c,
      text: lineText(v.replace(/[\r\n]+/g, ' ')),
    };
  }
  return found ?? 'blank';
}
