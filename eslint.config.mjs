// `npm run lint` runs eslint with this file (office-addin-lint would too, but it exits 0 on errors). It checks:
// - the layers (docs/ARCHITECTURE.md): which folder of src may import which, and who may touch Office, the
//   file system, ExcelJS and HyperFormula. test/architecture.test.ts checks the same with resolved paths,
//   and that there are no import cycles;
// - promises that are dropped or passed where nothing waits for them (typescript-eslint, with types);
// - the rules of React hooks;
// - the Office.js rules (sync before read, load before read, no sync in a loop...) where Excel is used:
//   the Office adapter and the pane's entry. Elsewhere ExcelJS and HyperFormula objects would trip them for nothing.
// Formatting is prettier's (`npm run format:check`), not eslint's.
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const officeGlobals = { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' };

/** Where Office.js may be used: the adapter, the pane's entry and the ribbon's function file. */
const OFFICE_FILES = ['src/adapters/office/**/*.ts', 'src/taskpane/index.tsx', 'src/commands/**/*.ts'];

const OFFICE_ONLY =
  'Only src/adapters/office and src/taskpane/index.tsx touch Office.js; the rest goes through WorkbookHost (src/workbook/host.ts).';

/** Office.js types (`Excel.Range`): code that names them is code that handles them. */
const OFFICE_TYPES = {
  selector: `TSQualifiedName[left.name=/^(${Object.keys(officeGlobals).join('|')})$/]`,
  message: OFFICE_ONLY,
};

const PANEL_HOST =
  'A panel never calls the workbook host: run a WorkbookCommand with session.execute, read with session.look (docs/TASK-PANE.md).';

/**
 * A panel changes the workbook only through session.execute and reads it through session.look
 * (docs/TASK-PANE.md): the one runner, the one transaction. With the host in hand it could write
 * while Generate runs, or read, then write over a co-author's edit. Exported for
 * test/taskpane/panelLint.test.ts.
 */
export const panelRules = {
  files: ['src/taskpane/panels/**/*.ts', 'src/taskpane/panels/**/*.tsx'],
  rules: {
    'no-restricted-syntax': [
      'error',
      OFFICE_TYPES,
      { selector: "MemberExpression[property.name='host']", message: PANEL_HOST },
      { selector: "ObjectPattern > Property[key.name='host']", message: PANEL_HOST },
      { selector: 'CallExpression[callee.name=/^(runCommand|updateWorkbook)$/]', message: PANEL_HOST },
    ],
  },
};

const FOLDERS = ['domain', 'workbook', 'adapters', 'cli', 'taskpane', 'preview', 'commands'];

/** A relative import that climbs out of the importing folder into one of `folders` of src. */
function into(folders, message) {
  return { regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message };
}

/** Node's file and process modules, and their `node:` names. */
function nodeModules(names, message) {
  return { regex: `^(node:)?(${names.join('|')})(/.*)?$`, message };
}

const FS = nodeModules(
  ['fs', 'zlib'],
  'Only src/adapters/file touches the file system (src/adapters/file/planFiles.ts).',
);
const NODE = nodeModules(
  ['fs', 'zlib', 'path', 'os', 'child_process', 'util', 'stream', 'buffer', 'crypto', 'url', 'process'],
  'This folder also runs in the browser: no Node modules.',
);
const EXCELJS = { regex: '^exceljs(/.*)?$', message: 'Only src/adapters/file uses ExcelJS.' };
const HYPERFORMULA = {
  regex: '^hyperformula(/.*)?$',
  message: 'HyperFormula is GPL: only src/adapters/memory, the preview and tests use it.',
};
const REACT = {
  regex: '^(react|react-dom|@fluentui/.*)(/.*)?$',
  message: 'React and Fluent UI belong to the pane and the preview.',
};

/** One complete no-restricted-imports rule (flat config replaces a rule's options; it doesn't merge them). */
function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const layers = [
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      into(FOLDERS, 'src/domain imports no other folder of src: move what it needs into the domain.'),
      NODE,
      EXCELJS,
      HYPERFORMULA,
      REACT,
    ),
  },
  {
    files: ['src/workbook/**/*.ts'],
    rules: restrict(
      into(
        ['adapters', 'cli', 'taskpane', 'preview', 'commands'],
        'src/workbook talks to hosts through the WorkbookHost port, never to an adapter, the pane or the CLI.',
      ),
      NODE,
      EXCELJS,
      HYPERFORMULA,
      REACT,
    ),
  },
  {
    files: ['src/adapters/office/**/*.ts'],
    rules: restrict(
      into(['file', 'memory'], 'One adapter never uses another.'),
      into(
        ['cli', 'taskpane', 'preview', 'commands', 'adapters/file', 'adapters/memory'],
        'The Office adapter implements the port; it uses no other adapter, the pane or the CLI.',
      ),
      NODE,
      EXCELJS,
      HYPERFORMULA,
      REACT,
    ),
  },
  {
    files: ['src/adapters/file/**/*.ts'],
    rules: restrict(
      into(['office', 'memory'], 'One adapter never uses another.'),
      into(
        ['cli', 'taskpane', 'preview', 'commands', 'adapters/office', 'adapters/memory'],
        'The file adapter uses no other adapter, the pane or the CLI.',
      ),
      HYPERFORMULA,
      REACT,
    ),
  },
  {
    files: ['src/adapters/memory/**/*.ts'],
    rules: restrict(
      into(['office', 'file'], 'One adapter never uses another.'),
      into(
        ['cli', 'taskpane', 'preview', 'commands', 'adapters/office', 'adapters/file'],
        'The memory adapter uses no other adapter, the pane or the CLI.',
      ),
      NODE,
      EXCELJS,
      REACT,
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict(
      into(
        ['taskpane', 'preview', 'commands', 'adapters/office', 'adapters/memory'],
        'The CLI works on files: src/adapters/file, the workbook and the domain.',
      ),
      FS,
      EXCELJS,
      HYPERFORMULA,
      REACT,
    ),
  },
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    ignores: ['src/taskpane/index.tsx'],
    rules: restrict(
      into(
        ['cli', 'preview', 'commands', 'adapters'],
        'The pane gets a WorkbookHost (src/workbook/host.ts); only src/taskpane/index.tsx picks the Office adapter.',
      ),
      NODE,
      EXCELJS,
      HYPERFORMULA,
    ),
  },
  {
    files: ['src/taskpane/index.tsx'],
    rules: restrict(
      into(
        ['cli', 'preview', 'commands', 'adapters/file', 'adapters/memory'],
        'The pane runs in Excel: the Office adapter only.',
      ),
      NODE,
      EXCELJS,
      HYPERFORMULA,
    ),
  },
  {
    files: ['src/preview/**/*.ts', 'src/preview/**/*.tsx'],
    rules: restrict(
      into(
        ['cli', 'commands', 'adapters/office', 'adapters/file'],
        'The preview runs the pane on the memory adapter, in a browser.',
      ),
      NODE,
      EXCELJS,
    ),
  },
  {
    // Office.js is one global namespace: everywhere but the Office files, a use of it is a use of Excel.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: OFFICE_FILES,
    rules: {
      'no-restricted-globals': ['error', ...Object.keys(officeGlobals).map((name) => ({ name, message: OFFICE_ONLY }))],
      'no-restricted-syntax': ['error', OFFICE_TYPES],
    },
  },
  panelRules,
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'out/**', 'coverage/**'] },
  // eslint's recommended rules (what office-addin-lint applies), everywhere.
  { files: ['**/*.{js,mjs,ts,tsx}'], rules: officeAddins.configs.recommended[0].rules },
  {
    languageOptions: {
      parser: tseslint.parser,
      globals: { ...globals.browser, ...globals.node, ...officeGlobals },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript (strict, noUnusedLocals) already checks names; eslint's own copy misreads types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      // A value and a type of the same name (`Money`) is TypeScript, not a redeclaration.
      'no-redeclare': 'off',
    },
  },
  {
    files: OFFICE_FILES,
    plugins: { 'office-addins': officeAddins },
    // The plugin's own severities (some are warnings), without the formatting rules its config also brings.
    rules: Object.fromEntries(
      Object.entries(officeAddins.configs.recommended[2].rules).filter(([rule]) => rule.startsWith('office-addins/')),
    ),
  },
  {
    // Rules that need the type checker: the project's tsconfig.json covers src and test.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React calls an event handler and ignores what it returns, so an async onClick is fine.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-duplicate-type-constituents': 'error',
      '@typescript-eslint/no-redundant-type-constituents': 'error',
    },
  },
  {
    // A test may reject with anything, to see what the code under test does with it.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/prefer-promise-reject-errors': 'off' },
  },
  {
    files: ['src/**/*.tsx', 'src/taskpane/**/*.ts', 'src/preview/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...layers,
);
