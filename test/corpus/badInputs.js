'use strict';
/**
 * The bad-input corpus: plans, workbooks and CSV exports that are wrong, damaged, hostile or merely
 * unusual, each with the exit code `bcf` must give and words its message must contain. Generated
 * into a folder on each run (nothing big is committed); big inputs are made cheaply (a sparse file,
 * one compressed block reused). test/badInputs.test.ts runs every case through the CLI;
 * scripts/corpus-calc-check.js opens the workbooks built from the accepted ones in LibreOffice.
 *
 * Exit codes: 0 done, 1 the plan has errors (or the audit found some), 2 the file can't be read.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { zipBytes, unzip } = require('./zipBytes');
const { writeOddCases } = require('./oddInputs');

const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal workbook of hand-written sheets: {name: sheetDataXml}. */
function handWorkbook(sheets, { sharedStrings, extraEntries = [], workbookXml } = {}) {
  const names = Object.keys(sheets);
  const entries = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        workbookXml ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">${names.map((n, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${sharedStrings ? `<Relationship Id="rIdS" Type="${DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(sheets[n]) })),
    ...(sharedStrings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
          },
        ]
      : []),
    ...extraEntries,
  ];
  return entries;
}

function sheetXml(sheetData) {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`;
}

const officeShell = (documentPath, type, body) => [
  {
    name: '[Content_Types].xml',
    data: `<?xml version="1.0"?><Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  },
  {
    name: '_rels/.rels',
    data: `<?xml version="1.0"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="${documentPath}"/></Relationships>`,
  },
  { name: documentPath, data: body },
  {
    name: 'docProps/app.xml',
    data: `<?xml version="1.0"?><Properties><Application>${type}</Application></Properties>`,
  },
];

/** The add-in's workbook with its parts changed: edit(entries) returns the new entries. */
function edited(addinEntries, edit) {
  return zipBytes(edit(addinEntries.map((e) => ({ ...e }))));
}

function replacePart(entries, name, change) {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  entry.data = Buffer.from(change(entry.data.toString('utf8')), 'utf8');
  return entries;
}

/** The part of the sheet with this name in the add-in's workbook. */
function sheetPart(entries, sheetName) {
  const workbook = entries.find((e) => e.name === 'xl/workbook.xml').data.toString('utf8');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels').data.toString('utf8');
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return `xl/${target[1].replace(/^\/?xl\//, '')}`;
}

function planCases(barnet) {
  const copy = () => JSON.parse(JSON.stringify(barnet));
  const with_ = (change) => {
    const json = copy();
    change(json);
    return JSON.stringify(json, null, 2);
  };
  const y = '2014/15';
  return [
    [
      'misspelt-cost',
      with_((j) => {
        j.schemes[2].years[y].costs = j.schemes[2].years[y].cost;
        delete j.schemes[2].years[y].cost;
      }),
      1,
      ['schemes[2].years["2014/15"].costs', 'did you mean "cost"'],
    ],
    [
      'every-cost-misspelt',
      with_((j) =>
        j.schemes.forEach((s) =>
          Object.values(s.years).forEach((e) => {
            e.Cost = e.cost;
            delete e.cost;
          }),
        ),
      ),
      1,
      ['"Cost" is not a field', 'did you mean "cost"'],
    ],
    [
      'misspelt-top-level',
      with_((j) => {
        j.scheme = j.schemes;
        delete j.schemes;
      }),
      1,
      ['scheme:', 'did you mean "schemes"'],
    ],
    [
      'misspelt-unit-cost-value',
      with_((j) => {
        j.unitCosts[0].valeu = j.unitCosts[0].value;
        delete j.unitCosts[0].value;
      }),
      1,
      ['unitCosts[0].valeu', 'did you mean "value"'],
    ],
    [
      'unknown-key-far-off',
      with_((j) => {
        j.schemes[0].colour = 'red';
      }),
      1,
      ['schemes[0].colour', 'not a field'],
    ],
    [
      'proto-year-key',
      with_((j) => {
        j.schemes[0].years.__proto__ = { cost: 1 };
      }).replace('"years": {', '"years": {"__proto__": {"cost": 1},'),
      1,
      ['__proto__', "not one of the plan's years"],
    ],
    [
      'constructor-year-key',
      with_((j) => {
        j.schemes[1].years.constructor = { cost: 5 };
      }),
      1,
      ['constructor', "not one of the plan's years"],
    ],
    [
      'proto-unit-cost-id',
      with_((j) => j.unitCosts.push({ id: '__proto__', benefit: 'x', value: 1 })),
      1,
      ['unitCosts[4].id', "can't be a unit-cost name"],
    ],
    [
      'tostring-benefit-without-unit',
      with_((j) => {
        j.schemes[0].years[y].benefits.toString = 3;
      }),
      1,
      ['benefits.toString', 'no unit cost named toString'],
    ],
    [
      'constructor-unit-cost-accepted',
      with_((j) => {
        j.unitCosts.push({ id: 'constructor', benefit: 'Odd benefit', value: 10 });
        j.schemes[0].years[y].benefits.constructor = 2;
      }),
      0,
      ['Wrote'],
    ],
    ['year-listed-twice', with_((j) => j.years.push({ ...j.years[0] })), 1, ['years[2].label', 'listed twice']],
    [
      'key-written-twice',
      JSON.stringify(copy()).replace('{"cost":35000', '{"cost":1,"cost":35000'),
      1,
      ['written twice', '"cost"'],
    ],
    [
      'deep-nesting',
      `{"board":"x","notes":${'['.repeat(200000)}${']'.repeat(200000)}}`,
      1,
      ['nests more than 32 levels', 'notes'],
    ],
    ['deep-objects', `{"board":${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}}`, 1, ['nests more than', 'board']],
    [
      'number-1e309',
      JSON.stringify(copy()).replace('"cost":35000', '"cost":1e309'),
      1,
      ['schemes[0].years["2014/15"].cost', '1e+309 is out of range'],
    ],
    [
      'money-out-of-range',
      with_((j) => {
        j.schemes[0].years[y].cost = 5e12;
      }),
      1,
      ['schemes[0].years["2014/15"].cost', 'out of range'],
    ],
    [
      'money-three-places',
      with_((j) => {
        j.unitCosts[0].value = 2004.125;
      }),
      1,
      ['unitCosts[0].value', 'more than 2 decimal places'],
    ],
    [
      'negative-cost',
      with_((j) => {
        j.schemes[3].years[y].cost = -5;
      }),
      1,
      ['schemes[3].years["2014/15"].cost', 'negative'],
    ],
    [
      'cost-as-words',
      with_((j) => {
        j.schemes[2].years[y].cost = 'about a million';
      }),
      1,
      ['schemes[2].years["2014/15"].cost', 'expected an amount'],
    ],
    [
      'cost-as-pounds-text-accepted',
      with_((j) => {
        j.schemes[2].years[y].cost = '£1,057,451';
      }),
      0,
      ['Wrote'],
    ],
    ['byte-order-mark-accepted', `\uFEFF${JSON.stringify(copy())}`, 0, ['Wrote']],
    [
      'utf16-accepted',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(copy()), 'utf16le')]),
      0,
      ['Wrote'],
    ],
    ['truncated-json', JSON.stringify(copy()).slice(0, 500), 2, ['not valid JSON', 'the end of the file']],
    ['truncated-json-at-value', JSON.stringify(copy()).slice(0, 499), 2, ['not valid JSON']],
    ['trailing-comma', JSON.stringify(copy()).replace(/}$/, ',}'), 2, ['not valid JSON', 'line 1']],
    ['single-quotes', "{'board': 'x'}", 2, ['not valid JSON', 'line 1, column 2']],
    ['binary-as-json', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x7b]), 2, ['not valid JSON']],
    ['root-is-list', '[1, 2, 3]', 1, ['expected an object']],
    ['root-is-null', 'null', 1, ['expected an object']],
    ['root-is-text', '"a plan"', 1, ['expected an object']],
    ['missing-unit-costs', with_((j) => delete j.unitCosts), 1, ['unitCosts', 'expected a list', 'required']],
    [
      'no-nel-unit-cost',
      with_((j) => {
        j.unitCosts = j.unitCosts.filter((u) => u.id !== 'NEL');
      }),
      1,
      ['NEL'],
    ],
    [
      'benefit-unknown-unit',
      with_((j) => {
        j.schemes[1].years[y].benefits.Falls = 4;
      }),
      1,
      ['benefits.Falls', 'no unit cost named Falls'],
    ],
    [
      'in-pool-as-text',
      with_((j) => {
        j.schemes[0].inPool = 'no';
      }),
      1,
      ['schemes[0].inPool', 'true or false'],
    ],
    [
      'partner-kind',
      with_((j) => {
        j.partners[1].kind = 'ccg';
      }),
      1,
      ['partners[1].kind', '"council" or "nhs"'],
    ],
    [
      'partner-listed-twice',
      with_((j) => j.partners.push({ ...j.partners[0] })),
      1,
      ['partners[2].id', 'listed twice'],
    ],
    [
      'sharing-kind',
      with_((j) => {
        j.pool.sharing = { kind: 'even' };
      }),
      1,
      ['pool.sharing', 'kind'],
    ],
    // Fixed shares that don't add to 100% build: the Checks sheet fails the check and bcf audit reports it (issue 15).
    [
      'fixed-shares-90-is-a-check',
      with_((j) => {
        j.pool.sharing = {
          kind: 'fixed',
          shares: [
            { partner: 'LBB', percent: 40 },
            { partner: 'BCCG', percent: 50 },
          ],
        };
      }),
      0,
      ['Wrote'],
    ],
    [
      'spend-quarter-5',
      with_((j) => j.pool.spend.push({ scheme: '2b', year: y, quarter: 5, amount: 10 })),
      1,
      ['pool.spend', 'quarter', '1 to 4'],
    ],
    ['risk-id-twice', with_((j) => j.risks.push({ ...j.risks[0] })), 1, ['risks[', 'listed twice']],
    [
      'statement-kind',
      with_((j) => {
        j.statements[0].kind = 'guess';
      }),
      1,
      ['statements[0].kind', 'expected'],
    ],
    [
      'tolerances-swapped',
      with_((j) => {
        j.cards.tolerances = { green: 0.5, amber: 0.9 };
      }),
      1,
      ['cards.tolerances.amber', 'above the green'],
    ],
    [
      'phasing-over-one',
      with_((j) => {
        const r = j.cards.records.find((x) => x.phasing);
        const m = Object.keys(r.phasing)[0];
        const yr = Object.keys(r.phasing[m])[0];
        r.phasing[m][yr][0] = 1.5;
      }),
      1,
      ['phasing', '0 to 1'],
    ],
    [
      'card-owner-misspelt',
      with_((j) => {
        j.cards.records[0].owners = 'Someone';
      }),
      1,
      ['cards.records[0].owners', 'did you mean "owner"'],
    ],
    [
      'actual-as-text',
      with_((j) => {
        const r = j.cards.records.find((x) => x.actuals && x.actuals.length);
        r.actuals[0].reduction = 'lots';
      }),
      1,
      ['actuals[0].reduction', 'expected a number'],
    ],
    [
      'card-twice',
      with_((j) => j.cards.records.push({ scheme: j.cards.records[0].scheme })),
      1,
      ['cards.records[', 'listed twice'],
    ],
    [
      'no-years',
      with_((j) => {
        j.years = [];
      }),
      1,
      ['years', 'at least 1'],
    ],
    // "2014-15" is the same year as 2014/15 (issue 13); a label that spans two years is not a financial year.
    [
      'year-label-two-years',
      with_((j) => {
        j.years[0].label = '2014-16';
      }),
      1,
      ['years[0].label', 'write it as 2014/15'],
    ],
    ['target-twice', with_((j) => j.targets.push({ ...j.targets[0] })), 1, ['targets[', 'listed twice']],
    [
      'scheme-ref-long',
      with_((j) => {
        j.schemes[0].ref = `1${'a'.repeat(40)}`;
      }),
      1,
      ['schemes[0].ref'],
    ],
    [
      'scheme-refs-collide-by-case',
      with_((j) => {
        j.schemes[3].ref = '2B';
      }),
      1,
      ['schemes[3].ref', 'used twice'],
    ],
    [
      'scheme-name-over-cell',
      with_((j) => {
        j.schemes[2].name = 'x'.repeat(40000);
      }),
      1,
      ['schemes[2].name', '32,767'],
    ],
    [
      'scheme-name-300',
      with_((j) => {
        j.schemes[2].name = 'y'.repeat(300);
      }),
      1,
      ['schemes[2].name', '255'],
    ],
    [
      'description-over-cell',
      with_((j) => {
        j.schemes[4].description = 'd'.repeat(33000);
      }),
      1,
      ['schemes[4].description', '32,767'],
    ],
    [
      'xml-unsafe-name-repaired',
      with_((j) => {
        j.schemes[1].name = 'Falls \uFFFE\uFFFF service\u0001';
      }),
      0,
      ['Warning at schemes[1].name', 'removed', 'Wrote'],
    ],
    [
      'escape-sequences-in-names',
      with_((j) => {
        j.board = 'Barnet\u001b[2J\u001b[31m';
        j.schemes[0].name = 'Evil\u001b]0;title\u0007 scheme\u202e';
      }),
      0,
      ['Wrote'],
    ],
    [
      'notes-number',
      with_((j) => {
        j.notes = [5];
      }),
      1,
      ['notes[0]', 'expected text'],
    ],
    [
      'schema-key-accepted',
      with_((j) => {
        j.$schema = '../docs/plan.schema.json';
      }),
      0,
      ['Wrote'],
    ],
    [
      'too-many-schemes',
      `{"board":"x","years":[{"label":"2014/15"}],"unitCosts":[{"id":"NEL","benefit":"b","value":1}],"schemes":[${Array.from({ length: 20001 }, (_, i) => `{"ref":"${i + 1}a","name":"s"}`).join(',')}]}`,
      1,
      ['schemes', 'at most 20,000'],
    ],
    ['empty-file', '', 2, ['empty']],
  ];
}

async function workbookCases(addinWorkbook) {
  const addin = unzip(addinWorkbook);
  const schemesPart = sheetPart(addin, 'Schemes');
  const yearPart = sheetPart(addin, 'BCF 2014-15');
  const cut = (entries, name, fraction) =>
    replacePart(entries, name, (xml) => xml.slice(0, Math.floor(xml.length * fraction)));
  // Twelve sheets of 40 MB of blanks each, all the same bytes, compressed once: a 0.5 MB file that unpacks to 480 MB.
  const blanks = Buffer.concat([
    Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`),
    Buffer.alloc(40 * 1024 * 1024, 0x20),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  const packed = zlib.deflateRawSync(blanks);
  const blanksCrc = zlib.crc32(blanks) >>> 0;
  const bombSheet = (i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: Buffer.alloc(0),
    stored: packed,
    size: blanks.length,
    crc: blanksCrc,
  });
  const bomb = handWorkbook(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`S${i + 1}`, '']))).map((e) =>
    e.name.startsWith('xl/worksheets/') ? bombSheet(Number(/sheet(\d+)/.exec(e.name)[1]) - 1) : e,
  );
  const xfdColumn = Array.from(
    { length: 20000 },
    (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>${i}</v></c></row>`,
  ).join('');
  return [
    [
      'docx',
      zipBytes(
        officeShell(
          'word/document.xml',
          'Microsoft Office Word',
          '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
        ),
      ),
      2,
      ['Word document'],
    ],
    [
      'pptx',
      zipBytes(
        officeShell(
          'ppt/presentation.xml',
          'Microsoft Office PowerPoint',
          '<?xml version="1.0"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
        ),
      ),
      2,
      ['PowerPoint'],
    ],
    [
      'random-zip',
      zipBytes([
        { name: 'hello.txt', data: 'hello' },
        { name: 'photos/cat.jpg', data: Buffer.alloc(100, 7) },
      ]),
      2,
      ['zip file with no workbook'],
    ],
    [
      'ods',
      zipBytes([
        { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
        { name: 'content.xml', data: '<office:document-content/>' },
      ]),
      2,
      ['OpenDocument spreadsheet'],
    ],
    ['text-renamed', 'Ref,Scheme,Cost\n1a,Something,100\n', 2, ["doesn't start like one"]],
    ['plan-json-renamed', '\uFEFF {"board": "Barnet"}', 2, ['is a JSON file (a plan or packages file)', 'bcf build']],
    [
      'old-xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
      2,
      ['old .xls'],
    ],
    ['empty-xlsx', '', 2, ['empty']],
    ['zip-cut-in-half', addinWorkbook.subarray(0, Math.floor(addinWorkbook.length / 2)), 2, ['zip directory']],
    [
      'bad-crc',
      edited(addin, (es) =>
        es.map((e) => (e.name === schemesPart ? { ...e, crc: (zlib.crc32(e.data) ^ 1) >>> 0 } : e)),
      ),
      2,
      ['checksum'],
    ],
    [
      'flipped-deflate-bytes',
      (() => {
        const b = Buffer.from(zipBytes(addin));
        const at = b.indexOf(Buffer.from(yearPart)) + 200;
        for (let i = 0; i < 64; i++) b[at + i] ^= 0x5a;
        return b;
      })(),
      2,
      ["can't be read"],
    ],
    ['sheet-cut-in-half', edited(addin, (es) => cut(es, yearPart, 0.5)), 2, ['cut short']],
    ['shared-strings-cut', edited(addin, (es) => cut(es, 'xl/sharedStrings.xml', 0.6)), 2, ['cut short']],
    ['workbook-part-cut', edited(addin, (es) => cut(es, 'xl/workbook.xml', 0.7)), 2, ['cut short']],
    [
      'far-cell-zzzzzz',
      zipBytes(handWorkbook({ Far: '<row r="4000000000"><c r="ZZZZZZ4000000000"><v>1</v></c></row>' })),
      2,
      ["beyond Excel's last cell", 'Far'],
    ],
    [
      'cell-below-last-row',
      zipBytes(handWorkbook({ Low: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' })),
      2,
      ["beyond Excel's last cell"],
    ],
    [
      'cell-right-of-xfd',
      zipBytes(handWorkbook({ Wide: '<row r="1"><c r="XFE1"><v>1</v></c></row>' })),
      2,
      ["beyond Excel's last cell"],
    ],
    [
      'cells-without-refs-past-xfd',
      zipBytes(handWorkbook({ Run: `<row r="1">${'<c><v>1</v></c>'.repeat(16385)}</row>` })),
      2,
      ['after column XFD'],
    ],
    [
      'lowercase-reference',
      zipBytes(handWorkbook({ Odd: '<row r="1"><c r="a1"><v>1</v></c></row>' })),
      2,
      ['"a1"', 'not one'],
    ],
    [
      'xfd-column-20000-cells',
      zipBytes(handWorkbook({ Edge: xfdColumn })),
      3,
      ['nothing was checked', '20,000 cells of sheet "Edge" right of column AMJ were not read'],
    ],
    [
      'far-right-in-every-row',
      zipBytes(
        handWorkbook({
          Thin: Array.from({ length: 15000 }, (_, i) => `<row r="${i + 1}"><c r="AMJ${i + 1}"><v>1</v></c></row>`).join(
            '',
          ),
        }),
      ),
      2,
      ['spread over more than 12,000,000 places'],
    ],
    [
      'last-cell-only',
      zipBytes(handWorkbook({ Corner: '<row r="1048576"><c r="XFD1048576"><v>42</v></c></row>' })),
      3,
      ['nothing was checked'],
    ],
    [
      'merge-whole-sheet',
      zipBytes(
        handWorkbook({ M: '<row r="1"><c r="A1"><v>1</v></c></row>' }).map((e) =>
          e.name === 'xl/worksheets/sheet1.xml'
            ? {
                ...e,
                data: e.data.replace(
                  '</worksheet>',
                  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
                ),
              }
            : e,
        ),
      ),
      3,
      ['nothing was checked'],
    ],
    ['twelve-40mb-parts', zipBytes(bomb), 2, ['more than 256 MB']],
    [
      'declared-1gb-part',
      edited(addin, (es) => es.map((e) => (e.name === schemesPart ? { ...e, size: 1024 * 1024 * 1024 } : e))),
      2,
      ['more than 256 MB'],
    ],
    // Barnet's workbook audits with the published plan's own faults (8 findings), ZIP64 or not.
    ['zip64-workbook', zipBytes(addin, { zip64: true }), 1, ['8 findings', 'Plan check fails']],
    [
      'zip64-bad-record',
      (() => {
        const b = Buffer.from(zipBytes(addin, { zip64: true }));
        b.writeUInt32LE(0x12345678, b.length - 22 - 20 - 56);
        return b;
      })(),
      2,
      ['zip directory is damaged'],
    ],
    [
      'encrypted-entry',
      zipBytes(addin.map((e) => (e.name === schemesPart ? { ...e, flags: 1 } : e))),
      2,
      ["can't be read"],
    ],
    [
      'shared-string-missing',
      zipBytes(handWorkbook({ S: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }, { sharedStrings: ['only one'] })),
      2,
      ['shared string 7'],
    ],
    [
      'no-sheets-listed',
      zipBytes(handWorkbook({ A: '' }, { workbookXml: `<?xml version="1.0"?><workbook xmlns="${MAIN}"></workbook>` })),
      2,
      ['lists no sheets'],
    ],
    [
      'schemes-renamed',
      edited(addin, (es) =>
        replacePart(es, 'xl/workbook.xml', (x) => x.replace('name="Schemes"', 'name="Scheme list"')),
      ),
      1,
      ['"Schemes" sheet is missing', 'renamed'],
    ],
    [
      'assumptions-deleted',
      edited(addin, (es) =>
        replacePart(es, 'xl/workbook.xml', (x) => x.replace(/<sheet [^>]*name="Assumptions"[^>]*\/>/, '')),
      ),
      1,
      ['"Assumptions" sheet is missing'],
    ],
    [
      'number-over-formula',
      edited(addin, (es) =>
        replacePart(es, yearPart, (x) => x.replace(/<c r="G8"([^>]*)><f>[^<]*<\/f>/, '<c r="G8"$1>')),
      ),
      1,
      ['G8', 'typed over'],
    ],
    [
      'huge-cost-in-workbook',
      edited(addin, (es) =>
        replacePart(es, schemesPart, (x) => x.replace(/(<c r="G\d+"[^>]*><v>)35000(<\/v>)/, '$11e308$2')),
      ),
      1,
      ['beyond'],
    ],
  ];
}

function csvCases() {
  return [
    ['csv-export', 'Person ID,Funding basis,ICB,Start date,Weekly cost\nP001,s117,NCL ICB,01/04/2023,"£1,234.50"\n'],
    ['csv-with-bom', '\uFEFFPerson ID,Weekly cost\nP002,100\n'],
    ['csv-formula-injection', 'Person ID,Note\n=cmd|"/c calc"!A1,@SUM(1+1)\n'],
    ['csv-nul-bytes', Buffer.from('Person ID,Weekly cost\nP\u0000003,1\u0000\n', 'utf8')],
    ['csv-one-huge-line', `Person ID,Note\nP004,${'x'.repeat(200000)}\n`],
  ].map(([name, content]) => [name, content, 2, ['CSV file']]);
}

/** Case-management exports through `bcf joint import`: [name, content, exit, words]. */
function jointExportCases() {
  const header = 'Person ID,Funding basis,ICB,Start date,End date,Weekly cost,Split method,Health share %';
  const rows = (...lines) => [header, ...lines].join('\n');
  const many = Array.from({ length: 20000 }, (_, i) => `P${i},s117,NCL ICB,01/04/2023,,${100 + (i % 50)},50:50,`);
  return [
    [
      'export-messy',
      rows(
        'P1,s117,NCL ICB,01/04/2023,,"£1,234.50",50:50,',
        '',
        'P2,s117,NCL ICB,31/02/2023,,100,50:50,',
        'P3,Care Act,NCL ICB,2023-05-01,,900,Fixed,140',
      ),
      1,
      ['row 4, Start date', 'row 5, Health share %', '140%', 'Wrote'],
    ],
    [
      'export-end-before-start',
      rows('P1,s117,NCL ICB,01/04/2023,01/03/2023,100,50:50,'),
      1,
      ['row 2, End date', 'ends before it starts'],
    ],
    [
      'export-name-column',
      `Client Name,${header}\nJo Bloggs,P1,s117,NCL ICB,45017,,100,50:50,`,
      0,
      ['columns not copied: Client Name'],
    ],
    ['export-formula-text', rows('=HYPERLINK("http://x"),s117,NCL ICB,01/04/2023,,100,50:50,'), 0, ['1 package.']],
    ['export-unclosed-quote', 'Person ID,Weekly cost\n"P1,100\n', 2, ['quoted field is never closed', 'line 2']],
    [
      'export-semicolons',
      'Person ID;ICB;Start date;Weekly cost\nP1;NCL;01/04/2023;100',
      1,
      ['Error at row 1', 'no column for basis'],
    ],
    ['export-binary', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x0a]), 1, ['no header row found']],
    ['export-empty', '', 2, ['empty']],
    ['export-20000-rows', rows(...many), 0, ['20000 packages']],
    [
      'export-utf16',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(rows('P1,s117,NCL ICB,01/04/2023,,100,50:50,'), 'utf16le'),
      ]),
      0,
      ['1 package.'],
    ],
  ];
}

/**
 * Writes every case's input into `dir` and returns the cases: {name, kind, args, exit, words, accepted}.
 * `accepted` cases build a workbook to out/<name>.xlsx (checked part by part and in LibreOffice).
 */
async function writeCorpus(dir, { barnetJson, addinWorkbook }) {
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  const cases = [];
  const put = (file, content) => fs.writeFileSync(path.join(dir, file), content);
  for (const [name, content, exit, words] of planCases(barnetJson)) {
    put(`${name}.json`, content);
    const out = path.join(dir, 'out', `${name}.xlsx`);
    cases.push({
      name,
      kind: 'plan',
      args: ['build', path.join(dir, `${name}.json`), '-o', out],
      exit,
      words,
      output: exit === 0 ? out : undefined,
    });
  }
  for (const [name, content, exit, words] of await workbookCases(addinWorkbook)) {
    put(`${name}.xlsx`, content);
    cases.push({ name, kind: 'workbook', args: ['audit', path.join(dir, `${name}.xlsx`)], exit, words });
  }
  for (const [name, content, exit, words] of csvCases()) {
    put(`${name}.csv`, content);
    for (const command of ['build', 'audit']) {
      const args =
        command === 'build'
          ? ['build', path.join(dir, `${name}.csv`), '-o', path.join(dir, 'out', `${name}.xlsx`)]
          : ['audit', path.join(dir, `${name}.csv`)];
      cases.push({ name: `${name} (${command})`, kind: 'csv', args, exit, words });
    }
  }
  for (const [name, content, exit, words] of jointExportCases()) {
    put(`${name}.csv`, content);
    cases.push({
      name,
      kind: 'csv',
      args: ['joint', 'import', path.join(dir, `${name}.csv`), '-o', path.join(dir, 'out', `${name}.json`)],
      exit,
      words,
    });
  }
  cases.push({
    name: 'export-messy (joint --json)',
    kind: 'csv',
    args: ['joint', path.join(dir, 'export-messy.csv'), '--json', '--as-at', '2024-01-01'],
    exit: 1,
    words: ['"problems"', '"row": 4'],
  });
  // The same refusals through the other commands: every command answers a bad file the same way.
  cases.push({
    name: 'docx (track)',
    kind: 'workbook',
    args: ['track', path.join(dir, 'docx.xlsx')],
    exit: 2,
    words: ['Word document'],
  });
  cases.push({
    name: 'sheet-cut-in-half (show)',
    kind: 'workbook',
    args: ['show', path.join(dir, 'sheet-cut-in-half.xlsx')],
    exit: 2,
    words: ['cut short'],
  });
  cases.push({
    name: 'zip64-workbook (build)',
    kind: 'workbook',
    args: ['build', path.join(dir, 'zip64-workbook.xlsx'), '-o', path.join(dir, 'out', 'zip64-rebuilt.xlsx')],
    exit: 0,
    words: ['Wrote'],
    output: path.join(dir, 'out', 'zip64-rebuilt.xlsx'),
  });
  cases.push({
    name: 'escape-sequences-in-names (show)',
    kind: 'plan',
    args: ['show', path.join(dir, 'escape-sequences-in-names.json')],
    exit: 0,
    words: ['Evil]0;title scheme'],
  });
  // Files the system refuses: too big, a folder, missing.
  const big = path.join(dir, 'too-big.xlsx');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 60 * 1024 * 1024); // sparse: no 60 MB written
  cases.push({
    name: 'too-big',
    kind: 'workbook',
    args: ['audit', big],
    exit: 2,
    words: ['60.0 MB', 'limit is 50 MB'],
  });
  const gigabyte = path.join(dir, 'one-gigabyte.json');
  fs.closeSync(fs.openSync(gigabyte, 'w'));
  fs.truncateSync(gigabyte, 1024 * 1024 * 1024);
  cases.push({
    name: 'one-gigabyte',
    kind: 'plan',
    args: ['build', gigabyte, '-o', path.join(dir, 'out', 'gb.xlsx')],
    exit: 2,
    words: ['1024.0 MB', 'limit is 50 MB'],
  });
  fs.mkdirSync(path.join(dir, 'a-folder.xlsx'), { recursive: true });
  cases.push({
    name: 'folder',
    kind: 'workbook',
    args: ['audit', path.join(dir, 'a-folder.xlsx')],
    exit: 2,
    words: ['not a file', 'folder'],
  });
  cases.push({
    name: 'missing-file',
    kind: 'workbook',
    args: ['audit', path.join(dir, 'nowhere.xlsx')],
    exit: 2,
    words: ['no such file'],
  });
  cases.push(...writeOddCases(dir, { barnetJson, handWorkbook }));
  return cases;
}

module.exports = { writeCorpus };
