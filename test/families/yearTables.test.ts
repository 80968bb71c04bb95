import type { Scalar } from '../../src/workbook/sheetPlan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { barnetJsonCopy } from '../support/barnet';
import { figureDifference } from '../support/figures';
import { builtSnapshot, runFamilyCases, typeInto } from './familyCases';

/** A figure of a scheme's row in a year's NEL table, by the scheme's ref and the column's header. */
function schemeFigure(snapshot: WorkbookSnapshot, sheet: string, ref: string, header: string): Scalar {
  const values = snapshot.sheets.find((s) => s.name === sheet)!.values;
  const headerRow = values.findIndex((r) => r.includes(header));
  const row = values.find((r, i) => i > headerRow && r[1] === ref)!;
  return row[values[headerRow].indexOf(header)];
}

/** The year tables are calculated: they follow the Schemes sheet, and nothing typed over them reaches the plan. */
describe('the year tables: plan -> sheet', () => {
  test.each([
    ['Barnet 2014/15, 1a', barnetJsonCopy(), 'BCF 2014-15', '1a', { 'Cost (£)': 35000, 'No. reduced NEL adm.': 23 }],
    [
      'a cost changed in the plan',
      (() => {
        const j = barnetJsonCopy();
        j.schemes[0].years['2015/16'].cost = 90000;
        return j;
      })(),
      'BCF 2015-16',
      '1a',
      { 'Cost (£)': 90000, 'Saving (£)': 119 * 2004 },
    ],
  ])('%s', (_, json, sheet, ref, figures) => {
    const built = builtSnapshot(json);
    for (const [header, value] of Object.entries(figures))
      expect([header, figureDifference(value, schemeFigure(built, sheet, ref, header), undefined)]).toEqual([
        header,
        null,
      ]);
  });
});

runFamilyCases(
  'the year tables',
  ['schemes', 'years', 'unitCosts'],
  [
    {
      name: 'a figure typed over a calculated cell leaves the plan as it was',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'BCF 2014-15', header: 'Cost (£)', row: '1, 2', value: 1 }],
    },
  ],
);

test('typing over the year table changes the sheet the reader skips, not the Schemes sheet', () => {
  const built = builtSnapshot(barnetJsonCopy());
  const edited = typeInto(built, { sheet: 'BCF 2014-15', header: 'Cost (£)', row: '1, 2', value: 1 });
  expect(edited.sheets.find((s) => s.name === 'Schemes')).toBe(built.sheets.find((s) => s.name === 'Schemes'));
  expect(edited.sheets.find((s) => s.name === 'BCF 2014-15')).not.toBe(
    built.sheets.find((s) => s.name === 'BCF 2014-15'),
  );
});
