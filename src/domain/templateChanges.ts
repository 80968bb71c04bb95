import type Decimal from 'decimal.js';
import { expenditureOf, incomeFrom, MINIMUM_KINDS, MINIMUM_LABELS, type ExpenditureLine } from './expenditure';
import { formatPounds } from './money';
import type { Plan } from './plan';
import { FUNDING_SOURCES } from './templateVocabulary';

/**
 * What changed in the planning template's sections between two plans, in words, line by line:
 * part of planChanges, so the pane counts an edit as unsaved and a workbook edit is never taken for
 * the same plan.
 */
export function templateChanges(from: Plan, to: Plan): string[] {
  const changes: string[] = [];
  const figure = (what: string, a: Decimal | undefined, b: Decimal | undefined) => {
    const shown = (d: Decimal | undefined) => (d ? formatPounds(d, true) : '(blank)');
    if (shown(a) !== shown(b)) changes.push(`${what}: ${shown(a)} → ${shown(b)}`);
  };
  for (const y of to.years) {
    for (const s of FUNDING_SOURCES) {
      const [a, b] = [incomeFrom(from, s.id, y.label), incomeFrom(to, s.id, y.label)];
      if (!a.equals(b)) figure(`Income from ${s.label}, ${y.label}`, a, b);
    }
    for (const kind of MINIMUM_KINDS)
      figure(`${MINIMUM_LABELS[kind]}, ${y.label}`, from.minimums?.[y.label]?.[kind], to.minimums?.[y.label]?.[kind]);
  }
  const before = expenditureOf(from);
  const after = expenditureOf(to);
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const [a, b] = [before[i], after[i]];
    if (a && b && lineText(a) === lineText(b)) continue;
    const line = b ?? a;
    const name = `Expenditure line ${i + 1}${line.id ? ` (${line.id})` : ''} ${line.name}`.trim();
    changes.push(`${name}: ${!a ? 'added' : !b ? 'removed' : 'changed'}`);
  }
  return changes;
}

/** A line as plain text (Decimal writes itself as its digits), so two lines compare by what they hold. */
function lineText(line: ExpenditureLine): string {
  return JSON.stringify(line);
}
