// npm run lint runs eslint with this file (office-addin-lint would too, but it exits 0 on errors). The Office.js rules (sync before
// read, load before read, no sync in a loop...) apply where Excel is used: the Office adapter and the
// pane's entry. Elsewhere ExcelJS and HyperFormula objects would trip them for nothing.
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';

const officeGlobals = { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' };

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', 'out/**'] },
  ...officeAddins.configs.recommended.map((config) => ({ ...config, files: ['src/adapters/office/**/*.ts', 'src/taskpane/index.tsx', 'src/commands/**/*.ts'] })),
  {
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      parser: tsParser,
      globals: { ...globals.browser, ...globals.node, ...officeGlobals },
    },
    rules: {
      // TypeScript (strict, noUnusedLocals) already checks names; eslint's own copy misreads types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
    },
  },
];
