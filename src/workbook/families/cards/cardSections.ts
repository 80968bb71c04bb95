import type Decimal from 'decimal.js';
import {
  BENEFIT_TYPES,
  MILESTONE_STATUSES,
  SIGN_OFF_DECISIONS,
  signOffRoles,
  type BenefitCard,
} from '../../../domain/benefitCard';
import type { Plan } from '../../../domain/plan';
import { dateSerial } from '../../../domain/tracker';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT } from '../../sheetPlan';
import type { SchemesGeometry } from '../assumptions/schemesLayout';
import { inputNote, legendRow } from '../shared/inputLegend';
import { dateInput, headerRow, keyValue, section, spare, type CardRows } from './cardRows';
import { CARD_LABEL, CARD_SECTION, FORMAT_DATE, MILESTONE_HEADERS, SIGN_OFF_HEADERS, UNMATCHED_HEADERS } from './names';

/* The sections of a card a person fills in: who owns the benefit, the case for it, what it depends on, its milestones and sign-off. */

export function cardHeading(b: CardRows, card: BenefitCard): void {
  const { rows } = b;
  rows.push([text(`Benefit Card ${card.ref}: ${card.schemeName}`, 'title')]);
  rows.push([text(inputNote('kept by people; refreshing the cards from the plan keeps them.'), 'note')]);
  if (!card.scheme)
    rows.push([
      text(
        `Scheme ${card.ref} is no longer in the plan; this card and everything typed on it are kept until you delete the sheet.`,
        'warning',
      ),
    ]);
  if (card.unmatched.length)
    rows.push([
      text(
        `${card.unmatched.length} entr${card.unmatched.length === 1 ? 'y no longer fits' : 'ies no longer fit'} the plan: see "${CARD_SECTION.unmatched}" below. They are kept.`,
        'warning',
      ),
    ]);
  rows.push(legendRow());
}

/** The identity and business-case sections; returns the scheme's index in the plan, or -1. */
export function identityAndCase(b: CardRows, plan: Plan, card: BenefitCard, schemes: SchemesGeometry): number {
  section(b, CARD_SECTION.identity);
  const schemeIndex = card.scheme ? plan.schemes.indexOf(card.scheme) : -1;
  keyValue(b, CARD_LABEL.ref, text(card.ref));
  keyValue(
    b,
    CARD_LABEL.scheme,
    schemeIndex >= 0
      ? formula(`""&${schemes.cell('D', schemeIndex)}`, card.schemeName, FORMAT.text)
      : text(card.schemeName),
  );
  keyValue(b, CARD_LABEL.title, text(card.title, 'input'));
  b.validations.push({
    range: cellAddress(b.rows.length, 1),
    kind: 'list',
    list: [...BENEFIT_TYPES],
    message: `Choose ${BENEFIT_TYPES.join(', ')}.`,
  });
  keyValue(b, CARD_LABEL.type, text(card.type, 'input'));
  keyValue(b, CARD_LABEL.tier, text(card.tier, 'input'));
  keyValue(b, CARD_LABEL.owner, text(card.owner, 'input'));
  b.rows.push([]);

  section(b, CARD_SECTION.case);
  keyValue(b, CARD_LABEL.description, text(card.description, 'input'));
  keyValue(b, CARD_LABEL.measures, text(card.measures, 'input'));
  keyValue(b, CARD_LABEL.calculation, text(card.calculation, 'note'));
  keyValue(b, CARD_LABEL.evidence, text(card.evidence, 'input'));
  keyValue(
    b,
    CARD_LABEL.optimismBias,
    card.optimismBias ? num(card.optimismBias, FORMAT.percent, 'input') : { style: 'input', format: FORMAT.percent },
  );
  keyValue(b, CARD_LABEL.timeLag, text(card.timeLag, 'input'));
  keyValue(b, CARD_LABEL.notes, text(card.notes, 'input'));
  b.rows.push([]);
  return schemeIndex;
}

export function barriersAndDependencies(b: CardRows, card: BenefitCard): void {
  section(b, CARD_SECTION.barriers, 'What could prevent delivery of the benefit.');
  headerRow(b, ['Barrier']);
  for (const x of [...card.barriers, ...spare()]) b.rows.push([text(x, 'input')]);
  b.rows.push([]);
  section(b, CARD_SECTION.dependencies, 'What else delivery depends on.');
  headerRow(b, ['Dependency']);
  for (const d of [...card.dependencies, ...spare()]) b.rows.push([text(d, 'input')]);
  b.rows.push([]);
}

/** The milestones table with spare rows; returns its first and last rows. */
export function milestonesTable(b: CardRows, card: BenefitCard): { first: number; last: number } {
  const { rows } = b;
  const at = (row: number, col: number) => cellAddress(row, col);
  section(
    b,
    CARD_SECTION.milestones,
    'Activities and milestones that deliver the benefit. Open due is the due date of milestones not Done.',
  );
  headerRow(b, MILESTONE_HEADERS);
  const msFirst = rows.length;
  const milestones = [...card.milestones, ...spare().map(() => ({ activity: '', milestone: '', due: '', status: '' }))];
  for (const ms of milestones) {
    const r = rows.length;
    const serial = dateSerial(ms.due);
    const open = serial !== null && ms.status.toLowerCase() !== 'done' ? serial : '';
    rows.push([
      text(ms.activity, 'input'),
      text(ms.milestone, 'input'),
      dateInput(ms.due),
      text(ms.status, 'input'),
      formula(`IF(OR(${at(r, 3)}="Done",NOT(ISNUMBER(${at(r, 2)}))),"",${at(r, 2)})`, open, FORMAT_DATE),
    ]);
  }
  const msLast = rows.length - 1;
  b.validations.push({
    range: `${at(msFirst, 3)}:${at(msLast, 3)}`,
    kind: 'list',
    list: [...MILESTONE_STATUSES],
    message: `Choose ${MILESTONE_STATUSES.join(', ')}.`,
  });
  rows.push([]);
  return { first: msFirst, last: msLast };
}

/** The sign-off table, a row per role; returns its first row. */
export function signOffTable(b: CardRows, plan: Plan, card: BenefitCard): number {
  const { rows } = b;
  const [group, ...sponsors] = signOffRoles(plan);
  section(b, CARD_SECTION.signOff, `Signed off by the ${group}, the ${sponsors.join(' and the ')}.`);
  headerRow(b, SIGN_OFF_HEADERS);
  const soFirst = rows.length;
  for (const s of card.signOffs) {
    rows.push([text(s.role), text(s.name, 'input'), dateInput(s.date), text(s.decision, 'input')]);
  }
  b.validations.push({
    range: `${cellAddress(soFirst, 3)}:${cellAddress(rows.length - 1, 3)}`,
    kind: 'list',
    list: [...SIGN_OFF_DECISIONS],
    message: `Choose ${SIGN_OFF_DECISIONS.join(', ')}, or leave blank while pending.`,
  });
  rows.push([]);
  return soFirst;
}

/** Entries kept though they no longer fit the plan; returns the table's first and last rows. */
export function unmatchedTable(b: CardRows, card: BenefitCard): { first: number; last: number } {
  const { rows } = b;
  section(
    b,
    CARD_SECTION.unmatched,
    'Entries that no longer fit a quarter or metric of the plan. Kept, never dropped: correct the quarter or metric, or delete the row.',
  );
  headerRow(b, UNMATCHED_HEADERS);
  const unFirst = rows.length;
  for (const u of card.unmatched) {
    const a = u.actual;
    const n = (d: Decimal | undefined) =>
      d === undefined ? { style: 'input' as const, format: FORMAT.count } : num(d, FORMAT.count, 'input');
    rows.push([
      text(a.quarter, 'input'),
      text(a.metric, 'input'),
      n(a.reduction),
      n(a.baseline),
      n(a.actual),
      text(a.note ?? '', 'input'),
      text(u.reason, 'warning'),
    ]);
  }
  return { first: unFirst, last: rows.length - 1 };
}
