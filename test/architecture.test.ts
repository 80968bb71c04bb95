import path from 'path';
import { importCycles, importGraph, sourceFiles, type ImportEdge } from './support/importGraph';

/**
 * The layers of docs/ARCHITECTURE.md, checked on resolved paths (eslint.config.mjs checks the same on
 * import text, as people type). Each folder of src, and the folders it may import from.
 */
const LAYERS: Record<string, readonly string[]> = {
  domain: ['domain'],
  workbook: ['domain', 'workbook'],
  'adapters/office': ['domain', 'workbook', 'adapters/office'],
  'adapters/file': ['domain', 'workbook', 'adapters/file'],
  'adapters/memory': ['domain', 'workbook', 'adapters/memory'],
  cli: ['domain', 'workbook', 'adapters/file', 'cli'],
  taskpane: ['domain', 'workbook', 'taskpane'],
  preview: ['domain', 'workbook', 'adapters/memory', 'taskpane', 'preview'],
  commands: ['commands'],
};

/** The one file of the pane that picks the Office host. */
const PANE_ENTRY = 'src/taskpane/index.tsx';

/** Packages only some folders may use, and which. */
const PACKAGES: Record<string, readonly string[]> = {
  fs: ['adapters/file'],
  zlib: ['adapters/file'],
  exceljs: ['adapters/file'],
  hyperformula: ['adapters/memory', 'preview'],
};

const ROOT = path.join(__dirname, '..');
const graph = importGraph(ROOT, sourceFiles(ROOT, 'src'));

function layerOf(file: string): string {
  const rest = file.replace(/^src\//, '');
  const layer = Object.keys(LAYERS).find((l) => rest.startsWith(`${l}/`));
  if (!layer) throw new Error(`${file} is in no layer: add its folder to LAYERS and to docs/ARCHITECTURE.md`);
  return layer;
}

function packageOf(specifier: string): string {
  return specifier.replace(/^node:/, '').split('/')[0];
}

/** "file -> what it imports" for each import the layers forbid. */
function layerBreaches(edges: ReadonlyMap<string, readonly ImportEdge[]>): string[] {
  const breaches: string[] = [];
  for (const [file, imports] of edges) {
    const layer = layerOf(file);
    const allowed = file === PANE_ENTRY ? [...LAYERS[layer], 'adapters/office'] : LAYERS[layer];
    for (const { specifier, target } of imports) {
      const ok = target
        ? allowed.includes(layerOf(target))
        : (PACKAGES[packageOf(specifier)] ?? [layer]).includes(layer);
      if (!ok) breaches.push(`${file} -> ${target ?? specifier}`);
    }
  }
  return breaches;
}

describe('the layers hold', () => {
  test('every file of src is in a layer and imports only from the layers beneath it', () => {
    expect(layerBreaches(graph)).toEqual([]);
  });

  test('no two modules of src import each other, directly or round a loop', () => {
    expect(importCycles(graph).map((loop) => loop.join(' -> '))).toEqual([]);
  });

  test('the checks see a breach and a cycle when there is one', () => {
    const edges = new Map<string, ImportEdge[]>([
      ['src/domain/plan.ts', [{ specifier: './pool', target: 'src/domain/pool.ts' }]],
      ['src/domain/pool.ts', [{ specifier: './money', target: 'src/domain/money.ts' }]],
      ['src/domain/money.ts', [{ specifier: './plan', target: 'src/domain/plan.ts' }, { specifier: 'fs' }]],
      ['src/workbook/grid.ts', [{ specifier: '../adapters/file/planFiles', target: 'src/adapters/file/planFiles.ts' }]],
      ['src/adapters/file/planFiles.ts', [{ specifier: 'exceljs' }]],
    ]);
    expect(layerBreaches(edges)).toEqual([
      'src/domain/money.ts -> fs',
      'src/workbook/grid.ts -> src/adapters/file/planFiles.ts',
    ]);
    expect(importCycles(edges)).toEqual([
      ['src/domain/money.ts', 'src/domain/plan.ts', 'src/domain/pool.ts', 'src/domain/money.ts'],
    ]);
  });

  test('imports are found in every form: type-only, re-exports and import() types', () => {
    const targets = (file: string) => (graph.get(file) ?? []).map((e) => e.target);
    expect(targets('src/domain/plan.ts')).toContain('src/domain/cardRecord.ts'); // import('./cardRecord').CardBook
    expect(targets('src/domain/benefitCard.ts')).toContain('src/domain/plan.ts'); // import type
    expect(targets('src/cli/main.ts')).toContain('src/cli/io.ts'); // export type ... from
  });
});
