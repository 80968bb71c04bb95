'use strict';
/**
 * A seeded, random but valid BCF plan in the JSON format of examples/barnet-2014-16.json, for the
 * formula-parity checks (test/formulaParity.test.ts through HyperFormula, scripts/libreoffice-check.js
 * through LibreOffice). Plain CommonJS so that both jest and the plain-Node script can load it.
 *
 * It deliberately goes beyond Barnet: hundreds of schemes in many groups (group headings between
 * them shift the rows of the year tables), three years, unit costs in pence, fractional counts,
 * schemes with no entry for a year, schemes outside the pool, a year in which nobody reduces NEL
 * (every "% change NEL" is then "n/a"), and scheme names a spreadsheet could mistake for formulas.
 */

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function letters(k) {
  let s = '';
  let n = k + 1;
  while (n > 0) {
    s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function unitIds(n) {
  const named = ['CareHome', 'Reablement', 'DTOC', 'Falls_2'];
  return Array.from({ length: n }, (_, k) => named[k] ?? `Benefit${k + 1}`);
}

const AWKWARD_NAMES = [
  '=SUM(A1:A3)',
  "'Quoted' scheme",
  'Care & "support"',
  '@mention team',
  '+44 line',
  '-5% scheme',
  'Ünïcode – café',
];

/**
 * @param {number} seed
 * @param {{schemes?: number, years?: string[], extraUnits?: number}} [options]
 *   extraUnits: unit costs besides NEL (default 1 to 4); many of them, with many years, push the
 *   Schemes sheet and the Annex 1 table past column Z.
 */
function randomPlanJson(seed, options = {}) {
  const random = rng(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const chance = (p) => random() < p;
  const pick = (list) => list[int(0, list.length - 1)];
  const pounds = (max) => (chance(0.2) ? Number((random() * max).toFixed(2)) : int(0, max));
  const count = (max) => (chance(0.15) ? Number((random() * max).toFixed(1)) : int(0, max));

  const years = options.years ?? ['2016/17', '2017/18', '2018/19'];
  const schemeCount = options.schemes ?? 300;
  const unitCosts = [
    {
      id: 'NEL',
      benefit: 'Reduced non-elective admissions',
      shortLabel: 'NEL adm.',
      value: Number((pounds(5000) + 1).toFixed(2)),
      unit: 'per admission',
      source: 'random',
    },
    ...unitIds(options.extraUnits ?? int(1, 4)).map((id) => ({
      id,
      benefit: `Reduced ${id}`,
      shortLabel: id,
      value: pounds(20000),
      unit: 'per unit',
      source: 'random',
    })),
  ];
  // The last year has no NEL reductions at all, so its "% change NEL" cells must all say n/a.
  const noNelYear = years.length > 1 ? years[years.length - 1] : undefined;

  const schemes = [];
  let group = 0;
  while (schemes.length < schemeCount) {
    group += 1;
    const size = Math.min(int(1, 15), schemeCount - schemes.length);
    const tiers = pick(['1', '2', '3, 4', 'All']);
    for (let k = 0; k < size; k++) {
      const index = schemes.length;
      const yearsJson = {};
      for (const year of years) {
        if (chance(0.1)) continue; // no entry for this year: the tables show 0
        const benefits = {};
        for (const unit of unitCosts) {
          if (unit.id === 'NEL' && year === noNelYear) continue;
          if (chance(0.5)) benefits[unit.id] = count(unit.id === 'DTOC' ? 2000 : 500);
        }
        yearsJson[year] = { cost: pounds(chance(0.1) ? 20000000 : 2000000), benefits };
      }
      schemes.push({
        ref: `${group}${letters(k)}`,
        group: `Group ${group}`,
        tiers,
        name: index % 37 === 5 ? AWKWARD_NAMES[((index / 37) % AWKWARD_NAMES.length) | 0] : `Scheme ${index + 1}`,
        description: `Generated scheme ${index + 1}`,
        inPool: chance(0.85),
        years: yearsJson,
        investments: chance(0.2) ? [{ year: years[0], line: 'Staff', amount: pounds(100000) }] : [],
      });
    }
  }
  return {
    board: 'Testshire',
    title: `Generated plan (seed ${seed})`,
    partners: [
      { id: 'TC', name: 'Testshire Council', kind: 'council' },
      { id: 'TICB', name: 'Testshire ICB', kind: 'nhs' },
    ],
    // A stated pool that rarely matches the schemes, so the "Check: ..." line is exercised too.
    years: years.map((label, i) => (i === 0 ? { label, statedPool: int(1, 900000000) } : { label })),
    unitCosts,
    schemes,
    targets: [{ year: years[0], baseline: int(10000, 40000), target: int(5000, 10000) }],
    notes: [],
  };
}

module.exports = { randomPlanJson, rng };
