import { text } from '../../grid';
import { INPUT_LOOK, type CellPlan } from '../../sheetPlan';

/** "Yellow cells are inputs: <who types what> Everything else is calculated.": one wording on every sheet. */
export function inputNote(what: string): string {
  return `${INPUT_LOOK.words} are inputs: ${what} Everything else is calculated.`;
}

export const LEGEND = {
  title: 'Legend',
  input: 'Input: type here',
  computed: 'Calculated',
  warning: 'Needs attention',
} as const;

/** A legend row in the sheet's own styles, so what it shows is what the cells look like. */
export function legendRow(): (CellPlan | null)[] {
  return [
    text(LEGEND.title, 'note'),
    text(LEGEND.input, 'input'),
    text(LEGEND.computed, 'computed'),
    text(LEGEND.warning, 'warning'),
  ];
}
