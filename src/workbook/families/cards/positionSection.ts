import type { BenefitCard } from '../../../domain/benefitCard';
import { MONEY, NO_DATA, type CardTracker } from '../../../domain/tracker';
import { formula, num, text } from '../../grid';
import { FORMAT, type CellPlan } from '../../sheetPlan';
import { absCell, ragFormula, section, type CardRows, type Row } from './cardRows';
import { CARD_LABEL, CARD_SECTION, FORMAT_DATE, NA, TRACKER_NAMES } from './names';

/* The position block at the top of a card: where it stands at the reporting quarter, every figure a formula over the sections below. */

/** The position block's rows, labelled but empty: filled in last, once the rows it points at are known. */
export function positionPlaceholders(b: CardRows, card: BenefitCard): Map<string, number> {
  section(
    b,
    CARD_SECTION.position,
    'Where the card stands at the reporting quarter (Tracker_AsAt on the Assumptions sheet).',
  );
  const positionLabels: string[] = [
    CARD_LABEL.asAt,
    CARD_LABEL.quarterNumber,
    CARD_LABEL.entries,
    CARD_LABEL.plannedToDate,
    CARD_LABEL.realisedToDate,
    CARD_LABEL.variance,
    CARD_LABEL.variancePct,
    CARD_LABEL.notReported,
    CARD_LABEL.financialStatus,
    ...card.rates.map((r) => `${r.name} status`),
    CARD_LABEL.status,
    CARD_LABEL.statusSetBy,
    CARD_LABEL.signOff,
    CARD_LABEL.nextMilestone,
    CARD_LABEL.nextDue,
    CARD_LABEL.unmatched,
  ];
  const positionRow = new Map<string, number>();
  for (const label of positionLabels) {
    positionRow.set(label, b.rows.length);
    b.cell[label] = absCell(b.rows.length, 1);
    b.rows.push([text(label)]);
  }
  b.rows.push([]);
  return positionRow;
}

/** Where the position block's formulas point: known only once every other section is laid out. */
export interface PositionRefs {
  positionRow: Map<string, number>;
  posCell: string;
  cumRange: (col: number) => string;
  rateStatusRange: Map<string, string>;
  rateNameCell: Map<string, string>;
  signOffRange: string;
  msRange: (col: number) => string;
  unmatchedRange: string;
}

function positionSetters(rows: Row[], refs: PositionRefs) {
  return {
    p: (label: string) => absCell(refs.positionRow.get(label)!, 1),
    set: (label: string, value: CellPlan) => {
      rows[refs.positionRow.get(label)!] = [text(label), value];
    },
  };
}

/** The position block's figures to date: quarter, entries, planned, realised and their variance. */
export function fillPositionFigures(rows: Row[], tracker: CardTracker, refs: PositionRefs): void {
  const pos = tracker.position;
  const { posCell, cumRange } = refs;
  const { p, set } = positionSetters(rows, refs);
  set(CARD_LABEL.asAt, formula(TRACKER_NAMES.quarter, pos.asAt, FORMAT.text));
  set(CARD_LABEL.quarterNumber, formula(TRACKER_NAMES.position, pos.position, FORMAT.count));
  const index = (col: number) => `IF(${posCell}=0,0,INDEX(${cumRange(col)},${posCell}))`;
  const entries = p(CARD_LABEL.entries);
  const planned = p(CARD_LABEL.plannedToDate);
  const realised = p(CARD_LABEL.realisedToDate);
  const cumAt = pos.position > 0 ? tracker.cumulative[pos.position - 1] : undefined;
  set(CARD_LABEL.entries, formula(index(4), cumAt?.entries ?? 0, FORMAT.count));
  set(CARD_LABEL.plannedToDate, formula(index(5), pos.plannedToDate, FORMAT.pounds));
  set(CARD_LABEL.realisedToDate, formula(index(2), pos.realisedToDate, FORMAT.pounds));
  set(CARD_LABEL.variance, formula(`IF(${entries}=0,"",${realised}-${planned})`, pos.variance ?? '', FORMAT.pounds));
  set(
    CARD_LABEL.variancePct,
    formula(
      `IF(${entries}=0,"",IF(${planned}=0,"${NA}",${p(CARD_LABEL.variance)}/${planned}))`,
      pos.variancePct ?? '',
      FORMAT.percent,
    ),
  );
  set(CARD_LABEL.notReported, formula(`${index(1)}-${index(5)}`, pos.plannedNotReported, FORMAT.pounds));
  set(
    CARD_LABEL.financialStatus,
    tracker.metrics.length
      ? formula(`IF(${entries}=0,"No data yet",${ragFormula(realised, planned)})`, pos.financialStatus, FORMAT.text)
      : text(NA),
  );
}

/** The position block's statuses: per rate, overall and what set it, sign-off, next milestone, unmatched entries. */
export function fillPositionStatus(rows: Row[], card: BenefitCard, tracker: CardTracker, refs: PositionRefs): void {
  const pos = tracker.position;
  const { posCell, signOffRange, msRange } = refs;
  const { p, set } = positionSetters(rows, refs);
  tracker.rates.forEach((r, i) => {
    set(
      `${r.measure.name} status`,
      formula(
        `IF(${posCell}=0,"No data yet",INDEX(${refs.rateStatusRange.get(r.measure.id)},${posCell}))`,
        pos.rateStatuses[i],
        FORMAT.text,
      ),
    );
  });
  const statusCell = p(CARD_LABEL.status);
  const statusRange = `${p(CARD_LABEL.financialStatus)}:${absCell(refs.positionRow.get(CARD_LABEL.status)! - 1, 1)}`;
  set(
    CARD_LABEL.status,
    formula(
      `IF(COUNTIF(${statusRange},"Red")>0,"Red",IF(COUNTIF(${statusRange},"Amber")>0,"Amber",IF(COUNTIF(${statusRange},"Green")>0,"Green","No data yet")))`,
      pos.status,
      FORMAT.text,
    ),
  );
  const byRate = tracker.rates
    .map((r) => `IF(${p(`${r.measure.name} status`)}=${statusCell},""&${refs.rateNameCell.get(r.measure.id)},`)
    .join('');
  const setBy = `IF(${statusCell}="No data yet","${NO_DATA}",IF(${p(CARD_LABEL.financialStatus)}=${statusCell},"${MONEY}",${byRate}"${MONEY}"${')'.repeat(tracker.rates.length)}))`;
  set(CARD_LABEL.statusSetBy, formula(setBy, pos.statusSetBy, FORMAT.text));
  const approved = `(COUNTIF(${signOffRange},"Approved")+COUNTIF(${signOffRange},"Approved with conditions"))`;
  set(
    CARD_LABEL.signOff,
    formula(
      `IF(COUNTIF(${signOffRange},"Rejected")>0,"Rejected",IF(${approved}=3,"Signed off",${approved}&" of 3 approved"))`,
      pos.signOff,
      FORMAT.text,
    ),
  );
  set(CARD_LABEL.nextDue, formula(`IF(COUNT(${msRange(4)})=0,"",MIN(${msRange(4)}))`, pos.nextDue ?? '', FORMAT_DATE));
  set(
    CARD_LABEL.nextMilestone,
    formula(
      `IF(${p(CARD_LABEL.nextDue)}="","None open",""&INDEX(${msRange(1)},MATCH(${p(CARD_LABEL.nextDue)},${msRange(4)},0)))`,
      pos.nextMilestone,
      FORMAT.text,
    ),
  );
  set(
    CARD_LABEL.unmatched,
    card.unmatched.length
      ? formula(`COUNTA(${refs.unmatchedRange})`, card.unmatched.length, FORMAT.count)
      : num(0, FORMAT.count),
  );
}
