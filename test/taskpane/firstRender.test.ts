import fs from 'fs';
import path from 'path';
import ts from 'typescript';

/**
 * What the task pane's first screen downloads is what its entry imports as values, file by file;
 * `import type` and `import()` (a panel, the workbook layouts, Excel's adapter) come later or never.
 * scripts/bundle-size.js measures the bytes after a build; this says which code, on every test run.
 */
const ROOT = path.join(__dirname, '..', '..');
const ENTRY = 'src/taskpane/index.tsx';

function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((e) => e.isTypeOnly)
          : false);
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => fs.existsSync(path.join(ROOT, f)));
}

/** Every source file the first screen loads, and every package they import. */
function firstScreen(): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>([ENTRY]);
  const packages = new Map<string, string>();
  for (const file of files) {
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) packages.set(specifier, file);
      else {
        const target = resolve(file, specifier);
        if (target) files.add(target);
      }
    }
  }
  return { files, packages };
}

describe("the pane's first screen loads only what it shows", () => {
  const { files, packages } = firstScreen();

  test('it draws the shell and the Plan tab', () => {
    expect(files).toContain('src/taskpane/Pane.tsx');
    expect(files).toContain('src/taskpane/panels/PlanPanel.tsx');
  });

  test("zod (the plan file's schemas) comes with a plan file or the Import panel, not with the pane", () => {
    expect(packages.has('zod') ? `zod, imported by ${packages.get('zod')}` : 'no zod').toBe('no zod');
    expect([...files].filter((f) => /Schema\.ts$/.test(f))).toEqual([]);
  });

  test("the workbook layouts, the audit and Excel's adapter are fetched after the first render", () => {
    const late = [...files].filter((f) =>
      /^src\/(workbook\/(audit|template)\/|workbook\/workbookLayout|workbook\/families\/.*Layout|adapters\/)/.test(f),
    );
    expect(late).toEqual([]);
  });
});
