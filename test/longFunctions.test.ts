import fs from 'fs';
import os from 'os';
import path from 'path';

const { longFunctions, LIMIT } = require('../scripts/long-functions') as {
  longFunctions: (files: string[]) => { where: string; name: string; lines: number }[];
  LIMIT: number;
};

const statements = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
const markup = (n: number) => Array.from({ length: n }, (_, i) => `      <p>line ${i}</p>`).join('\n');

describe('the function-length check (npm run check:functions)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'long-functions-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('lists a function over the limit, nested closures included, and not one at the limit', () => {
    const long = write(
      'long.ts',
      `export function long() {\n  const inner = () => {\n${statements(LIMIT)}\n  };\n  return inner;\n}\n`,
    );
    const short = write('short.ts', `export function short() {\n${statements(LIMIT - 2)}\n}\n`);
    expect(longFunctions([long, short]).map((f) => [f.name, f.lines])).toEqual([
      ['long', LIMIT + 5],
      ['inner', LIMIT + 2],
    ]);
  });

  test("doesn't count the JSX a component returns, but counts its logic", () => {
    const view = write(
      'View.tsx',
      `export function View() {\n${statements(20)}\n  return (\n    <div>\n${markup(100)}\n    </div>\n  );\n}\n`,
    );
    const busy = write('Busy.tsx', `export function Busy() {\n${statements(LIMIT)}\n  return <div />;\n}\n`);
    expect(longFunctions([view, busy]).map((f) => f.name)).toEqual(['Busy']);
  });
});
