'use strict';
// The Barnet plan's scheme tables typed in exactly as printed (Tables 3 and 4, the Annex 1 benefit
// tables, the Annex 1 falls table of scheme 2a, Table 17), text and all: "35,000 (Not BCF pool)",
// "n/a", "£46,621". Tables sit at different places on their sheets, as people paste them.
// Run `node test/support/barnetTablesAsPrinted.js` to rewrite test/fixtures/barnet-tables-as-printed.xlsx.
const path = require('path');

const NEL_HEADER = [
  'Tier',
  'Sch Ref no.',
  'Scheme',
  'Cost (£)',
  '% of BCF Pool',
  'No Reduced NEL Adm.',
  'Saving (£)',
  '% Change NEL Adm.',
];

const table3 = [
  NEL_HEADER,
  ['1, 2', '1', 'Self-management and prevention'],
  [
    null,
    null,
    'a. Expert Patient Programme & long-term condition Mentors',
    '35,000 (Not BCF pool)',
    'n/a',
    '23',
    '46,092',
    '3.62',
  ],
  ['3, 4', '2', 'Assessment & Care Planning'],
  [null, null, 'a. Long-term conditions', '267,357', '4.03', '15', '30,060', '2.36'],
  [null, null, 'b. Older People Integrated Care', '1,057,451', '15.94', '155', '310,620', '24.41'],
  [null, null, 'c. Care Home – LCS', '231,000', '3.49', '29', '58,116', '4.57'],
  ['4', '3', 'Community Intensive Support'],
  [null, null, 'a. Rapid Care', '636,171', '9.59', '413', '827,652', '65.04'],
  [null, null, 'b. 7 Day Social Work & Enablement', '300,000', '4.52'],
  ['All', '4', 'Enablers'],
  [null, null, 'a. Services', '862,021', '12.99'],
  [null, null, 'b. Administrative', '3,280,000', '49.44'],
  ['Total:', null, null, '6,634,000 (BCF Pool)', '100', '635', '1,272,540', '100'],
];

const table4 = [
  NEL_HEADER,
  ['1, 2', '1', 'Self-management and prevention'],
  [
    null,
    null,
    'a. Expert Patient Programme & long-term condition Mentors',
    '87,120 (Not BCF pool)',
    'n/a',
    '119',
    '238,476',
    '11.66',
  ],
  ['3, 4', '2', 'Assessment & Care Planning'],
  [null, null, 'a. Long-term conditions', '2,722,921', '11.63', '110', '220,440', '10.77'],
  [null, null, 'b. Older People Integrated Care', '1,292,026', '5.53', '331', '663,324', '32.42'],
  [null, null, 'c. Care Home – LCS', '1,146,000', '4.89', '10', '20,040', '0.98'],
  ['4', '3', 'Community Intensive Support'],
  [null, null, 'a. Rapid Care', '1,316,464', '5.62', '451', '903,804', '44.17'],
  [null, null, 'b. 7 Day Social Work & Enablement', '300,000', '1.28'],
  ['All', '4', 'Enablers'],
  [null, null, 'a. Services', '10,636,589', '45.43'],
  [null, null, 'b. Administrative', '5,998,000', '25.62'],
  ['Total:', null, null, '23,412,000 (BCF Pool)', '100', '1,021', '2,046,084', '100'],
];

const ANNEX_HEADER = [
  'Sch Ref',
  'Cost (£)',
  '% of BCF Pool',
  'No Reduced NEL Adm.',
  '% Change NEL Adm.',
  'No Reduced Care H Adm.',
  'Reablement Effectiveness (Red. POC Post Int.)',
  'DTOC (Reduced XS Bed Days)',
  'Total Saving (£)',
];

const annex1415 = [
  ['April 2014 to March 2015:'],
  ANNEX_HEADER,
  ['1a', '35,000(Not BCF pool)', 'n/a', '23', '3.62', null, null, null, '46,092'],
  ['2a', '267,357', '4.03', '15', '2.36', null, null, '268', '101,080'],
  ['2b', '1,057,451', '15.94', '155', '24.41', '12', '11', null, '472,761'],
  ['2c', '231,000', '3.49', '29', '4.57', null, null, null, '58,116'],
  ['3a', '636,171', '9.59', '413', '65.04', null, '10', null, '865,962'],
  ['3b', '300,000', '4.52'],
  ['4a', '862,021', '12.99'],
  ['4b', '3,280,000', '49.44'],
  [null, '6,634,000 (BCF Pool)', '100', '635', '100', '12', '21', '268', '1,544,011'],
];

const annex1516 = [
  ['April 2015 to March 2016:'],
  ANNEX_HEADER,
  ['1a', '87,120 (Not BCF pool)', 'n/a', '119', '11.66', null, null, null, '238,476'],
  ['2a', '2,722,921', '11.63', '110', '10.77', '3', null, '276', '323,580'],
  ['2b', '1,292,026', '5.53', '331', '32.42', '12', '12', null, '829,296'],
  ['2c', '1,146,000', '4.89', '10', '0.98', null, null, null, '20,040'],
  ['3a', '1,316,464', '5.62', '451', '44.17', null, '10', null, '942,114'],
  ['3b', '300,000', '1.28'],
  ['4a', '10,636,589', '45.43'],
  ['4b', '5,998,000', '25.62'],
  [null, '23,412,000 (BCF Pool)', '100', '1,021', '100', '15', '22', '276', '2,353,506'],
];

// Annex 1, scheme 2a: "spend on falls related activity by age group and provider in Barnet, 2011/12".
const falls = [
  [null, 'Fractured neck of femur', null, 'Other codes related to Falls', null, 'Total'],
  ['Age Band', 'No of Patients', 'Cost', 'No of Patients', 'Cost', 'No of Patients', 'Cost'],
  ['65-69', '8', '£46,621', '62', '£144,273', '70', '£187,894'],
  ['70-74', '15', '£114,902', '57', '£126,242', '72', '£244,143'],
  ['75-120', '203', '£1,333,940', '757', '£1,543,352', '960', '£2,877,292'],
  ['Total', '226', '£1,462,463', '876', '£1,816,867', '1102', '£3,309,330'],
];

const table17 = [
  [null, 'Estimated Activity Reduction 15/16', 'Estimated impact at £2,004 (amended to reflect local cost with MFF)'],
  ['Royal Free (Barnet site)', '656', '1,314,626'],
  ['Royal Free (Hampstead site)', '307', '616,230'],
  ['Other', '62', '123,244'],
  ['Total', '1,021', '2,054,100'],
];

/** Places blocks of rows on a sheet grid at (row, column), zero-based. */
function sheet(name, blocks) {
  const rows = [];
  for (const {
    at: [r0, c0],
    rows: block,
  } of blocks) {
    block.forEach((cells, i) => {
      const r = r0 + i;
      rows[r] = rows[r] || [];
      cells.forEach((v, j) => {
        rows[r][c0 + j] = v === undefined ? null : v;
      });
    });
  }
  const width = Math.max(...rows.filter(Boolean).map((r) => r.length));
  return {
    name,
    values: Array.from(rows, (r) => Array.from({ length: width }, (_, c) => (r && r[c] !== undefined ? r[c] : null))),
  };
}

function barnetTablesAsPrinted() {
  return {
    sheets: [
      sheet('Tables 3 and 4', [
        { at: [0, 0], rows: [['Table 3 – Cost and Impact of Schemes on NEL Admissions April 2014 – March 2015']] },
        { at: [2, 0], rows: table3 },
        { at: [19, 2], rows: [['Table 4 – Cost and Impact of Schemes on NEL Admissions April 2015 – March 2016']] },
        { at: [21, 2], rows: table4 },
      ]),
      sheet('Annex 1', [
        { at: [0, 0], rows: annex1415 },
        { at: [13, 1], rows: annex1516 },
        { at: [27, 0], rows: [['Spend on falls related activity by age group and provider, 2011/12 (scheme 2a)']] },
        { at: [28, 0], rows: falls },
      ]),
      sheet('Table 17', [
        { at: [0, 0], rows: [['Table 17 – Estimated Impact of BCF Plan on Acute Service Providers 2015 to 2016']] },
        { at: [2, 0], rows: table17 },
      ]),
    ],
  };
}

async function writeFixture(file) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'typed in from the Barnet BCF plan 2014-16';
  for (const s of barnetTablesAsPrinted().sheets) {
    const ws = workbook.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await workbook.xlsx.writeFile(file);
}

module.exports = { barnetTablesAsPrinted, writeFixture };

if (require.main === module) {
  const file = path.join(__dirname, '..', 'fixtures', 'barnet-tables-as-printed.xlsx');
  writeFixture(file).then(() => console.log(`Wrote ${file}`));
}
