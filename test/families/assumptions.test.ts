import { barnetJsonCopy } from '../support/barnet';
import { runFamilyCases } from './familyCases';

/** The plan's own sheets: Assumptions (with the tracker settings and sign-off roles), Schemes and Investments. */
runFamilyCases(
  'Assumptions, Schemes and Investments',
  ['board', 'title', 'partners', 'years', 'unitCosts', 'targets', 'schemes', 'signOffRoles'],
  [
    {
      name: 'Barnet comes back as it went, each input where a person finds it',
      plan: barnetJsonCopy,
      cells: {
        'Assumptions!A1': 'Barnet Better Care Fund plan 2014-16: assumptions',
        'Schemes!A4': 'Ref',
        'Schemes!A5': '1a',
        'Schemes!G5': 35000,
        'Investments!D5': 122120,
      },
    },
    {
      name: 'a unit cost typed on Assumptions',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Assumptions', header: 'Unit cost (£)', row: 'NEL', value: 2100.5 }],
      expected: (j) => (j.unitCosts[0].value = 2100.5),
    },
    {
      name: 'a partner typed in the room under the partners',
      plan: barnetJsonCopy,
      typed: [
        { sheet: 'Assumptions', header: 'Partner', row: null, key: 'CSU', value: 'Commissioning support unit' },
        { sheet: 'Assumptions', header: 'Kind', row: 'CSU', value: 'nhs' },
      ],
      expected: (j) => j.partners.push({ id: 'CSU', name: 'Commissioning support unit', kind: 'nhs' }),
    },
    {
      name: "a scheme's cost changed and another taken out of the pool on Schemes",
      plan: barnetJsonCopy,
      typed: [
        { sheet: 'Schemes', header: '2014/15 cost (£)', row: '1a', value: 40000 },
        { sheet: 'Schemes', header: 'In BCF pool', row: '2a', value: 'No' },
      ],
      expected: (j) => {
        j.schemes[0].years['2014/15'].cost = 40000;
        j.schemes[1].inPool = false;
      },
    },
    {
      name: 'an investment line changed on Investments',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Investments', header: 'Amount (£)', row: '1a', value: 122000 }],
      expected: (j) => (j.schemes[0].investments[0].amount = 122000),
    },
    {
      name: 'a sign-off role renamed at the foot of Assumptions',
      plan: barnetJsonCopy,
      typed: [{ sheet: 'Assumptions', header: 'Name of the role', row: 'Role 1', value: 'Health and Wellbeing Board' }],
      expected: (j) => (j.signOffRoles[0] = 'Health and Wellbeing Board'),
    },
  ],
);
