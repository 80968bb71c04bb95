import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { xlsxToSnapshot } from '../../src/adapters/file/xlsxReader';
import { main } from '../../src/cli/main';
import { financialYear } from '../../src/domain/financialYear';
import { emptyPlan } from '../../src/domain/newPlan';
import { planFromJson } from '../../src/domain/planJson';

/** A made-up council's plan file, its years written three ways. */
const northshire = () => ({
  board: 'Northshire',
  years: [{ label: '2026-27' }, { label: '2027/2028' }, { label: '2028/29' }],
  unitCosts: [{ id: 'NEL', benefit: 'Reduced non-elective admissions', value: 1800, unit: 'per admission' }],
  schemes: [
    {
      ref: '1a',
      name: 'Falls service',
      years: {
        '2026-27': { cost: 400000, benefits: { NEL: 30 } },
        '2027/2028': { cost: 410000 },
        '2028/29': { cost: 420000 },
      },
    },
  ],
  targets: [{ year: '2026-27', baseline: 20000, target: 19500 }],
});

describe('financial years written any usual way are one year', () => {
  test.each(['2026/27', '2026-27', '2026/2027', '2026-2027', ' 2026 / 27 '])('"%s" is 2026/27', (text) => {
    expect(financialYear(text).label).toBe('2026/27');
  });

  test.each(['2026-28', '2026/2028', '26/27', '2026'])('"%s" is refused', (text) => {
    expect(() => financialYear(text)).toThrow(/not a financial year/);
  });

  test('a plan file written "2026-27" reads with every year label shown as 2026/27', () => {
    const { plan } = planFromJson(northshire());
    expect(plan.years.map((y) => y.label)).toEqual(['2026/27', '2027/28', '2028/29']);
    expect(Object.keys(plan.schemes[0].years)).toEqual(['2026/27', '2027/28', '2028/29']);
    expect(plan.targets[0].year).toBe('2026/27');
  });

  test('a new plan covers one to ten years', () => {
    expect(emptyPlan('Northshire', '2026-27', 1).years.map((y) => y.label)).toEqual(['2026/27']);
    expect(emptyPlan('Northshire', '2026/2027', 10).years[9].label).toBe('2035/36');
    expect(() => emptyPlan('Northshire', '2026/27', 11)).toThrow(/1 to 10/);
  });

  test('bcf build makes the workbook of a plan from 2026/27 to 2028/29 written "2026-27", and nothing in it says Barnet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcf-years-'));
    try {
      writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(northshire()));
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['build', path.join(dir, 'plan.json'), '-o', path.join(dir, 'plan.xlsx')], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      const snapshot = await xlsxToSnapshot(readFileSync(path.join(dir, 'plan.xlsx')));
      expect(snapshot.sheets.map((s) => s.name)).toEqual(
        expect.arrayContaining(['BCF 2026-27', 'BCF 2027-28', 'BCF 2028-29']),
      );
      expect(JSON.stringify(snapshot.sheets.map((s) => s.values))).not.toMatch(/barnet|hsci/i);
      // The scheme's costs, keyed "2026-27" in the file, are in the year it names.
      const schemes = snapshot.sheets.find((s) => s.name === 'Schemes')!.values;
      const header = schemes.findIndex((r) => r.includes('2026/27 cost (£)'));
      expect(schemes.find((r) => r[0] === '1a')?.[schemes[header].indexOf('2026/27 cost (£)')]).toBe(400000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
