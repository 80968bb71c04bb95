#!/usr/bin/env node
'use strict';
/**
 * Writes examples/joint-funding.json: a made-up council (Eastmere) with 39 jointly funded packages,
 * s117 and Care Act, two ICBs and all four split methods, whose ICB contribution comes to exactly
 * £31,848.11 a week (£1,656,101.72 a year at 52 weeks), the figures of one council's FOI answer.
 * The last package is a 50:50 one whose cost is set to make the total exact; everything else comes
 * from a seeded generator, so running this again writes the same file.
 *
 *   node scripts/make-joint-example.js
 */
const fs = require('fs');
const path = require('path');
const Decimal = require('decimal.js').clone({ precision: 40, rounding: 4 /* ROUND_HALF_UP */ });

const TARGET_WEEKLY_ICB = new Decimal('31848.11');
const NORTH = 'North Riverside ICB';
const SOUTH = 'Southvale ICB';
const SOUTH_DEFAULT = 40; // the ICB's share under Southvale's fixed rule (council 60 : ICB 40)

let seed = 20240418;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const money = (lo, hi) => new Decimal(Math.floor(lo * 100 + random() * (hi - lo) * 100)).dividedBy(100);
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const TASKS = {
  health: [
    'Medication administration',
    'Pressure area care',
    'Catheter care',
    'Epilepsy monitoring',
    'PEG feeding',
    'Mental state monitoring',
  ],
  social: [
    'Personal care',
    'Meal preparation',
    'Shopping and errands',
    'Community access',
    'Domestic support',
    'Social contact',
  ],
};

function share(pkg) {
  const s = pkg.split;
  if (!s) return pkg.icb === NORTH ? [50, 100] : [SOUTH_DEFAULT, 100];
  if (s.method === '50:50') return [50, 100];
  if (s.method === 'Fixed' || s.method === 'Panel') return [s.icbPercent, 100];
  const health = s.tasks.filter((t) => t.kind === 'health').reduce((a, t) => a + t.minutes, 0);
  return [health, s.tasks.reduce((a, t) => a + t.minutes, 0)];
}

const icbWeekly = (pkg) => {
  const [n, d] = share(pkg);
  return new Decimal(pkg.weeklyCost).times(n).dividedBy(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
};

// Method of each of the first 38 packages: 12 North default (50:50), 8 South default (40%), 3 Fixed
// 30% overrides, 8 Panel, 7 Time to task; the 39th is an explicit 50:50.
const plan = [
  ...Array(12).fill(['default', NORTH]),
  ...Array(8).fill(['default', SOUTH]),
  ...Array(3).fill(['Fixed', SOUTH]),
  ...Array(8)
    .fill(['Panel', NORTH])
    .map((x, i) => (i % 3 === 2 ? ['Panel', SOUTH] : x)),
  ...Array(7)
    .fill(['Time to task', NORTH])
    .map((x, i) => (i % 2 ? ['Time to task', SOUTH] : x)),
];

const packages = plan.map(([method, icb], i) => {
  const n = i + 1;
  const startYear = pick([2019, 2020, 2021, 2022, 2023, 2023]);
  const start =
    startYear === 2023
      ? iso(2023, 4 + Math.floor(random() * 9), 1 + Math.floor(random() * 28))
      : iso(startYear, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  const pkg = {
    ref: `JF-${String(n).padStart(3, '0')}`,
    // Two people have two packages each, so the register covers 37 people.
    person: `EBC-${104000 + (n === 17 ? 4 : n === 30 ? 11 : n) * 7}`,
    basis: i % 5 < 3 ? 's117' : 'Care Act',
    icb,
    start,
    ...(n % 6 === 0 ? { end: iso(2024, 6 + (n % 5), 30) } : {}),
    weeklyCost: money(700, 2800).toNumber(),
  };
  if (method === 'Fixed') pkg.split = { method: 'Fixed', icbPercent: 30 };
  if (method === 'Panel')
    pkg.split = {
      method: 'Panel',
      icbPercent: pick([25, 32.5, 35, 45, 60, 67.5]),
      decided: iso(2022 + (n % 2), 1 + (n % 11), 10 + (n % 15)),
    };
  if (method === 'Time to task') {
    const tasks = [];
    for (let k = 0; k < 2 + (n % 2); k++)
      tasks.push({ task: TASKS.health[(n + k) % 6], minutes: 30 + Math.floor(random() * 24) * 15, kind: 'health' });
    for (let k = 0; k < 2 + ((n + 1) % 2); k++)
      tasks.push({
        task: TASKS.social[(n + k) % 6],
        minutes: 60 + Math.floor(random() * 30) * 15,
        kind: 'social care',
      });
    pkg.split = { method: 'Time to task', tasks };
  }
  return pkg;
});

const sofar = packages.reduce((acc, p) => acc.plus(icbWeekly(p)), new Decimal(0));
const rest = TARGET_WEEKLY_ICB.minus(sofar);
if (rest.lessThanOrEqualTo(0)) throw new Error(`the first 38 packages already pay £${sofar} a week`);
packages.push({
  ref: 'JF-039',
  person: `EBC-${104000 + 39 * 7}`,
  basis: 'Care Act',
  icb: NORTH,
  start: '2023-11-20',
  weeklyCost: rest.times(2).toNumber(),
  split: { method: '50:50' },
});

const example = {
  board: 'Eastmere',
  title: 'Eastmere Better Care Fund plan 2023-25, with jointly funded care packages (a made-up council)',
  partners: [
    { id: 'EBC', name: 'Eastmere Borough Council', kind: 'council' },
    { id: 'NRICB', name: NORTH, kind: 'nhs' },
  ],
  years: [{ label: '2023/24' }, { label: '2024/25' }],
  unitCosts: [
    {
      id: 'NEL',
      benefit: 'Reduced non-elective admissions',
      shortLabel: 'NEL adm.',
      value: 2004,
      unit: 'per admission',
      source: 'Made-up example',
    },
  ],
  schemes: [
    {
      ref: '1a',
      group: 'Prevention',
      tiers: '1',
      name: 'Community falls prevention',
      inPool: true,
      years: { '2023/24': { cost: 420000, benefits: { NEL: 60 } }, '2024/25': { cost: 432600, benefits: { NEL: 64 } } },
    },
    {
      ref: '2a',
      group: 'Discharge',
      tiers: '3',
      name: 'Home first discharge to assess',
      inPool: true,
      years: {
        '2023/24': { cost: 1850000, benefits: { NEL: 140 } },
        '2024/25': { cost: 1905500, benefits: { NEL: 150 } },
      },
    },
    {
      ref: '3a',
      group: 'Jointly funded care',
      tiers: '4',
      name: 'Jointly funded s117 and Care Act packages',
      inPool: true,
      years: { '2023/24': { cost: 3600000, benefits: {} }, '2024/25': { cost: 3708000, benefits: {} } },
    },
  ],
  pool: {
    sharing: { kind: 'contributions' },
    contributions: [
      { year: '2023/24', partner: 'EBC', source: 'Council contribution', amount: 2900000 },
      { year: '2023/24', partner: 'NRICB', source: 'NHS minimum contribution', amount: 2970000 },
      { year: '2024/25', partner: 'EBC', source: 'Council contribution', amount: 3000000 },
      { year: '2024/25', partner: 'NRICB', source: 'NHS minimum contribution', amount: 3046100 },
    ],
    spend: [],
  },
  jointFunding: {
    asAt: '2024-04-18',
    year: '2023/24',
    rules: [
      { icb: NORTH, split: '50:50' },
      { icb: SOUTH, split: 'Fixed', icbPercent: SOUTH_DEFAULT },
    ],
    packages,
  },
};

const out = path.join(__dirname, '..', 'examples', 'joint-funding.json');
fs.writeFileSync(out, `${JSON.stringify(example, null, 2)}\n`);
console.log(
  `Wrote ${out}: ${packages.length} packages, ICB £${TARGET_WEEKLY_ICB} a week, £${TARGET_WEEKLY_ICB.times(52)} a year.`,
);
