'use strict';
/**
 * A plan with a random register of jointly funded packages, from a seed: every split method, costs
 * whose ICB share lands exactly on a half penny, percentages with decimals, packages starting and
 * ending around the year's edges, people with two packages and ICB names typed in another case.
 * Shared by the property test (HyperFormula) and scripts/libreoffice-check.js (LibreOffice).
 */
function randomJointPlanJson(seed, count) {
  let state = seed % 2147483647 || 1;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (list) => list[int(0, list.length - 1)];
  const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = () =>
    pick([
      iso(2023, 4, 1),
      iso(2024, 3, 31),
      iso(2023, 3, 31),
      iso(2024, 4, 1),
      iso(int(2019, 2024), int(1, 12), int(1, 28)),
    ]);
  const icbs = ['North ICB', 'South ICB', 'Mid and East ICB'];
  const packages = [];
  for (let i = 0; i < count; i++) {
    const start = date();
    const end = random() < 0.35 ? date() : undefined;
    const pence = random() < 0.3 ? int(0, 99999) * 2 + 1 : int(0, 500000); // odd pence: 50:50 lands on a half penny
    const pkg = {
      ref: `R${i + 1}`,
      person: `P${int(1, Math.max(2, Math.ceil(count * 0.8)))}`,
      basis: pick(['s117', 'Care Act', 'Other']),
      icb: random() < 0.15 ? pick(icbs).toLowerCase() : pick(icbs),
      start,
      ...(end && end >= start ? { end } : {}),
      weeklyCost: pence / 100,
    };
    const method = int(0, 4);
    if (method === 1) pkg.split = { method: '50:50' };
    if (method === 2) pkg.split = { method: 'Fixed', icbPercent: pick([30, 40, 46, 60, 12.5, 33.33]) };
    if (method === 3) pkg.split = { method: 'Panel', icbPercent: int(0, 10000) / 100, decided: date() };
    if (method === 4) {
      const tasks = [];
      for (let k = 0; k < int(1, 4); k++)
        tasks.push({ task: `Task ${k}`, minutes: int(0, 600), kind: k % 2 ? 'social care' : 'health' });
      if (tasks.every((t) => t.minutes === 0)) tasks[0].minutes = 7;
      pkg.split = { method: 'Time to task', tasks };
    }
    packages.push(pkg);
  }
  return {
    board: 'Random',
    title: 'A random register',
    partners: [],
    years: [{ label: '2023/24' }],
    unitCosts: [{ id: 'NEL', benefit: 'Reduced non-elective admissions', value: 2004 }],
    // One scheme: the year tables of a plan with none are not what this register checks.
    schemes: [
      {
        ref: '1a',
        name: 'Jointly funded packages',
        inPool: true,
        years: { '2023/24': { cost: 1000000, benefits: { NEL: 10 } } },
      },
    ],
    jointFunding: {
      asAt: pick([iso(2023, 4, 1), iso(2024, 3, 31), iso(2023, 10, int(1, 28))]),
      year: pick(['2023/24', '2022/23', '2024/25']),
      rules: [
        { icb: 'North ICB', split: '50:50' },
        { icb: 'South ICB', split: 'Fixed', icbPercent: 40 },
        { icb: 'Mid and East ICB', split: 'Fixed', icbPercent: 46.5 },
      ],
      packages,
    },
  };
}

module.exports = { randomJointPlanJson };
