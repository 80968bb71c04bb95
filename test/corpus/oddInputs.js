'use strict';
/**
 * More of the bad-input corpus (issue 22): inputs a new user gives without meaning harm, which bcf
 * once answered wrongly without a word, with a crash, or differently from one command to the next.
 * Plan JSON numbers a double would change, xlsx structure (namespace prefixes, a sheet without its
 * part, the 1904 date system), CSV line endings and encodings, and file-system paths (links,
 * folders, an output equal to its input). Each case: {name, kind, args, exit, words, output?}.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { zipBytes } = require('./zipBytes');

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const JOINT_EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'joint-funding.json');

const HEADER = 'Person ID,Funding basis,ICB,Start date,End date,Weekly cost,Split method,Health share %';
const exportRow = (person, { cost = '100', start = '01/04/2023', end = '' } = {}) =>
  `${person},s117,NCL ICB,${start},${end},${cost},50:50,`;

/** Plan files whose numbers a double would change, or that repeat what Excel treats as one name. */
function planNumberCases(barnet) {
  const text = JSON.stringify(barnet);
  const cost = (n) => text.replace('"cost":35000', `"cost":${n}`);
  const unitValue = (n) => text.replace('"value":2004', `"value":${n}`);
  const at = 'schemes[0].years["2014/15"].cost';
  const places = 'more than 2 decimal places';
  const json = JSON.parse(text);
  const withUnit = (id) => {
    const j = JSON.parse(text);
    j.unitCosts.push({ ...j.unitCosts[0], id });
    return JSON.stringify(j);
  };
  const twoKeys = JSON.parse(text);
  return [
    ['number-1e-400', cost('1e-400'), 1, [at, '1e-400', places]],
    ['number-minus-1e-400', cost('-1e-400'), 1, [at, places]],
    ['number-many-nines', cost('1057451.999999999999999'), 1, [at, '1057451.999999999999999', places]],
    ['number-double-noise', cost('0.30000000000000004'), 1, [at, '0.30000000000000004', places]],
    ['number-minus-zero-accepted', cost('-0'), 0, ['Wrote']],
    ['number-minus-zero-point-accepted', cost('-0.00'), 0, ['Wrote']],
    ['number-exponent-accepted', cost('3.5e4'), 0, ['Wrote']],
    ['number-capital-exponent-accepted', cost('35E3'), 0, ['Wrote']],
    ['number-trailing-zeros-accepted', cost('35000.000000000000000000000'), 0, ['Wrote']],
    ['number-pence-accepted', cost('35000.07'), 0, ['Wrote']],
    ['number-beyond-2-53', cost('9007199254740993'), 1, [at, '9007199254740993', 'out of range']],
    ['number-twenty-digits', cost('12345678901234567890'), 1, [at, '12345678901234567890', 'out of range']],
    ['number-just-over-limit', cost('1000000000000.01'), 1, [at, 'out of range']],
    ['number-at-limit-accepted', cost('999999999999.99'), 0, ['Wrote']],
    ['number-huge-exponent', cost('1e99999999999999999999'), 1, [at, 'too large']],
    ['number-minus-1e400', cost('-1e400'), 1, [at, 'out of range']],
    ['number-tiny-exponent', cost('35000.001e0'), 1, [at, places]],
    ['unit-value-long-fraction', unitValue('2004.1250000000000001'), 1, ['unitCosts[0].value', places]],
    ['unit-value-hundredths-accepted', unitValue('2004e-2'), 0, ['Wrote']],
    ['number-as-board', text.replace(/"board":"[^"]*"/, '"board":1e400'), 1, ['board', 'expected text', '1e400']],
    ['number-as-benefits', text.replace('"benefits":{"NEL":23}', '"benefits":1e-999'), 1, ['benefits', 'an object']],
    ['number-leading-zero', cost('035000'), 2, ['not valid JSON', 'line 1']],
    ['number-plus-sign', cost('+35000'), 2, ['not valid JSON']],
    ['number-bare-point', cost('.5'), 2, ['not valid JSON']],
    ['number-trailing-point', cost('35000.'), 2, ['not valid JSON']],
    ['number-nan', cost('NaN'), 2, ['not valid JSON']],
    ['number-infinity', cost('Infinity'), 2, ['not valid JSON']],
    ['number-hex', cost('0x88b8'), 2, ['not valid JSON']],
    ['unit-ids-differ-in-case', withUnit('nel'), 1, ['unitCosts[4].id', '"nel"', '"NEL"', 'case']],
    ['unit-ids-differ-in-case-mixed', withUnit('Nel'), 1, ['unitCosts[4].id', 'only in case']],
    [
      'keys-repeated-twice-over',
      JSON.stringify(twoKeys)
        .replace('{"cost":35000', '{"cost":1,"cost":35000')
        .replace('"board":', '"board":"x","board":'),
      1,
      ['"board" is written twice', '"cost" is written twice'],
    ],
    [
      'repeated-key-and-unknown-field',
      JSON.stringify({ ...json, colour: 'red' }).replace('{"cost":35000', '{"cost":1,"cost":35000'),
      1,
      ['"cost" is written twice', '"colour" is not a field'],
    ],
    [
      'repeated-key-and-negative-cost',
      text.replace('{"cost":35000', '{"cost":1,"cost":-35000'),
      1,
      ['"cost" is written twice', 'is negative (-35000)'],
    ],
    [
      'cost-and-unknown-field-together',
      JSON.stringify({ ...json, colour: 'red' }).replace('"cost":35000', '"cost":1e-400'),
      1,
      ['colour', '1e-400'],
    ],
  ];
}

/** A package register in a plan or packages file: the same rules as an import, exactly. */
function jointJsonCases() {
  const example = JSON.parse(fs.readFileSync(JOINT_EXAMPLE, 'utf8'));
  const withPackage = (change) => {
    const j = JSON.parse(JSON.stringify(example));
    change(j.jointFunding.packages[0]);
    return JSON.stringify(j);
  };
  const long = `P${'x'.repeat(41)}`;
  return [
    ['joint-person-42-accepted', withPackage((p) => (p.person = long)), 0, ['Wrote']],
    ['joint-person-over-cell', withPackage((p) => (p.person = 'p'.repeat(40000))), 1, ['person', '32,767']],
    ['joint-ref-over-cell', withPackage((p) => (p.ref = 'r'.repeat(40000))), 1, ['ref', '32,767']],
    [
      'joint-minus-zero-accepted',
      withPackage((p) => (p.weeklyCost = 0)).replace('"weeklyCost":0', '"weeklyCost":-0'),
      0,
      ['Wrote'],
    ],
    [
      'joint-cost-1e-400',
      withPackage((p) => (p.weeklyCost = 7)).replace('"weeklyCost":7', '"weeklyCost":1e-400'),
      1,
      ['jointFunding.packages[0].weeklyCost', 'decimal places'],
    ],
  ];
}

/** Case-management exports through `bcf joint import`: line endings, encodings, odd cells. */
function exportCases() {
  const rows = (...lines) => [HEADER, ...lines];
  const lf = (...lines) => `${rows(...lines).join('\n')}\n`;
  const four = ['P1', 'P2', 'P3', 'P4'].map((p) => exportRow(p));
  const long = `P${'x'.repeat(41)}`;
  return [
    ['csv-lone-cr', `${HEADER}\n${four[0]}\n${four[1]}\r${four[2]}\n${four[3]}\n`, 0, ['4 packages.']],
    ['csv-old-mac-cr', `${rows(...four).join('\r')}\r`, 0, ['4 packages']],
    ['csv-crlf', `${rows(...four).join('\r\n')}\r\n`, 0, ['4 packages']],
    ['csv-mixed-endings', `${HEADER}\r\n${four[0]}\n${four[1]}\r${four[2]}\r\n${four[3]}`, 0, ['4 packages']],
    ['csv-no-final-newline', rows(...four).join('\n'), 0, ['4 packages']],
    ['csv-blank-lines-cr', `${HEADER}\r\r${four[0]}\r\r${four[1]}\r`, 0, ['2 packages']],
    ['csv-quoted-newline', lf('P1,s117,"NCL\r\nICB",01/04/2023,,100,50:50,', four[1]), 0, ['2 packages']],
    ['csv-utf8-bom-crlf', `\uFEFF${rows(...four).join('\r\n')}`, 0, ['4 packages']],
    [
      'csv-utf16-be',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(lf(four[0]), 'utf16le').swap16()]),
      0,
      ['1 package.'],
    ],
    ['csv-utf16-le-no-mark', Buffer.from(rows(...four).join('\r\n'), 'utf16le'), 0, ['4 packages']],
    ['csv-utf16-be-no-mark', Buffer.from(rows(...four).join('\r\n'), 'utf16le').swap16(), 0, ['4 packages']],
    ['csv-windows-1252-pound', Buffer.from(lf(exportRow('P1', { cost: '\u00a3100' })), 'latin1'), 0, ['1 package.']],
    ['csv-nul-in-amount', lf(exportRow('P1', { cost: '1\u000000' })), 1, ['row 2, Weekly cost', '\\u0000']],
    ['csv-minus-zero-cost', lf(exportRow('P1', { cost: '-0' })), 0, ['1 package.']],
    ['csv-minus-zero-pounds', lf(exportRow('P1', { cost: '-£0.00' })), 0, ['1 package.']],
    ['csv-person-42', lf(exportRow(long)), 0, ['1 package.']],
    ['csv-person-over-cell', lf(exportRow('p'.repeat(40000))), 1, ['row 2', 'person', '32,767']],
    [
      'csv-20000-unread-columns',
      lf(exportRow('P1')).replace(
        HEADER,
        `${HEADER},${Array.from({ length: 20000 }, (_, i) => `Extra ${i}`).join(',')}`,
      ),
      0,
      ['1 package;', 'and 19,990 more'],
    ],
    // Tabs and semicolons (Excel's CSV where the decimal mark is a comma) separate fields as commas do.
    ['csv-tab-separated', lf(four[0]).replace(/,/g, '\t'), 0, ['1 package.']],
    ['csv-semicolons', lf(...four).replace(/,/g, ';'), 0, ['4 packages.']],
    [
      'csv-semicolons-decimal-comma',
      `${HEADER.replace(/,/g, ';')}\nP1;s117;NCL ICB;01/04/2023;;1234,50;50:50;\n`,
      1,
      ['row 2, Weekly cost', '"1234,50" isn\'t an amount'],
    ],
    ['csv-header-only', `${HEADER}\n`, 0, ['0 packages']],
    [
      'csv-two-problems-in-a-row',
      lf(exportRow('P1', { cost: 'lots', start: '31/02/2023' })),
      1,
      ['Start date', 'Weekly cost'],
    ],
  ];
}

/** A worksheet's XML with rows of values: strings inline, numbers as given, dates styled when `dateStyle`. */
function sheetData(rows, { dateColumns = [], prefix = '' } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const col = (i) => String.fromCharCode(65 + i);
  return rows
    .map(
      (cells, r) =>
        `<${p}row r="${r + 1}">${cells
          .map((v, c) => {
            const ref = `${col(c)}${r + 1}`;
            if (v === '') return '';
            if (typeof v === 'number')
              return `<${p}c r="${ref}"${dateColumns.includes(c) ? ' s="1"' : ''}><${p}v>${v}</${p}v></${p}c>`;
            return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`;
          })
          .join('')}</${p}row>`,
    )
    .join('');
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** A one-sheet export workbook; `date1904` sets the workbook's date system, `prefix` writes every element as the Open XML SDK does. */
function exportWorkbook(rows, { date1904 = false, dateColumns = [], prefix = '', workbookPr } = {}) {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const pr = workbookPr ?? (date1904 ? `<${p}workbookPr date1904="1"/>` : '');
  return zipBytes([
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${DOC_REL}">${pr}<${p}sheets><${p}sheet name="Export" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}sheetData>${sheetData(rows, { dateColumns, prefix })}</${p}sheetData></${p}worksheet>`,
    },
    { name: 'xl/styles.xml', data: STYLES },
  ]);
}

/** Workbooks: the 1904 date system, namespace prefixes, a sheet without its part. Run through `bcf joint` and `bcf audit`. */
function workbookCases(handWorkbook) {
  const header = HEADER.split(',');
  // 1 April 2023 and 31 December 2023: serials 45017 and 45291 from 1900, 43555 and 43829 from 1904.
  const row1904 = ['P1', 's117', 'NCL ICB', 43555, 43829, 100, '50:50', ''];
  const row1900 = ['P1', 's117', 'NCL ICB', 45017, 45291, 100, '50:50', ''];
  const dated = { dateColumns: [3, 4] };
  const joint = (name, bytes, exit, words) => ({ name, bytes, exit, words, command: 'joint' });
  const audit = (name, bytes, exit, words) => ({ name, bytes, exit, words, command: 'audit' });
  const twoSheets = handWorkbook({ Schemes: '<row r="1"><c r="A1"><v>1</v></c></row>', Other: '' });
  const noPart = twoSheets.filter((e) => e.name !== 'xl/worksheets/sheet1.xml');
  const noRel = twoSheets.map((e) =>
    e.name === 'xl/_rels/workbook.xml.rels' ? { ...e, data: e.data.replace(/<Relationship Id="rId1"[^>]*\/>/, '') } : e,
  );
  const noRels = twoSheets.filter((e) => e.name !== 'xl/_rels/workbook.xml.rels');
  return [
    joint('xlsx-1904-dated', exportWorkbook([header, row1904], { date1904: true, ...dated }), 0, ['People covered: 1']),
    joint(
      'xlsx-1904-true',
      exportWorkbook([header, row1904], { ...dated, workbookPr: '<workbookPr date1904="true"/>' }),
      0,
      ['People covered: 1'],
    ),
    joint('xlsx-1904-general-serials', exportWorkbook([header, row1904], { date1904: true }), 0, ['People covered: 1']),
    joint('xlsx-1900-dated', exportWorkbook([header, row1900], dated), 0, ['People covered: 1']),
    joint('xlsx-1904-prefixed', exportWorkbook([header, row1904], { date1904: true, prefix: 'x', ...dated }), 0, [
      'People covered: 1',
    ]),
    joint('xlsx-x-prefix', exportWorkbook([header, row1900], { prefix: 'x', ...dated }), 0, ['People covered: 1']),
    joint('xlsx-other-prefix', exportWorkbook([header, row1900], { prefix: 'ss', ...dated }), 0, ['People covered: 1']),
    audit(
      'xlsx-x-prefix-audit',
      exportWorkbook(
        [
          ['a', 'b'],
          [1, 2],
        ],
        { prefix: 'x' },
      ),
      3,
      ['nothing was checked'],
    ),
    audit('number-cell-holding-text', zipBytes(handWorkbook({ N: '<row r="2"><c r="B2"><v>abc</v></c></row>' })), 2, [
      'damaged',
      'cell B2 of sheet "N"',
      '"abc"',
    ]),
    audit(
      'sheet-names-twice',
      zipBytes(
        handWorkbook({ A: '<row r="1"><c r="A1"><v>1</v></c></row>', B: '' }).map((e) =>
          e.name === 'xl/workbook.xml' ? { ...e, data: e.data.replace('name="B"', 'name="A"') } : e,
        ),
      ),
      2,
      ['damaged', 'two sheets are named "A"'],
    ),
    audit('sheet-name-entity', zipBytes(handWorkbook({ 'R&amp;D': '<row r="1"><c r="A1"><v>1</v></c></row>' })), 3, [
      'nothing was checked',
    ]),
    audit(
      'worksheet-with-bom',
      zipBytes(
        handWorkbook({ S: '<row r="1"><c r="A1"><v>1</v></c></row>' }).map((e) =>
          e.name.startsWith('xl/') ? { ...e, data: `\uFEFF${e.data}` } : e,
        ),
      ),
      3,
      ['nothing was checked'],
    ),
    audit('sheet-part-missing', zipBytes(noPart), 2, ['damaged', 'the sheet "Schemes" has no part']),
    audit('sheet-relationship-missing', zipBytes(noRel), 2, ['damaged', 'the sheet "Schemes" has no part']),
    audit('workbook-rels-missing', zipBytes(noRels), 2, ['damaged', 'has no part']),
  ];
}

/** Paths: an output equal to the input however written, a folder, a file where a folder should be, links. */
function pathCases(dir, files) {
  const p = (name) => path.join(dir, name);
  const plan = files.plan;
  const workbook = files.workbook;
  const csv = files.csv;
  fs.mkdirSync(p('out-folder.xlsx'), { recursive: true });
  fs.mkdirSync(p('paths'), { recursive: true });
  const link = (target, name) => {
    fs.rmSync(p(name), { force: true });
    fs.symlinkSync(target, p(name));
    return p(name);
  };
  const loop = link(p('paths/loop-b.json'), 'paths/loop-a.json');
  link(p('paths/loop-a.json'), 'paths/loop-b.json');
  const xlsxLoop = link(p('paths/xloop-b.xlsx'), 'paths/xloop-a.xlsx');
  link(p('paths/xloop-a.xlsx'), 'paths/xloop-b.xlsx');
  const dangling = link(p('paths/nowhere.json'), 'paths/dangling.json');
  const planLink = link(plan, 'paths/plan-link.json');
  const workbookLink = link(workbook, 'paths/workbook-link.xlsx');
  const csvLink = link(csv, 'paths/export-link.csv');
  fs.rmSync(p('paths/hard.xlsx'), { force: true });
  fs.linkSync(workbook, p('paths/hard.xlsx'));
  const relative = path.relative(process.cwd(), workbook);
  const fifo = p('paths/pipe.xlsx');
  fs.rmSync(fifo, { force: true });
  execFileSync('mkfifo', [fifo]);
  const c = (name, args, exit, words, kind = 'plan') => ({ name, kind, args, exit, words });
  return [
    c('o-under-a-file (build)', ['build', plan, '-o', path.join(plan, 'out.xlsx')], 2, ['is a file, not a folder']),
    c('o-deep-under-a-file (build)', ['build', plan, '-o', path.join(plan, 'a', 'b', 'out.xlsx')], 2, [
      'is a file, not a folder',
    ]),
    c(
      'o-under-a-file (joint import)',
      ['joint', 'import', csv, '-o', path.join(csv, 'p.json')],
      2,
      ['is a file, not a folder'],
      'csv',
    ),
    c(
      'o-under-a-file (import)',
      ['import', workbook, '-o', path.join(workbook, 'p.json')],
      2,
      ['is a file, not a folder'],
      'workbook',
    ),
    c('o-is-a-folder (build)', ['build', plan, '-o', p('out-folder.xlsx')], 2, ['is a folder']),
    c('o-is-a-folder (joint import)', ['joint', 'import', csv, '-o', p('out-folder.xlsx')], 2, ['is a folder'], 'csv'),
    c('o-is-a-folder (import)', ['import', workbook, '-o', p('out-folder.xlsx')], 2, ['is a folder'], 'workbook'),
    c('import-over-its-input', ['import', workbook, '-o', workbook], 64, ['would overwrite the input'], 'workbook'),
    c(
      'import-over-input-relative',
      ['import', workbook, '-o', relative],
      64,
      ['would overwrite the input'],
      'workbook',
    ),
    c(
      'import-over-input-by-link',
      ['import', workbook, '-o', workbookLink],
      64,
      ['would overwrite the input'],
      'workbook',
    ),
    c(
      'import-over-input-hard-link',
      ['import', p('paths/hard.xlsx'), '-o', workbook],
      64,
      ['would overwrite the input'],
      'workbook',
    ),
    c('build-over-input-by-link', ['build', planLink, '-o', plan], 64, ['would overwrite the input']),
    c('build-over-input-dotted', ['build', plan, '-o', path.join(dir, 'paths', '..', path.basename(plan))], 64, [
      'would overwrite the input',
    ]),
    c(
      'joint-import-over-input-by-link',
      ['joint', 'import', csvLink, '-o', csv],
      64,
      ['would overwrite the input'],
      'csv',
    ),
    c('symlink-loop (build)', ['build', loop, '-o', p('out/loop.xlsx')], 2, ['symlink loop']),
    c('symlink-loop (audit)', ['audit', xlsxLoop], 2, ['symlink loop'], 'workbook'),
    c('symlink-loop (joint)', ['joint', loop], 2, ['symlink loop'], 'csv'),
    c('o-symlink-loop (build)', ['build', plan, '-o', xlsxLoop], 2, ['symlink loop']),
    c('o-is-a-pipe (build)', ['build', plan, '-o', fifo], 2, ['not a regular file']),
    c('input-is-a-pipe (audit)', ['audit', fifo], 2, ['not a file'], 'workbook'),
    c('o-empty (build)', ['build', plan, '-o', ''], 64, ['-o']),
    c('dangling-symlink (build)', ['build', dangling, '-o', p('out/dangling.xlsx')], 2, [
      "a symlink to a file that doesn't exist",
    ]),
    c(
      'path-through-a-file (audit)',
      ['audit', path.join(workbook, 'x.xlsx')],
      2,
      ['a part of the path is a file'],
      'workbook',
    ),
  ];
}

/** Writes the inputs into `dir` and returns the cases. */
function writeOddCases(dir, { barnetJson, handWorkbook }) {
  const cases = [];
  const put = (file, content) => {
    fs.writeFileSync(path.join(dir, file), content);
    return path.join(dir, file);
  };
  for (const [name, content, exit, words] of [...planNumberCases(barnetJson), ...jointJsonCases()]) {
    const out = path.join(dir, 'out', `${name}.xlsx`);
    const args = ['build', put(`${name}.json`, content), '-o', out];
    cases.push({ name, kind: 'plan', args, exit, words, output: exit === 0 ? out : undefined });
  }
  for (const [name, content, exit, words] of exportCases()) {
    const args = ['joint', 'import', put(`${name}.csv`, content), '-o', path.join(dir, 'out', `${name}.json`)];
    cases.push({ name, kind: 'csv', args, exit, words });
  }
  for (const { name, bytes, exit, words, command } of workbookCases(handWorkbook)) {
    const file = put(`${name}.xlsx`, bytes);
    const args = command === 'joint' ? ['joint', file, '--as-at', '2023-07-01'] : ['audit', file];
    cases.push({ name, kind: 'workbook', args, exit, words });
  }
  const files = {
    plan: put('paths-plan.json', JSON.stringify(barnetJson)),
    workbook: put(
      'paths-workbook.xlsx',
      exportWorkbook([
        ['Ref', 'Scheme', 'Cost', '% of pool'],
        ['1a', 'Falls', 100, 0.5],
      ]),
    ),
    csv: put('paths-export.csv', `${HEADER}\n${exportRow('P1')}\n`),
  };
  cases.push(...pathCases(dir, files));
  return cases;
}

module.exports = { writeOddCases };
