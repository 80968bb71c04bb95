import { readFileSync } from 'fs';
import { join } from 'path';
import { runFamilyCases } from './familyCases';

const eastmere = () => JSON.parse(readFileSync(join(__dirname, '../../examples/joint-funding.json'), 'utf8'));

runFamilyCases(
  'the joint-funding sheets',
  ['jointFunding'],
  [
    { name: 'the Eastmere register comes back as it went', plan: eastmere },
    {
      name: "a package's weekly cost corrected on the register",
      plan: eastmere,
      typed: [{ sheet: 'Joint register', header: 'Weekly cost (£)', row: 'JF-001', value: 2800 }],
      expected: (j) => (j.jointFunding.packages[0].weeklyCost = 2800),
    },
    {
      name: 'the as-at date typed as a date on the summary',
      plan: eastmere,
      // 45413 is 1 May 2024 as Excel counts days.
      typed: [{ sheet: 'Joint funding', header: 'Setting', row: 'As at', column: 1, value: 45413 }],
      expected: (j) => (j.jointFunding.asAt = '2024-05-01'),
    },
  ],
);
