import fs from 'fs';
import path from 'path';
import ts from 'typescript';

/** One import of a source file: what it names, and the file of src it resolves to (none for a package). */
export interface ImportEdge {
  readonly specifier: string;
  readonly target?: string;
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Every .ts and .tsx file under `dir`, as paths relative to `root` with forward slashes. */
export function sourceFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(path.join(root, at), { withFileTypes: true })) {
      const rel = `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(rel);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * The imports of each file, as TypeScript's own pre-processor finds them: `import`, `export ... from`,
 * `import type`, `import('...')` in a type or an expression, and `require`. Type-only imports count:
 * a cycle of types is still two modules that can't be read, or moved, one without the other.
 */
export function importGraph(root: string, files: readonly string[]): Map<string, ImportEdge[]> {
  const known = new Set(files);
  const graph = new Map<string, ImportEdge[]>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const { importedFiles } = ts.preProcessFile(text, true, true);
    graph.set(
      file,
      importedFiles.map(({ fileName: specifier }) => ({ specifier, target: resolve(file, specifier, known) })),
    );
  }
  return graph;
}

function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [base, ...EXTENSIONS.map((ext) => base + ext)].find((candidate) => known.has(candidate));
}

/**
 * The import cycles of a graph: each strongly connected set of files (Tarjan's algorithm), given as
 * one path around it, e.g. ["a.ts", "b.ts", "a.ts"]. Empty when the imports form no cycle.
 */
export function importCycles(graph: ReadonlyMap<string, readonly ImportEdge[]>): string[][] {
  const next = (file: string) => (graph.get(file) ?? []).flatMap((e) => (e.target ? [e.target] : []));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next(file)) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || next(file).includes(file)) cycles.push(loopThrough(component, next));
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** A path from the component's first file back to itself, staying inside the component. */
function loopThrough(component: readonly string[], next: (file: string) => string[]): string[] {
  const inside = new Set(component);
  const start = [...component].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const to of next(file)) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const loop = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = cameFrom.get(at))
          loop.splice(1, 0, at);
        return [...loop, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return [...component, component[0]];
}
