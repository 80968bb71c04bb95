import { xlsxToSnapshot } from '../src/adapters/file/xlsxReader';
import type { Finding } from '../src/domain/audit/finding';
import { auditWorkbook } from '../src/workbook/audit/auditWorkbook';
const { printedCorpus, toXlsx } = require('./support/printedTableCorpus');

/**
 * The audit on tables pasted from PDFs and older sheets, and typed (test/support/printedTableCorpus.js):
 * tiers of sub-totals, denominators stated elsewhere, row totals across years, rounded savings and
 * local tariffs, figures in £m. Each seeded fault must be found at its cell with the figure it
 * should show, in the table's units; nothing else may be flagged. Counts per kind are printed.
 */
interface Fault {
  sheet: string;
  cell: string;
  expected: number;
  within?: number;
  millions?: boolean;
}
interface Spec {
  kind: string;
  name: string;
  faults: Fault[];
}

const specs: Spec[] = printedCorpus();
const findings = new Map<string, readonly Finding[]>();

/** The figure in an expected text: "£1,234" -> 1234, "£6.36m" -> 6.36, "3.48%" -> 3.48. */
function figureIn(text: string): number {
  const negative = /^\(.*\)$|^-/.test(text.trim());
  const digits = /[\d,]*\.?\d+/.exec(text)?.[0].replace(/,/g, '') ?? 'NaN';
  return (negative ? -1 : 1) * Number(digits);
}

const rightFigure = (f: Finding, fault: Fault) =>
  Math.abs(figureIn(f.expected) - fault.expected) <= (fault.within ?? 0) + 1e-9 &&
  (!fault.millions || /^£\d{1,3}(,\d{3})*\.\d{2}m$/.test(f.expected));

beforeAll(async () => {
  for (const spec of specs) findings.set(spec.name, auditWorkbook(await xlsxToSnapshot(await toXlsx(spec))).findings);
});

test('the corpus has at least 30 tables of every kind, pasted and typed, with faults and clean', () => {
  expect(specs.length).toBeGreaterThanOrEqual(30);
  const kinds = [...new Set(specs.map((s) => s.kind))];
  expect(kinds.length).toBeGreaterThanOrEqual(5);
  for (const kind of kinds) {
    const mine = specs.filter((s) => s.kind === kind);
    expect(mine.some((s) => s.faults.length)).toBe(true);
    expect(mine.some((s) => !s.faults.length)).toBe(true);
  }
});

test('findings speak in the table’s words, never its colour key', () => {
  const all = specs.flatMap((s) => findings.get(s.name)!);
  expect(all.length).toBeGreaterThan(0);
  expect(all.filter((f) => /needs attention|legend|input: type here/i.test(f.message)).map((f) => f.message)).toEqual(
    [],
  );
});

function score(spec: Spec) {
  const all = findings.get(spec.name)!;
  const at = (f: Fault) => all.filter((x) => x.sheet === f.sheet && x.cell === f.cell);
  const found = spec.faults.filter((f) => at(f).length === 1 && rightFigure(at(f)[0], f));
  const faultCells = new Set(spec.faults.map((f) => `${f.sheet}!${f.cell}`));
  const falseAlarms = all.filter((f) => !faultCells.has(`${f.sheet}!${f.cell}`));
  return { found, missed: spec.faults.filter((f) => !found.includes(f)), falseAlarms };
}

describe.each(specs.map((s) => [s.name, s] as const))('%s', (_name, spec) => {
  test('every fault is found at its cell with the figure it should show, and nothing else', () => {
    const { missed, falseAlarms } = score(spec);
    const all = findings.get(spec.name)!;
    expect({
      missed: missed.map(
        (f) => `${f.cell} should be ${f.expected}: ${all.find((x) => x.cell === f.cell)?.expected ?? 'not found'}`,
      ),
      falseAlarms: falseAlarms.map((f) => `${f.sheet}!${f.cell}: ${f.message}`),
    }).toEqual({ missed: [], falseAlarms: [] });
  });
});

test('found, missed and false alarms by kind (printed for the README)', () => {
  const lines = ['| kind | tables | faults | found | missed | false alarms |', '|---|---|---|---|---|---|'];
  for (const kind of [...new Set(specs.map((s) => s.kind))]) {
    const mine = specs.filter((s) => s.kind === kind).map((s) => ({ s, ...score(s) }));
    const n = (f: (x: (typeof mine)[number]) => number) => mine.reduce((a, x) => a + f(x), 0);
    lines.push(
      `| ${kind} | ${mine.length} | ${n((x) => x.s.faults.length)} | ${n((x) => x.found.length)} | ${n((x) => x.missed.length)} | ${n((x) => x.falseAlarms.length)} |`,
    );
  }
  console.log(lines.join('\n'));
  expect(specs.every((s) => score(s).missed.length === 0 && score(s).falseAlarms.length === 0)).toBe(true);
});
