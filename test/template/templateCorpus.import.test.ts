import { xlsxToSnapshot } from '../../src/adapters/file/xlsxReader';
import type { Finding } from '../../src/domain/audit/finding';
import { incomeFrom, spendFrom, totalSpend } from '../../src/domain/expenditure';
import { auditWorkbook } from '../../src/workbook/audit/auditWorkbook';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { importTemplate } from '../../src/workbook/template/templateImport';
import type { SourceId, TemplateSpec } from '../support/templateCorpus';
const { templateCorpus, toXlsx } = require('../support/templateCorpus') as typeof import('../support/templateCorpus');

/**
 * Every workbook of the template corpus (test/support/templateCorpus.js, laid out like each
 * cycle's planning template, clean and with seeded faults) read through the .xlsx reader: the
 * lines, each year's and each source's totals come back exactly, and the audit finds every seeded
 * fault at its cell and rule and nothing else (a fault's `mayAlsoFlag` cells excepted).
 */
const corpus: TemplateSpec[] = templateCorpus();
const snapshots = new Map<string, WorkbookSnapshot>();
beforeAll(async () => {
  for (const spec of corpus) snapshots.set(spec.name, await xlsxToSnapshot(await toXlsx(spec)));
});

const money = (d: { toFixed(n: number): string } | undefined) => (d ? d.toFixed(2) : '0.00');

function importedLines(spec: TemplateSpec) {
  const imported = importTemplate(snapshots.get(spec.name)!, {});
  expect(imported).toBeDefined();
  return imported!;
}

describe.each(corpus.map((s) => [s.name, s] as const))('%s', (_, spec) => {
  test('imports every line exactly', () => {
    const { plan } = importedLines(spec);
    const got = (plan.expenditure ?? []).map((l) => ({
      id: l.id || null,
      name: l.name,
      schemeType: l.schemeType || null,
      subType: l.subType || null,
      areaOfSpend: l.areaOfSpend,
      commissioner: l.commissioner,
      nhsPercent: l.commissioner === 'Joint' && l.nhsPercent ? l.nhsPercent.toString() : null,
      provider: l.provider,
      source: l.source,
      spend: Object.fromEntries(spec.years.map((y) => [y, money(l.spend[y])])),
      status: l.status,
    }));
    // The corpus's 2015-16 manifests name scheme types its Expenditure plan has no column for (that
    // template had none): nothing in the workbook says them, so they are not expected back.
    const header = snapshots.get(spec.name)!.sheets.find((s) => s.name === spec.sheets.expenditure)!.values[
      spec.headerRow - 1
    ];
    const typed = (header ?? []).some((h) => typeof h === 'string' && /scheme type/i.test(h));
    const want = spec.expected.lines.map((l) => ({
      ...l,
      schemeType: typed ? l.schemeType : null,
      // A cell of text that is no amount is read as nothing (and reported).
      spend: Object.fromEntries(spec.years.map((y) => [y, l.spend[y] ?? '0.00'])),
    }));
    expect(got).toEqual(want);
    expect(plan.years.map((y) => y.label)).toEqual(spec.years);
  });

  test("each year's and each source's totals", () => {
    const { plan } = importedLines(spec);
    for (const y of spec.years) {
      expect([y, money(totalSpend(plan, y))]).toEqual([y, spec.expected.spendByYear[y]]);
      for (const [source, amounts] of Object.entries(spec.expected.spendBySource))
        expect([source, y, money(spendFrom(plan, source as SourceId, y))]).toEqual([source, y, amounts![y]]);
      for (const [source, amounts] of Object.entries(spec.expected.incomeBySource))
        expect([source, y, money(incomeFrom(plan, source as SourceId, y))]).toEqual([source, y, amounts![y] ?? '0.00']);
    }
  });

  test('audit: every seeded fault at its cell and rule, nothing else', () => {
    const { findings } = auditWorkbook(snapshots.get(spec.name)!);
    const key = (f: { sheet: string; cell: string; rule: string }) => `${f.sheet}!${f.cell} ${f.rule}`;
    const allowed = new Set(spec.faults.flatMap((f) => f.mayAlsoFlag.map(key)));
    const found = findings.map((f: Finding) => key(f)).filter((k) => !allowed.has(k));
    expect(found.sort()).toEqual(spec.faults.map(key).sort());
  });
});
