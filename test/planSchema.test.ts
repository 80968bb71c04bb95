import fs from 'fs';
import path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { planFromJson, planFromJsonText } from '../src/domain/planJson';
import { planSchemaDocument } from '../src/domain/planSchemaDocument';
import { describeProblem, PlanError } from '../src/domain/problems';
import { barnetJsonCopy } from './support/barnet';

const root = path.join(__dirname, '..');
const published = JSON.parse(fs.readFileSync(path.join(root, 'docs', 'plan.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(published);

function errorsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (e) {
    if (e instanceof PlanError) return e.problems.filter((p) => p.severity === 'error').map(describeProblem);
    throw e;
  }
  return [];
}

test("docs/plan.schema.json is what the reader's schema generates (run npm run schema after changing it)", () => {
  expect(fs.readFileSync(path.join(root, 'docs', 'plan.schema.json'), 'utf8')).toBe(planSchemaDocument());
});

test.each(fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json')))(
  'the example %s validates against the published schema and reads',
  (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
    validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(errorsOf(() => planFromJson(json))).toEqual([]);
  },
);

describe('a misspelt field is refused, naming it and the field meant', () => {
  test('"costs" for a scheme year\'s cost', () => {
    const json = barnetJsonCopy();
    const year = json.schemes[2].years['2014/15'];
    year.costs = year.cost;
    delete year.cost;
    expect(errorsOf(() => planFromJson(json))).toEqual([
      expect.stringContaining('schemes[2].years["2014/15"].cost: expected an amount'),
      expect.stringMatching(
        /schemes\[2\]\.years\["2014\/15"\]\.costs: "costs" is not a field here: did you mean "cost"\?/,
      ),
    ]);
    expect(validate(json)).toBe(false);
  });

  test('"Board" in any case', () => {
    const json = barnetJsonCopy() as Record<string, unknown>;
    json.Board = json.board;
    expect(errorsOf(() => planFromJson(json))).toEqual([
      expect.stringMatching(/^Error at Board: "Board" is not a field here: did you mean "board"\?/),
    ]);
  });
});

describe('ids that are JavaScript property names are plain text', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a year key "%s" is not a financial year',
    (key) => {
      const text = JSON.stringify(barnetJsonCopy()).replace('"2014/15":{"cost"', `${JSON.stringify(key)}:{"cost"`);
      const errors = errorsOf(() => planFromJsonText(text));
      expect(errors.join('\n')).not.toMatch(/is not a function|DecimalError|Cannot/);
    },
  );

  test('a unit cost named constructor that no scheme uses reads, and counts under it are its own', () => {
    const json = barnetJsonCopy();
    json.unitCosts.push({ id: 'constructor', benefit: 'Odd', value: 5 });
    json.schemes[0].years['2014/15'].benefits.constructor = 3;
    const { plan } = planFromJson(json);
    expect(plan.schemes[0].years['2014/15'].benefits['constructor'].toString()).toBe('3');
    expect(plan.schemes[1].years['2014/15'].benefits.constructor).toBeUndefined();
  });
});

test('a year listed twice is refused naming the second', () => {
  const json = barnetJsonCopy();
  json.years.push({ ...json.years[0] });
  expect(errorsOf(() => planFromJson(json))).toEqual([
    expect.stringMatching(/^Error at years\[2\]\.label: the year "2014\/15" is listed twice/),
  ]);
});

test('a key written twice in one object is refused, not silently the last one', () => {
  const text = JSON.stringify(barnetJsonCopy()).replace('{"cost":35000', '{"cost":1,"cost":35000');
  expect(errorsOf(() => planFromJsonText(text))).toEqual([
    expect.stringMatching(/^Error at schemes\[0\]\.years\["2014\/15"\]\.cost: the key "cost" is written twice/),
  ]);
});

test('a byte-order mark (as Windows Notepad saves) is accepted', () => {
  expect(planFromJsonText(`\uFEFF${JSON.stringify(barnetJsonCopy())}`).plan.schemes.length).toBe(
    barnetJsonCopy().schemes.length,
  );
});

test('money: out of range, more than pence, or too large for a number', () => {
  const json = barnetJsonCopy();
  json.schemes[0].years['2014/15'].cost = 2e12;
  json.schemes[1].years['2014/15'].cost = 10.005;
  const text = JSON.stringify(json).replace('"value":2004', '"value":1e309');
  expect(errorsOf(() => planFromJsonText(text))).toEqual([
    expect.stringMatching(/unitCosts\[0\]\.value: 1e\+309 is out of range/),
    expect.stringMatching(/schemes\[0\]\.years\["2014\/15"\]\.cost: 2000000000000 is out of range/),
    expect.stringMatching(/schemes\[1\]\.years\["2014\/15"\]\.cost: 10\.005 has more than 2 decimal places/),
  ]);
});

test('deep nesting is refused with the path where it goes too deep', () => {
  const text = `{"notes": ${'['.repeat(100000)}${']'.repeat(100000)}}`;
  expect(errorsOf(() => planFromJsonText(text))).toEqual([
    expect.stringMatching(/^Error at notes(\[0\])+: the file nests more than 32 levels/),
  ]);
});

test('a syntax error names its line and column, as a file that cannot be read', () => {
  expect(() => planFromJsonText('{\n  "board": "x",\n  "years": [}\n')).toThrow(
    /^not valid JSON: found "}" at line 3, column 13 where a value/,
  );
});

// What editors write and JSON refuses: named for what it is and where, with the fix, not as a stray "/" or "}".
test('a comment or a comma after the last item is named, with its line and column and the fix', () => {
  expect(() => planFromJsonText('// Barnet\n{"board": "x"}')).toThrow(
    /^not valid JSON: found a comment at line 1, column 1; JSON allows no comments, so remove it$/,
  );
  expect(() => planFromJsonText('{\n  "board": "x" /* draft */\n}')).toThrow(/found a comment at line 2, column 16;/);
  expect(() => planFromJsonText('{\n  "notes": ["a", "b",\n  ],\n  "board": "x",\n}')).toThrow(
    /^not valid JSON: found a comma after the last item at line 2, column 21; JSON allows none there, so remove it$/,
  );
});

test('characters a workbook cannot hold are removed from names, with a warning naming the field', () => {
  const json = barnetJsonCopy();
  json.schemes[1].name = 'Falls\uFFFE service\u0007';
  const { plan, problems } = planFromJsonText(JSON.stringify(json));
  expect(plan.schemes[1].name).toBe('Falls service');
  expect(problems.map(describeProblem)).toEqual([
    expect.stringMatching(/^Warning at schemes\[1\]\.name: 2 characters .* removed/),
  ]);
});
