import { barnetJsonCopy } from '../support/barnet';
import { runFamilyCases } from './familyCases';

/** The Benefit Card sheets and their settings: what a person types on a card comes back into the plan's cards. */
runFamilyCases(
  'the Benefit Card sheets',
  ['cards'],
  [
    {
      name: "Barnet's cards come back as they went",
      plan: barnetJsonCopy,
      cells: { 'Card 1a!A1': 'Benefit Card 1a: Expert Patient Programme & long-term condition Mentors' },
    },
    {
      name: "a card's owner typed in its identity section",
      plan: barnetJsonCopy,
      typed: [
        { sheet: 'Card 1a', header: 'Identity and ownership', row: 'Benefit owner', column: 1, value: 'Jo Smith' },
      ],
      expected: (j) => (j.cards.records[0].owner = 'Jo Smith'),
    },
    {
      name: "a quarter's realised reduction corrected",
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Card 1a', header: 'Realised reduction', row: '2014/15 Q1', value: 5 }],
      expected: (j) => (j.cards.records[0].actuals[0].reduction = 5),
    },
    {
      name: 'the tolerances changed in the tracker settings',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Assumptions', header: 'Tracker setting', row: 'Green at or above', column: 1, value: 0.9 }],
      expected: (j) => (j.cards.tolerances.green = 0.9),
    },
  ],
);
