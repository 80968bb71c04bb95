import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { yearSpan } from '../../src/domain/financialYear';
import { plural } from '../../src/domain/plural';
import { planHeading } from '../../src/taskpane/planHeading';
import { spokenTitle } from '../../src/taskpane/sessionNotices';

const root = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(path.join(root, file)).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Lines people can see: code without imports and comments. */
function shownLines(dirs: readonly string[]): { where: string; line: string }[] {
  return dirs.flatMap(sourceFiles).flatMap((file) =>
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
      .filter(({ line }) => !/^\s*(import\b|\/\/|\/?\*)/.test(line)),
  );
}

describe('words for people in the pane and the sheets', () => {
  const paneAndSheets = shownLines(['src/taskpane', 'src/workbook/families']);

  it('points to no repository file (examples/…), which means nothing in Excel', () => {
    expect(paneAndSheets.filter(({ line }) => /examples\//.test(line)).map((l) => l.where)).toEqual([]);
  });

  it('formats dates as en-GB, never in the browser’s locale', () => {
    const localeDates = paneAndSheets.filter(({ line }) =>
      /type="date"|toLocaleDateString\((?!'en-GB')|toLocaleTimeString\((?!'en-GB')|DateTimeFormat\((?!'en-GB')/.test(
        line,
      ),
    );
    expect(localeDates.map((l) => l.where)).toEqual([]);
  });

  it('gives every count its noun through plural(), so one reads "1 package"', () => {
    // A count put straight before its noun; a JSX prop (people />) is not one, nor a number formatted past a limit.
    const counted = shownLines(['src/taskpane', 'src/workbook/families', 'src/cli']).filter(({ line }) =>
      /[^)]\}\s(packages|schemes|rows|cards|findings|people|warnings|plans|lines|years)\b(?!\s*\/>)/.test(line),
    );
    expect(counted.map((l) => `${l.where} ${l.line.trim()}`)).toEqual([]);
    expect([plural(1, 'package'), plural(2, 'package'), plural(0, 'row'), plural(1, 'person', 'people')]).toEqual([
      '1 package',
      '2 packages',
      '0 rows',
      '1 person',
    ]);
  });

  it('names a plan’s years once in the pane’s subtitle', () => {
    const years = ['2026/27', '2027/28', '2028/29'].map((label) => ({ label }));
    expect(
      planHeading({ board: 'Northshire', title: 'Northshire Better Care Fund plan 2026/27 to 2028/29', years }),
    ).toBe('Northshire Better Care Fund plan 2026/27 to 2028/29');
    expect(planHeading({ board: 'Eastmere', title: '', years: [{ label: '2025/26' }] })).toBe('Eastmere · 2025/26');
    expect(planHeading({ board: 'Barnet', title: 'Barnet BCF plan', years })).toBe(
      'Barnet BCF plan · 2026/27 to 2028/29',
    );
    expect(yearSpan(['2026/27', '2027/28', '2028/29']).replace(/\//g, '-')).toBe('2026-27 to 2028-29');
  });

  it('ends a notice’s title so a screen reader doesn’t run it into the text after it', () => {
    expect(spokenTitle('Nothing was written')).toBe('Nothing was written. ');
    expect(spokenTitle('Plan started for 2026/27: check the years')).toBe(
      'Plan started for 2026/27: check the years. ',
    );
    expect(spokenTitle('Tables generated.')).toBe('Tables generated. ');
  });
});
