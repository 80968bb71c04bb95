import { classifyHeader } from './headerWords';
import { hiddenSubtotals, subtotalsAddingUp } from './subtotals';
import type { Column, LabelColumn, SubTotal } from './tableParts';
import type { TableGrid } from './tableGrid';

// The rows under a scheme table's header: schemes, sub-totals (below or above their groups), the
// total, and where the table ends. Apart from findTables.ts, which finds the headers and columns.

// "Subtotal" is one word in many old sheets: "Prevention subtotal" ends in a total as "Prevention sub-total" does.
const TOTAL_LABEL =
  /^(grand |overall |sub-? ?|bcf |pool |scheme |net )?totals?\b|\b(sub-? ?)?totals?:?$|^all schemes\b|^sum\b/i;
const SUBTOTAL_LABEL = /sub-? ?totals?/i;
/** Among the schemes, only these are sub-totals: a scheme may be called "Total Care Review". */
const MIDDLE_TOTAL =
  /^sub-? ?totals?\b|^totals?\s*($|[:(\-–]|for\b|tier\b|group\b|section\b|theme\b)|\b(sub-? ?)?totals?:?$/i;

export interface Body {
  readonly rows: number[];
  readonly totalRow?: number;
  readonly subtotals: SubTotal[];
  readonly lastRow: number;
  readonly unlabelled?: SubTotal[];
  /** The labelled sub-totals read as headings over the schemes after them, as sheets with the total on top have them. */
  readonly headings?: SubTotal[];
}

type RowKind = 'blank' | 'header' | 'text' | 'total' | 'unlabelled' | 'data';

function rowKind(
  grid: TableGrid,
  r: number,
  columns: readonly Column[],
  labels: readonly LabelColumn[],
  from: number,
  to: number,
): RowKind {
  let any = false;
  for (let c = from; c <= to; c++) if (!grid.isBlank(r, c)) any = true;
  if (!any) return 'blank';
  const labelTexts = labels
    .map((l) => grid.text(r, l.index) || (grid.typed(r, l.index).kind === 'number' ? 'n' : ''))
    .filter(Boolean);
  const figures = columns.some((c) => ['number', 'na'].includes(grid.typed(r, c.index).kind));
  const cost = columns.find((c) => c.role === 'cost');
  const costNote = cost ? grid.typed(r, cost.index) : undefined;
  const poolNote =
    costNote?.kind === 'number' && /pool/i.test(costNote.note) && !/not|outside|excl/i.test(costNote.note);
  if (labelTexts.some((t) => TOTAL_LABEL.test(t.trim())) || poolNote) return figures ? 'total' : 'text';
  if (!figures)
    return columns.filter((c) => grid.text(r, c.index) && classifyHeader(grid.text(r, c.index))).length >= 2
      ? 'header'
      : 'text';
  if (labels.length && !labelTexts.length) return 'unlabelled';
  return 'data';
}

export function readBody(
  grid: TableGrid,
  start: number,
  columns: readonly Column[],
  labels: readonly LabelColumn[],
  from: number,
  to: number,
): Body {
  const kinds: { row: number; kind: RowKind }[] = [];
  const kindOf = (r: number) => rowKind(grid, r, columns, labels, from, to);
  for (let r = start; r < grid.rowCount; r++) {
    const kind = kindOf(r);
    if (kind === 'header') break;
    if (kind === 'blank') {
      if (!kinds.some((k) => k.kind === 'data')) continue;
      let next = r + 1;
      while (next < grid.rowCount && kindOf(next) === 'blank' && next - r < 2) next++;
      const after = next < grid.rowCount ? kindOf(next) : 'blank';
      if (after !== 'data' && after !== 'total' && after !== 'unlabelled') break;
      continue;
    }
    // A heading after a total starts the next group only when schemes follow it.
    if (kind === 'text' && kinds[kinds.length - 1]?.kind === 'total' && !continuesWithData(grid.rowCount, r, kindOf))
      break;
    kinds.push({ row: r, kind });
    if (
      (kind === 'total' || kind === 'unlabelled') &&
      kinds.some((k) => k.kind === 'data') &&
      !continuesWithData(grid.rowCount, r, kindOf)
    )
      break;
  }
  const read = bodyOf(grid, kinds, labels);
  const { headings: __, ...closing } = read;
  // Sub-totals over their groups where more of them add up so than under the groups above them.
  const body =
    read.headings?.length &&
    read.headings.every((h) => h.rows.length) &&
    subtotalsAddingUp(grid, columns, read.headings) > subtotalsAddingUp(grid, columns, read.subtotals)
      ? { ...closing, subtotals: read.headings }
      : closing;
  // Sub-totals nobody labelled: only where the total adds up without them.
  const hidden = body.subtotals.length
    ? undefined
    : hiddenSubtotals(grid, columns, body.rows, body.totalRow, body.unlabelled ?? []);
  const { unlabelled: _, ...plain } = body;
  return hidden ? { ...plain, ...hidden } : plain;
}

/** After a total, do more scheme rows follow (a sub-total) or does the table end? */
function continuesWithData(rowCount: number, r: number, kindOf: (r: number) => RowKind): boolean {
  for (let k = r + 1; k < Math.min(rowCount, r + 4); k++) {
    const kind = kindOf(k);
    if (kind === 'data' || kind === 'total' || kind === 'unlabelled') return true;
    if (kind !== 'text') return false;
  }
  return false;
}

function bodyOf(
  grid: TableGrid,
  kinds: readonly { row: number; kind: RowKind }[],
  labels: readonly LabelColumn[],
): Body {
  const firstData = kinds.findIndex((k) => k.kind === 'data');
  const lastData = kinds.map((k) => k.kind).lastIndexOf('data');
  const rows: number[] = [];
  const subtotals: SubTotal[] = [];
  let totalRow: number | undefined;
  let section: number[] = [];
  // Rows with figures and no label among the schemes may be sub-totals nobody labelled (see hiddenSubtotals).
  const unlabelled: SubTotal[] = [];
  let sinceUnlabelled: number[] = [];
  // After the last scheme: the last total is the table's; one before it closes the last group.
  const trailing = kinds.filter((k, i) => i > lastData && (k.kind === 'total' || k.kind === 'unlabelled'));
  const headings: { row: number; rows: number[] }[] = [];
  kinds.forEach((k, i) => {
    if (k.kind === 'data') headings[headings.length - 1]?.rows.push(k.row);
    if (k.kind === 'data' || (k.kind === 'unlabelled' && i > firstData && i < lastData)) {
      if (k.kind === 'unlabelled') {
        unlabelled.push({ row: k.row, rows: sinceUnlabelled });
        sinceUnlabelled = [];
      } else sinceUnlabelled.push(k.row);
      rows.push(k.row);
      section.push(k.row);
    } else if (k.kind === 'total' || k.kind === 'unlabelled') {
      const sub = k.kind === 'total' && SUBTOTAL_LABEL.test(labelText(grid, k.row, labels));
      const closesGroup = sub || subtotals.length > 0 || unlabelled.length > 0;
      if (
        k.kind === 'total' &&
        i < lastData &&
        (i > 0 || totalRow !== undefined) &&
        (sub || MIDDLE_TOTAL.test(labelText(grid, k.row, labels).trim()))
      )
        headings.push({ row: k.row, rows: [] });
      if (i < firstData && totalRow === undefined) totalRow = k.row;
      else if (i > lastData && (k === trailing[trailing.length - 1] || !(closesGroup && section.length)))
        totalRow = k.row;
      else if (k.kind === 'total' && i > lastData && (sub || section.length)) {
        subtotals.push({ row: k.row, rows: section });
        section = [];
      } else if (
        k.kind === 'total' &&
        !MIDDLE_TOTAL.test(labelText(grid, k.row, labels).trim()) &&
        !poolNoted(grid, k.row)
      ) {
        // "Total Care Review" among the schemes is a scheme.
        rows.push(k.row);
        section.push(k.row);
        sinceUnlabelled.push(k.row);
      } else if (k.kind === 'total' && (sub || section.length)) {
        subtotals.push({ row: k.row, rows: section });
        section = [];
      } else if (i > lastData && sinceUnlabelled.length) {
        unlabelled.push({ row: k.row, rows: sinceUnlabelled });
        sinceUnlabelled = [];
      }
    }
  });
  const lastRow = kinds.length ? kinds[kinds.length - 1].row : 0;
  return { rows, totalRow, subtotals, lastRow, unlabelled, headings };
}

function labelText(grid: TableGrid, r: number, labels: readonly LabelColumn[]): string {
  return labels
    .map((l) => grid.text(r, l.index))
    .filter(Boolean)
    .join(' ');
}

function poolNoted(grid: TableGrid, r: number): boolean {
  for (let c = 0; c < grid.columnCount; c++) {
    const t = grid.typed(r, c);
    if (t.kind === 'number' && /pool/i.test(t.note) && !/not|outside|excl/i.test(t.note)) return true;
  }
  return false;
}
