import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { ExpectedLine, Manifest, Rule, TemplateSpec, Version } from './support/templateCorpus';
const { templateCorpus, makeTemplate, toXlsx, manifestOf } = require('./support/templateCorpus');

/**
 * The template corpus generator itself (test/support/templateCorpus.js): its manifests add up, its
 * clean workbooks are clean, and every seeded fault is in the written workbook where the manifest says.
 * The workbooks are read back with ExcelJS and their lines read with a small reader of this test's own.
 */
const specs: TemplateSpec[] = templateCorpus();
const VERSIONS: Version[] = ['2015-16', '2017-19', '2019-20', '2021-22', '2022-23', '2023-25', '2025-26'];
const DISCHARGE_TYPES = [
  'High Impact Change Model for Managing Transfer of Care',
  'Home-based intermediate care services',
  'Bed based intermediate Care Services',
  'Reablement in a persons own home',
  'Home Care or Domiciliary Care',
  'Residential Placements',
  'Workforce recruitment and retention',
  'Assistive Technologies and Equipment',
  'Urgent Community Response',
  'Personalised Care at Home',
  'Integrated Care Planning and Navigation',
];
const ZERO = new Decimal(0);
const sum = (xs: (string | null)[]) => xs.reduce((a: Decimal, x) => (x === null ? a : a.plus(x)), ZERO);

const books = new Map<string, ExcelJS.Workbook>();
beforeAll(async () => {
  for (const spec of specs) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(spec)) as unknown as ArrayBuffer);
    books.set(spec.name, wb);
  }
});

/** A cell's value as shown: the cached result of a formula, else the value. */
function valueAt(spec: TemplateSpec, sheet: string, cell: string): unknown {
  const ws = books.get(spec.name)!.getWorksheet(sheet);
  if (!ws) throw new Error(`${spec.name}: no sheet ${sheet}`);
  const v = ws.getCell(cell).value as unknown;
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result;
  return v;
}

/** A money cell as a Decimal: numbers, "£1,234.56" text, blank as 0; null for text that is no amount. */
function amountOf(v: unknown): Decimal | null {
  if (v === null || v === undefined || v === '') return ZERO;
  if (typeof v === 'number') return new Decimal(v);
  const m = /^-?£?([\d,]+(\.\d+)?)$/.exec(String(v).trim());
  return m ? new Decimal(String(v).replace(/[£,]/g, '')) : null;
}
/** % NHS as the manifest writes it: 0.6 (formatted 0%) or 60 -> "60"; "N/A" and blanks -> null. */
const percentOf = (v: unknown) =>
  typeof v === 'number' ? String(Math.round((v <= 1 ? v * 100 : v) * 1e6) / 1e6) : null;
const pounds = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

describe('the corpus', () => {
  test('has at least 24 specs, every version with a clean copy and two faulty ones, names unique', () => {
    expect(specs.length).toBeGreaterThanOrEqual(24);
    for (const v of VERSIONS) {
      const mine = specs.filter((s) => s.version === v);
      expect(mine.filter((s) => s.faults.length === 0).length).toBeGreaterThanOrEqual(1);
      expect(mine.filter((s) => s.faults.length > 0).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
  });

  test('seeds every kind of fault somewhere', () => {
    const rules = new Set(specs.flatMap((s) => s.faults.map((f) => f.rule)));
    const all: Rule[] = [
      'column-total',
      'subtotal',
      'row-total',
      'running-balance',
      'source-overspent',
      'joint-percent',
      'required-spend',
      'minimum-spend',
      'duplicate-id',
      'discharge-type',
      'unreadable-input',
    ];
    expect([...rules].sort()).toEqual([...all].sort());
  });

  test('manifests are plain JSON with money as two-place decimal strings', () => {
    for (const spec of specs) {
      const m: Manifest = manifestOf(spec);
      expect(JSON.parse(JSON.stringify(m))).toEqual(m);
      const money = [
        ...m.expected.lines.flatMap((l) => Object.values(l.spend)),
        ...Object.values(m.expected.spendByYear),
        ...Object.values(m.expected.spendBySource).flatMap((y) => Object.values(y!)),
        ...Object.values(m.expected.incomeBySource).flatMap((y) => Object.values(y!)),
      ];
      for (const x of money) if (x !== null) expect(x).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  test('every total in a manifest is the sum of its lines', () => {
    for (const { expected: e, years } of specs) {
      for (const y of years) {
        expect(e.spendByYear[y]).toBe(sum(e.lines.map((l) => l.spend[y])).toFixed(2));
        for (const [src, byYear] of Object.entries(e.spendBySource))
          expect(byYear![y]).toBe(sum(e.lines.filter((l) => l.source === src).map((l) => l.spend[y])).toFixed(2));
        expect(sum(Object.values(e.spendBySource).map((b) => b![y])).toFixed(2)).toBe(e.spendByYear[y]);
      }
    }
  });

  test('required spend is what the lines give (worked out here again), under spend its shortfall', () => {
    for (const { expected: e, years, faults, name } of specs) {
      if (!e.requiredSpend) continue;
      for (const y of years) {
        const min = e.lines.filter((l) => l.source === 'nhsMinimum');
        const share = (l: ExpectedLine) =>
          l.commissioner === 'NHS' ? 1 : l.commissioner === 'Joint' ? Number(l.nhsPercent) / 100 : 0;
        const asc = sum(min.filter((l) => l.areaOfSpend === 'Social Care').map((l) => l.spend[y]));
        const ooh = min
          .filter((l) => l.areaOfSpend !== 'Social Care' && l.areaOfSpend !== 'Acute')
          .reduce((a, l) => a.plus(new Decimal(l.spend[y] ?? 0).times(share(l))), ZERO);
        const req = e.requiredSpend[y];
        expect([name, req.asc.planned, req.ooh.planned]).toEqual([name, asc.toFixed(2), ooh.toFixed(2)]);
        for (const row of [req.asc, req.ooh]) {
          const under = Decimal.max(0, new Decimal(row.minimum).minus(row.planned));
          expect(row.under).toBe(under.toFixed(2));
          if (!faults.some((f) => f.rule === 'minimum-spend')) expect(under.isZero()).toBe(true);
        }
      }
    }
  });

  test('clean copies have no faults and break no rule', () => {
    for (const spec of specs.filter((s) => s.name.includes('clean'))) {
      const e = spec.expected;
      expect(spec.faults).toEqual([]);
      for (const y of spec.years)
        for (const [src, byYear] of Object.entries(e.spendBySource))
          expect(new Decimal(e.incomeBySource[src as 'dfg']![y]).gte(byYear![y])).toBe(true);
      for (const l of e.lines) {
        if (l.source === 'laDischarge' || l.source === 'icbDischarge') expect(DISCHARGE_TYPES).toContain(l.schemeType);
        expect(Object.values(l.spend)).not.toContain(null);
      }
      const ids = e.lines.map((l) => l.id).filter((id) => id !== null);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('ids are unique unless a duplicate-id fault is seeded, and absent in 2015-16', () => {
    for (const spec of specs) {
      const ids = spec.expected.lines.map((l) => l.id);
      if (spec.version === '2015-16') expect(ids.every((id) => id === null)).toBe(true);
      else if (!spec.faults.some((f) => f.rule === 'duplicate-id')) expect(new Set(ids).size).toBe(ids.length);
      else expect(new Set(ids).size).toBeLessThan(ids.length);
    }
  });

  test('fault cells are distinct, A1 uppercase, and on a sheet of the workbook', () => {
    for (const spec of specs) {
      const cells = spec.faults.map((f) => `${f.sheet}!${f.cell}`);
      expect(new Set(cells).size).toBe(cells.length);
      for (const f of spec.faults) {
        expect(f.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
        expect(books.get(spec.name)!.getWorksheet(f.sheet)).toBeDefined();
      }
    }
  });
});

describe('the written workbooks', () => {
  test('each seeded fault is in its cell: a wrong figure differs from the correct one', () => {
    for (const spec of specs)
      for (const f of spec.faults) {
        const shown = amountOf(valueAt(spec, f.sheet, f.cell));
        if (f.correct !== null) {
          expect(shown).not.toBeNull();
          const scaled = f.unit === '£000' ? shown!.times(1000) : shown!;
          expect([spec.name, f.cell, scaled.eq(f.correct)]).toEqual([spec.name, f.cell, false]);
        }
      }
  });

  test('faults that are not wrong figures show what their rule says', () => {
    for (const spec of specs) {
      const ws = books.get(spec.name)!.getWorksheet(spec.sheets.expenditure)!;
      for (const f of spec.faults) {
        const v = valueAt(spec, f.sheet, f.cell);
        const at = ws.getCell(f.cell);
        const row = Number(at.row);
        const col = Number(at.col);
        if (f.rule === 'unreadable-input') expect([f.cell, typeof v, amountOf(v)]).toEqual([f.cell, 'string', null]);
        if (f.rule === 'discharge-type') expect(DISCHARGE_TYPES).not.toContain(v);
        if (f.rule === 'duplicate-id') {
          const earlier = [];
          for (let r = spec.headerRow + 1; r < row; r++) earlier.push(String(ws.getCell(r, col).value));
          expect(earlier).toContain(String(v));
        }
        if (f.rule === 'joint-percent') {
          const la = ws.getCell(row, col + 1).value as number;
          const scale = (v as number) <= 1 ? 100 : 1;
          expect(Math.round(((v as number) + la) * scale)).not.toBe(100);
        }
        if (f.rule === 'source-overspent' && f.sheet === spec.sheets.expenditure) expect(Number(v)).toBeLessThan(0);
        if (f.rule === 'source-overspent' && f.sheet === spec.sheets.income) {
          const shown = amountOf(v)!.times(spec.look.thousands ? 1000 : 1);
          const spent = Object.values(spec.expected.spendBySource).flatMap((b) => Object.values(b!));
          expect(spent.some((x) => shown.lt(x))).toBe(true);
        }
        if (f.rule === 'minimum-spend')
          expect(Number(v)).toBeLessThan(Number(valueAt(spec, f.sheet, ws.getCell(row, col - 1).address)));
      }
    }
  });

  test('clean copies hold no negative figure anywhere (no overspent balance, no split gone wrong)', () => {
    for (const spec of specs.filter((s) => s.faults.length === 0))
      books.get(spec.name)!.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const v = valueAt(spec, ws.name, cell.address);
            if (typeof v === 'number')
              expect([spec.name, ws.name, cell.address, v < 0]).toEqual([spec.name, ws.name, cell.address, false]);
          }),
        ),
      );
  });

  test('the lines read back from the expenditure sheet are the manifest lines', () => {
    for (const spec of specs) {
      const ws = books.get(spec.name)!.getWorksheet(spec.sheets.expenditure)!;
      const header = ws.getRow(spec.headerRow);
      const colOf = new Map<string, number>();
      header.eachCell((cell, c) => colOf.set(String(cell.value), c));
      const idCol = colOf.get('Scheme ID');
      const nameCol = colOf.get('Scheme Name')!;
      const yearCols = spec.years.map(
        (_, k) =>
          [...colOf.entries()].filter(([h]) => /Expenditure/.test(h) && !/Total/.test(h))[
            spec.years.length > 1 ? k : 0
          ][1],
      );
      const nhsCol = colOf.get('% NHS (if Joint Commissioner)');
      const got: { id: string | null; name: string; spend: (string | null)[]; nhs: string | null }[] = [];
      for (let r = spec.headerRow + 1; r <= ws.rowCount; r++) {
        const name = ws.getCell(r, nameCol).value;
        if (name === null || /total/i.test(String(name))) continue;
        const id = idCol ? ws.getCell(r, idCol).value : null;
        got.push({
          id: id === null ? null : String(id),
          name: String(name),
          spend: yearCols.map((c) =>
            pounds(amountOf(valueAt(spec, spec.sheets.expenditure, ws.getCell(r, c).address))),
          ),
          nhs: percentOf(nhsCol ? ws.getCell(r, nhsCol).value : null),
        });
      }
      const want = spec.expected.lines.map((l) => ({
        id: l.id,
        name: l.name,
        spend: spec.years.map((y) => l.spend[y]),
        nhs: l.nhsPercent,
      }));
      expect([spec.name, got]).toEqual([spec.name, want]);
    }
  });

  test('the income sheet total row holds the sum of the manifest income (unless it is the faulted cell)', () => {
    for (const spec of specs) {
      const ws = books.get(spec.name)!.getWorksheet(spec.sheets.income)!;
      let found = 0;
      ws.eachRow((row, r) => {
        const label = row.values as unknown[];
        const i = label.findIndex((x) => x === 'Total' || x === 'Total BCF Pooled Budget' || x === 'BCF Total');
        if (i < 0) return;
        found++;
        spec.years.forEach((y, k) => {
          const cell = ws.getCell(r, i + 1 + k).address;
          if (spec.faults.some((f) => f.sheet === spec.sheets.income && f.cell === cell)) return;
          const want = sum(Object.values(spec.expected.incomeBySource).map((b) => b![y]));
          const shown = amountOf(valueAt(spec, spec.sheets.income, cell))!;
          expect(shown.times(spec.look.thousands ? 1000 : 1).toFixed(2)).toBe(want.toFixed(2));
        });
      });
      expect(found).toBe(1);
    }
  });
});

/** The Running Balances block read back: source word -> per year [income, expenditure, balance] cells. */
function balancesOf(spec: TemplateSpec) {
  const ws = books.get(spec.name)!.getWorksheet(spec.sheets.expenditure)!;
  const out: { src: string; k: number; what: number; cell: string; value: Decimal | null }[] = [];
  const words = spec.look.sourceWords as Record<string, string>;
  const srcOf = new Map(Object.entries(words).map(([id, w]) => [w, id]));
  let yearBase = 0;
  for (let r = 1; r < spec.headerRow; r++) {
    const row = ws.getRow(r);
    const cells: { c: number; v: unknown }[] = [];
    row.eachCell((cell, c) => cells.push({ c, v: cell.value }));
    if (cells.some((x) => x.v === 'Source of funding')) {
      // Stacked blocks: one year per block, in order; side by side: three columns per year.
      yearBase = cells.filter((x) => x.v === 'Source of funding').length && out.length ? yearBase + 1 : 0;
      continue;
    }
    const label = cells.find((x) => typeof x.v === 'string' && srcOf.has(x.v as string));
    if (!label) continue;
    const src = srcOf.get(label.v as string)!;
    for (let c = label.c + 1; c <= row.cellCount; c++) {
      const j = c - label.c - 1;
      const cell = ws.getCell(r, c).address;
      out.push({
        src,
        k: yearBase + Math.floor(j / 3),
        what: j % 3,
        cell,
        value: amountOf(valueAt(spec, spec.sheets.expenditure, cell)),
      });
    }
  }
  return out;
}

describe('the Running Balances block', () => {
  test('each source/year shows the manifest income, expenditure and balance, but for faulted cells', () => {
    for (const spec of specs.filter((s) => s.version !== '2015-16')) {
      const faulted = new Set(spec.faults.filter((f) => f.sheet === spec.sheets.expenditure).map((f) => f.cell));
      const seen = balancesOf(spec).filter((b) => !faulted.has(b.cell) && b.k < spec.years.length);
      expect(seen.length).toBe(
        Object.keys(spec.look.sourceWords as object).length * spec.years.length * 3 -
          [...faulted].filter((c) => balancesOf(spec).some((b) => b.cell === c)).length,
      );
      for (const b of seen) {
        const y = spec.years[b.k];
        const inc = new Decimal(spec.expected.incomeBySource[b.src as 'dfg']![y]);
        const exp = new Decimal(spec.expected.spendBySource[b.src as 'dfg']![y]);
        const want = [inc, exp, inc.minus(exp)][b.what];
        expect([spec.name, b.cell, pounds(b.value)]).toEqual([spec.name, b.cell, want.toFixed(2)]);
      }
    }
  });
});

describe('makeTemplate', () => {
  test('can seed each rule on each version that has the cells for it, across seeds', () => {
    const needs: Partial<Record<Rule, (v: Version) => boolean>> = {
      'row-total': (v) => ['2015-16', '2017-19', '2023-25'].includes(v),
      'running-balance': (v) => v !== '2015-16',
      'required-spend': (v) => v !== '2015-16',
      'minimum-spend': (v) => v !== '2015-16',
      'joint-percent': (v) => v !== '2015-16',
      'duplicate-id': (v) => v !== '2015-16',
      'discharge-type': (v) => v === '2023-25',
    };
    const rules: Rule[] = [
      'column-total',
      'subtotal',
      'row-total',
      'running-balance',
      'source-overspent',
      'joint-percent',
      'required-spend',
      'minimum-spend',
      'duplicate-id',
      'discharge-type',
      'unreadable-input',
    ];
    for (const version of VERSIONS)
      for (const rule of rules) {
        if (needs[rule] && !needs[rule]!(version)) continue;
        for (let seed = 1; seed <= 6; seed++) {
          const spec: TemplateSpec = makeTemplate({ version, lines: 12, seed, faults: [rule] });
          expect(spec.faults.map((f) => f.rule)).toEqual([rule]);
        }
      }
  });
});
