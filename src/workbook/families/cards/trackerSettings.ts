import { cardBook, planQuarters, planReportingQuarter } from '../../../domain/benefitCard';
import type { Plan } from '../../../domain/plan';
import {
  NOT_A_QUARTER,
  NOT_SET,
  reportingQuarterText as reportingQuarterShown,
} from '../../../domain/reportingQuarter';
import { cellAddress } from '../../a1';
import { formula, num, text } from '../../grid';
import { FORMAT, listValidation, type CellPlan, type DefinedNamePlan, type ValidationPlan } from '../../sheetPlan';
import { SHEET } from '../assumptions/names';
import { BLOCKS } from '../shared/blocks';
import type { Row } from './cardRows';
import { TRACKER_LABELS, TRACKER_NAMES, TRACKER_SETTINGS_HEADER } from './names';

/**
 * The reporting quarter as typed, and as every sheet reads it: TRIM and a case-blind MATCH against
 * the plan's quarters listed on the sheet (text with a wildcard matches none), as
 * domain/reportingQuarter.ts does.
 */
function quarterFormulas(list: string, count: number): { position: string; shown: string } {
  const typed = TRACKER_NAMES.asAt;
  const wildcard = ['*', '?', '~'].map((w) => `ISNUMBER(FIND("${w}",${typed}))`).join('+');
  const position = count
    ? `IF(TRIM(${typed})="",0,IF(${wildcard}>0,0,IFERROR(MATCH(TRIM(${typed}),${list},0),0)))`
    : '0';
  const label = count ? `""&INDEX(${list},${TRACKER_NAMES.position})` : '""';
  const shown = `IF(${TRACKER_NAMES.position}>0,${label},IF(TRIM(${typed})="","${NOT_SET}","${NOT_A_QUARTER}"&TRIM(${typed})))`;
  return { position, shown };
}

/** The tracker settings block of the Assumptions sheet, its header at row `header` (zero-based), and the names of its cells. */
export function trackerSettingsBlock(
  plan: Plan,
  header: number,
): { rows: Row[]; names: DefinedNamePlan[]; validations: ValidationPlan[] } {
  const t = cardBook(plan).tolerances;
  const quarter = planReportingQuarter(plan);
  const rows: Row[] = [];
  rows.push(TRACKER_SETTINGS_HEADER.map((h) => text(h, 'header')));
  const quarters = planQuarters(plan).map((q) => q.label);
  // The plan's quarters are listed under the settings, one row per TRACKER_NAMES entry, after a blank row and their header.
  const listHeader = header + 1 + Object.keys(TRACKER_NAMES).length + 1;
  const listCells = `${cellAddress(listHeader + 1, 0, true)}:${cellAddress(listHeader + Math.max(quarters.length, 1), 0, true)}`;
  const read = quarterFormulas(listCells, quarters.length);
  const settings: [keyof typeof TRACKER_NAMES, CellPlan, string][] = [
    [
      'green',
      num(t.green, FORMAT.percent, 'input'),
      'Green when performance (realised ÷ planned, as 1 + (realised − planned) ÷ the plan’s size so a shortfall always lowers it, whatever the sign) is at least this; with nothing planned, Green unless realised is below zero.',
    ],
    [
      'amber',
      num(t.amber, FORMAT.percent, 'input'),
      'Amber at least this (and below green); below it Red. A card’s status is its worst measure’s, and "Status set by" names that measure.',
    ],
    [
      'range',
      num(t.forecastRange, FORMAT.percent, 'input'),
      'Year-end forecasts: the rest of the year at the run rate over the quarters reported, less or more this share; lower is always the smaller.',
    ],
    [
      'asAt',
      text(quarter.typed, 'input'),
      `The quarter the steering group reviews, e.g. ${quarters[0] ?? '2014/15 Q1'} (case and extra spaces don’t matter). Left blank, or not a quarter of the plan, it is shown as such and no figures are reported.`,
    ],
    [
      'quarter',
      formula(read.shown, reportingQuarterShown(quarter), FORMAT.text),
      'How every sheet, the task pane and bcf track read the reporting quarter.',
    ],
    [
      'position',
      formula(read.position, quarter.position, FORMAT.count),
      'Its place among the plan’s quarters; 0 when it is not set or not a quarter of the plan.',
    ],
  ];
  const names: DefinedNamePlan[] = [];
  settings.forEach(([key, cell, meaning], i) => {
    rows.push([text(TRACKER_LABELS[key]), cell, text(meaning, 'note')]);
    names.push({
      name: TRACKER_NAMES[key],
      sheet: SHEET.assumptions,
      cell: cellAddress(header + 1 + i, 1, true),
      comment: TRACKER_LABELS[key],
    });
  });
  // The plan's quarters, listed under the settings: the reporting quarter is matched against them, and its drop-down takes them from there when they are too many to write out.
  rows.push([]);
  rows.push(BLOCKS.planQuarters.headers.map((h) => text(h, 'header')));
  for (const q of quarters) rows.push([text(q)]);
  const validations: ValidationPlan[] = [
    ...(quarters.length
      ? [
          listValidation(
            cellAddress(header + 4, 1),
            quarters,
            listCells,
            'Choose one of the plan’s quarters, e.g. 2015/16 Q2.',
          ),
        ]
      : []),
  ];
  return { rows, names, validations };
}
