import { barnetJsonCopy } from '../support/barnet';
import { runFamilyCases } from './familyCases';

runFamilyCases(
  'the Risk log sheet',
  ['risks'],
  [
    { name: "Barnet's risks come back as they went", plan: barnetJsonCopy },
    {
      name: "a risk's impact and owner typed",
      plan: barnetJsonCopy,
      typed: [
        { sheet: 'Risk log', header: 'Impact (1-5)', row: 'R1', value: 3 },
        { sheet: 'Risk log', header: 'Owner', row: 'R1', value: 'Director of Adult Social Care' },
      ],
      expected: (j) => {
        j.risks[0].impact = 3;
        j.risks[0].owner = 'Director of Adult Social Care';
      },
    },
  ],
);
