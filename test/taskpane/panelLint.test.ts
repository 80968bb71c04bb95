import { execFileSync } from 'child_process';
import path from 'path';

/**
 * `npm run lint` refuses a panel that reaches the workbook host: the panel rule of eslint.config.mjs
 * (`panelRules`, the block the lint runs), applied by ESLint's own Linter to sample panels. In a
 * child process because the config is an ES module and jest runs CommonJS.
 */
const root = path.join(__dirname, '..', '..');

/** Each sample's messages, all from one child process: loading the config takes seconds. */
function lintAll(samples: readonly (readonly [code: string, file: string])[]): string[][] {
  const script = `
    import { Linter } from 'eslint';
    import tseslint from 'typescript-eslint';
    import { panelRules } from './eslint.config.mjs';
    const samples = JSON.parse(process.argv[1]);
    const parsing = { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } };
    const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
    const messages = samples.map(([code, file]) => linter.verify(code, [parsing, panelRules], file).map((m) => m.message));
    process.stdout.write(JSON.stringify(messages));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(samples)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[][];
}

const panel = (body: string) => `
import type { FeatureProps } from '../feature';
export function Sample({ session }: FeatureProps) {
  ${body}
  return null;
}
`;

const refused: Record<string, string> = {
  'reading the host off the session': 'void session.host.read();',
  'taking the host out of the session': 'const { host } = session; void host.apply;',
  'running a command around the runner': 'void runCommand(somewhere, command);',
  'the transaction around the runner': 'void updateWorkbook(somewhere, () => ({ result: 1 }));',
};
const inPanel = path.join(root, 'src/taskpane/panels/Sample.tsx');
const allowed = [
  // A panel running a command through the session.
  [
    panel('void session.execute(command, { done: () => notice });'),
    path.join(root, 'src/taskpane/panels/pool/Sample.tsx'),
  ],
  // The session itself holds the host.
  [panel('void session.host.read();'), path.join(root, 'src/taskpane/session.ts')],
] as const;

describe('the lint rule that keeps panels off the workbook host', () => {
  let messages: string[][];
  beforeAll(() => {
    messages = lintAll([...Object.values(refused).map((body) => [panel(body), inPanel] as const), ...allowed]);
  });

  test.each(Object.keys(refused).map((what, i) => [what, i] as const))('%s is refused in a panel', (_, i) => {
    expect(messages[i]).toEqual([
      expect.stringMatching(/A panel never calls the workbook host: run a WorkbookCommand with session.execute/),
    ]);
  });

  test('a panel running a command through the session passes, and the session itself may hold the host', () => {
    expect(messages.slice(-allowed.length)).toEqual([[], []]);
  });
});
