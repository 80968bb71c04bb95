import type Decimal from 'decimal.js';
import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import type { Finding } from '../src/domain/audit/finding';
import { Money } from '../src/domain/money';
import { computeSchemeTable } from '../src/domain/schemeTable';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
import { proposeMapping, tablesToImport } from '../src/workbook/import/columnMapping';
import { planFromTable } from '../src/workbook/import/planFromTable';
import type { WorkbookSnapshot } from '../src/workbook/snapshot';
import { TEST_DAY } from './support/testDay';
const { corpus, toXlsx, yearFigures } = require('./support/schemeTableCorpus');

/**
 * The audit on scheme tables typed the ways other councils type them (test/support/
 * schemeTableCorpus.js): every seeded fault must be found at its cell with the figure the cell
 * should show, and no correct figure may be flagged. The counts are printed for the README.
 */
interface Fault {
  sheet: string;
  cell: string;
  expected: string;
  /** Set where the figure can only be worked out to within its last place (a share of costs typed in £m). */
  within?: string;
}

const rightFigure = (f: Finding, fault: Fault) =>
  Math.abs(figureIn(f.expected) - Number(fault.expected)) <= Number(fault.within ?? 0) + 1e-9;
interface Spec {
  name: string;
  faults: Fault[];
  correct: { sheet: string; cell: string }[];
}

const specs: Spec[] = corpus();
const snapshots = new Map<string, WorkbookSnapshot>();
const findings = new Map<string, readonly Finding[]>();

/** The figure in an expected or shown text: "£1,234k" -> 1234, "(1,234)" -> -1234, "3.48%" -> 3.48. */
function figureIn(text: string): number {
  const negative = /^\(.*\)$|^-/.test(text.trim());
  const digits = /[\d,]*\.?\d+/.exec(text)?.[0].replace(/,/g, '') ?? 'NaN';
  return (negative ? -1 : 1) * Number(digits);
}

beforeAll(async () => {
  for (const spec of specs) {
    const snapshot = await xlsxToSnapshot(await toXlsx(spec));
    snapshots.set(spec.name, snapshot);
    findings.set(spec.name, auditWorkbook(snapshot).findings);
  }
});

test('the corpus has at least 20 workbooks, each with seeded faults and its correct cells written down', () => {
  expect(specs.length).toBeGreaterThanOrEqual(20);
  for (const spec of specs) {
    expect(spec.faults.length).toBeGreaterThan(0);
    expect(spec.correct.length).toBeGreaterThan(spec.faults.length);
  }
});

describe.each(specs.map((s) => [s.name, s] as const))('%s', (name, spec) => {
  test('every seeded fault is found at its cell, with the figure it should show', () => {
    const found = findings.get(name)!;
    for (const fault of spec.faults) {
      const here = found.filter((f) => f.sheet === fault.sheet && f.cell === fault.cell);
      expect([fault.cell, here.length]).toEqual([fault.cell, 1]);
      expect([fault.cell, here[0].expected, rightFigure(here[0], fault)]).toEqual([fault.cell, here[0].expected, true]);
    }
  });

  test('no correct figure is flagged, and nothing outside the scheme tables', () => {
    const faults = new Set(spec.faults.map((f) => `${f.sheet}!${f.cell}`));
    const falseAlarms = findings.get(name)!.filter((f) => !faults.has(`${f.sheet}!${f.cell}`));
    expect(falseAlarms.map((f) => `${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
  });
});

test('recall and false alarms over the whole corpus (printed for the README)', () => {
  let seeded = 0;
  let foundRight = 0;
  let falseAlarms = 0;
  let correctCells = 0;
  for (const spec of specs) {
    const all = findings.get(spec.name)!;
    const faults = new Set(spec.faults.map((f) => `${f.sheet}!${f.cell}`));
    seeded += spec.faults.length;
    correctCells += spec.correct.length;
    foundRight += spec.faults.filter((fault) =>
      all.some((f) => f.sheet === fault.sheet && f.cell === fault.cell && rightFigure(f, fault)),
    ).length;
    falseAlarms += all.filter((f) => !faults.has(`${f.sheet}!${f.cell}`)).length;
  }
  console.log(
    `scheme-table corpus: ${specs.length} workbooks, ${seeded} seeded faults, ${foundRight} found with the right figure (recall ${((100 * foundRight) / seeded).toFixed(1)}%), ${falseAlarms} false alarms on ${correctCells} correct figures`,
  );
  expect([foundRight, falseAlarms]).toEqual([seeded, 0]);
});

/** The first table of each workbook imported: the plan's own tables must show the figures the table should show. */
describe('importing each workbook’s first table starts a plan that reproduces its correct figures', () => {
  const pct = (d: Decimal | null) => (d === null ? null : d.times(100).toDecimalPlaces(2).toNumber());
  test.each(specs.map((s) => [s.name, s] as const))('%s', (name, spec: any) => {
    const [table] = tablesToImport(snapshots.get(name)!);
    expect(table.grid.sheet.name).toBe(spec.first.sheet);
    const result = planFromTable(proposeMapping(table), {
      board: 'Made-up Borough',
      year: spec.first.year,
      today: TEST_DAY,
    });
    const negative = spec.first.schemes.some((s: any) => s.years[spec.first.year].cost.isNegative());
    if (negative) {
      // The plan takes no negative cost: the import says which cell, and writes nothing.
      expect(result.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
        expect.stringMatching(/negative/),
      ]);
      return;
    }
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const truth = yearFigures(spec.first.schemes, spec.first.year, spec.first.unit);
    const generated = computeSchemeTable(result.plan, spec.first.year);
    const halfUnit = (spec.first.scale / 2) * (spec.first.scale > 1 ? 1 : 0);
    expect(generated.lines.length).toBe(truth.rows.length);
    generated.lines.forEach((line, i) => {
      const want = truth.rows[i];
      // A table of refs alone names its schemes by them.
      expect([line.scheme.name, line.scheme.inPool]).toEqual([
        spec.first.unnamed ? want.s.ref : want.s.name,
        want.s.inPool,
      ]);
      expect(line.cost.minus(want.cost).abs().toNumber()).toBeLessThanOrEqual(halfUnit);
      expect((line.counts.NEL ?? new Money(0)).toNumber()).toBe(want.nel.toNumber());
      if (spec.first.multi) expect(line.totalSaving.toNumber()).toBe(want.totalSaving.toNumber());
      else expect(line.savings.NEL.toNumber()).toBe(want.saving.toNumber());
      expect(pct(line.shareOfNel)).toBe(pct(want.change));
      if (!halfUnit) expect(pct(line.shareOfPool)).toBe(pct(want.share));
    });
    if (!halfUnit) expect(generated.poolTotal.toNumber()).toBe(truth.pool.toNumber());
  });
});
