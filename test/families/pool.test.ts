import { barnetJsonCopy } from '../support/barnet';
import { runFamilyCases } from './familyCases';

runFamilyCases(
  'the Pool sheet',
  ['pool'],
  [
    {
      name: "Barnet's pool comes back as it went",
      plan: barnetJsonCopy,
      cells: { 'Pool!A1': 'Barnet BCF pooled budget', 'Pool!D5': 6634000 },
    },
    {
      name: 'a contribution changed',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Pool', header: 'Contribution (£)', row: '2014/15', value: 7000000 }],
      expected: (j) => (j.pool.contributions[0].amount = 7000000),
    },
    {
      name: "a quarter's spend typed against a pool scheme",
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Pool', header: 'Q2 spend (£)', row: '2a', value: 12500.25 }],
      expected: (j) => j.pool.spend.push({ scheme: '2a', year: '2014/15', quarter: 2, amount: 12500.25 }),
    },
    {
      name: 'the sharing rule changed to a fixed split',
      plan: barnetJsonCopy,
      typed: [
        { sheet: 'Pool', header: 'Sharing rule', row: 'Rule', column: 1, value: 'Fixed split' },
        { sheet: 'Pool', header: 'Fixed share (%)', row: 'LBB', value: 40 },
        { sheet: 'Pool', header: 'Fixed share (%)', row: 'BCCG', value: 60 },
      ],
      expected: (j) =>
        (j.pool.sharing = {
          kind: 'fixed',
          shares: [
            { partner: 'LBB', percent: 40 },
            { partner: 'BCCG', percent: 60 },
          ],
        }),
    },
  ],
);
