import { readTypedCell } from './typedCell';

/** A line pasted from a PDF: the figures written at its end, and what kind each is. */

/**
 * What a column of figures can be headed: per cent (a % sign, or figures up to a total of 100
 * with decimals: "11.63"), money (a £ sign), an amount or count (figures in the thousands, which
 * no share is), or anything.
 */
export type FigureKind = 'percent' | 'money' | 'amount' | 'plain' | 'na';

/** An amount of money: in £, or grouped in thousands ("1,234"). Every scheme table has some. */
export function isAmount(figure: string): boolean {
  return kindOf(figure) === 'money' || /\d,\d{3}/.test(figure);
}

/** A cell left empty between two figures of a line, where a PDF reader gives a space for it. */
export const EMPTY_CELL = '\u2205';

/**
 * A pasted line's text, spaces made plain. A PDF reader gives each cell it skips between two
 * figures as one more space ("2.36   268": two empty cells): those are kept as EMPTY_CELL, so the
 * figures after them stay under their own columns. A figure run into its note ("35,000(Not") is parted from it.
 */
export function lineText(raw: string): string {
  const tokens = raw
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .trim()
    .replace(/(\d)\((?=[A-Za-z])/g, '$1 (')
    .split(' ');
  const isFigure = (t: string | undefined) => t !== undefined && ['number', 'na'].includes(readTypedCell(t).kind);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]) {
      out.push(tokens[i]);
      continue;
    }
    let next = i;
    while (!tokens[next]) next++;
    if (isFigure(out.at(-1)) && isFigure(tokens[next])) for (let k = i; k < next; k++) out.push(EMPTY_CELL);
    i = next - 1;
  }
  return out.join(' ');
}

/** The figures written at the end of a line ('' for a cell left empty), and the words before them. */
export function peel(text: string): { label: string; figures: string[] } {
  const tokens = text.split(' ').filter(Boolean);
  const figures: string[] = [];
  let end = tokens.length;
  while (end > 0) {
    const taken = tokens[end - 1] === EMPTY_CELL ? 1 : figureEnding(tokens, end);
    if (!taken) break;
    figures.unshift(tokens[end - 1] === EMPTY_CELL ? '' : tokens.slice(end - taken, end).join(' '));
    end -= taken;
  }
  const label = tokens.slice(0, end).filter((t) => t !== EMPTY_CELL);
  return { label: label.join(' '), figures };
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

export function kindOf(figure: string | undefined): FigureKind {
  if (figure === undefined) return 'na';
  const t = readTypedCell(figure);
  if (t.kind !== 'number') return 'na';
  if (t.percentSign) return 'percent';
  if (/£/.test(figure) || t.scale !== 1) return 'money';
  return 'plain';
}
