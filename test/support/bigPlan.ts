import barnetJson from '../../examples/barnet-2014-16.json';
import type { Plan } from '../../src/domain/plan';
import { planFromJson } from '../../src/domain/planJson';
import { rng } from './randomPlanJson';

/**
 * A large plan shaped like Barnet's (same partners, years and unit costs) with `schemeCount`
 * schemes: groups of 2-6 schemes numbered 1, 2, 3... with refs such as 12c, whole-pound costs,
 * whole-number benefit counts, about one scheme in seven outside the pool, and stated pools that
 * agree with the schemes. Deterministic: the same count gives the same plan on every machine, so
 * round-trip and byte counts measured on it are comparable between runs.
 */
export function bigPlan(schemeCount: number): Plan {
  return planFromJson(bigPlanJson(schemeCount)).plan;
}

export function bigPlanJson(schemeCount: number): any {
  const base = JSON.parse(JSON.stringify(barnetJson));
  const random = rng(schemeCount);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const years: string[] = base.years.map((y: { label: string }) => y.label);
  const schemes: unknown[] = [];
  const pools = years.map(() => 0);
  for (let group = 1; schemes.length < schemeCount; group++) {
    const theme = GROUPS[(group - 1) % GROUPS.length];
    const size = Math.min(2 + Math.floor(random() * 5), schemeCount - schemes.length);
    const tiers = pick(['1, 2', '2, 3', '3, 4', '4']);
    for (let k = 0; k < size; k++) {
      const inPool = random() > 1 / 7;
      const entries: Record<string, unknown> = {};
      years.forEach((year, y) => {
        const cost = Math.round((20_000 + random() * 2_980_000) / 100) * 100;
        const benefits: Record<string, number> = { NEL: Math.floor(random() * 400) };
        if (random() < 0.3) benefits.CareHome = 1 + Math.floor(random() * 20);
        if (random() < 0.25) benefits.Reablement = 1 + Math.floor(random() * 30);
        if (random() < 0.2) benefits.DTOC = 10 + Math.floor(random() * 300);
        entries[year] = { cost, benefits };
        if (inPool) pools[y] += cost;
      });
      schemes.push({
        ref: `${group}${letters(k)}`,
        group: `${theme} (${group})`,
        tiers,
        name: `${pick(SERVICES)} – ${pick(PLACES)}`,
        description: `${pick(SERVICES)} for ${pick(PEOPLE)}, commissioned jointly by the council and the CCG.`,
        inPool,
        years: entries,
      });
    }
  }
  base.schemes = schemes;
  base.years = years.map((label, y) => ({ label, statedPool: pools[y] }));
  base.title = `Synthetic ${schemeCount}-scheme Better Care Fund plan`;
  return base;
}

const GROUPS = [
  'Self-management and prevention',
  'Assessment & Care Planning',
  'Rapid response and reablement',
  'Hospital discharge',
  'Carers support',
  'Mental health in the community',
];
const SERVICES = [
  'Integrated case management',
  'Rapid response nursing',
  'Falls prevention',
  'Reablement at home',
  'Care navigation',
  'Telecare',
  'Dementia support',
  'Carers breaks',
  'Step-down beds',
  'Community matrons',
];
const PLACES = ['East locality', 'West locality', 'North locality', 'South locality', 'Borough-wide', 'Care homes'];
const PEOPLE = [
  'frail older people',
  'people with long-term conditions',
  'adults leaving hospital',
  'carers',
  'people with dementia',
];

/** a, b, ..., z, aa, ab, ... */
function letters(k: number): string {
  let s = '';
  for (let n = k + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
  return s;
}
