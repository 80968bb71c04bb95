import { barnetJsonCopy } from '../support/barnet';
import { runFamilyCases } from './familyCases';

runFamilyCases(
  'the Checks sheet',
  ['statements'],
  [
    { name: "Barnet's stated amounts and their parts come back as they went", plan: barnetJsonCopy },
    {
      name: 'a stated amount corrected',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Checks', header: 'Stated', row: 'protectSocialCare', value: 4141000 }],
      expected: (j) => (j.statements[0].stated = 4141000),
    },
    {
      name: 'a tagged part corrected',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Checks', header: 'Part amount', row: 'protectSocialCare', value: 3000000 }],
      expected: (j) => (j.statements[0].parts[0].amount = 3000000),
    },
  ],
);
