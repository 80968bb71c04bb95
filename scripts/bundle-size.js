#!/usr/bin/env node
/**
 * The size of what the task pane makes a person download before its first render: every script
 * taskpane.html loads from our own build (Office.js from Microsoft's CDN is not ours and is left
 * out), raw and gzipped at level 9. `npm run build` first.
 *
 * Every other chunk of the pane (a panel, or code panels share) is fetched when first needed; those
 * are listed after, each with its size. The first-render total is held to FIRST_RENDER_TARGET_KB.
 *
 *   node scripts/bundle-size.js [dist/web] [--page taskpane.html] [--json] [--strict]
 *
 * With --strict it exits 1 when the first render is over FIRST_RENDER_TARGET_KB (CI can hold the line).
 *
 * Also a module: require('./scripts/bundle-size').bundleSize({ dir, page }) returns
 * { page, files: [{ file, bytes, gzipBytes }], onDemand: [...the same], includesHyperFormula,
 * totalBytes, totalGzipBytes }; `bench()` prints it for `npm run bench`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DEFAULT_DIR = path.resolve(__dirname, '..', 'dist', 'web');
/** Gzipped KB of our own JavaScript before the pane's first render (issue 24: it had grown to 298). */
const FIRST_RENDER_TARGET_KB = 200;
/** Entry chunks of other pages, and the preview's formula engine: never fetched by the task pane. */
const OTHER_PAGES = /^(preview|commands|engine)\./;

function scriptsOf(html) {
  const sources = [];
  const re = /<script\b[^>]*\bsrc=["']?([^"' >]+)["']?[^>]*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) sources.push(m[1]);
  return sources;
}

function bundleSize({ dir = DEFAULT_DIR, page = 'taskpane.html' } = {}) {
  const htmlPath = path.join(dir, page);
  if (!fs.existsSync(htmlPath)) throw new Error(`${htmlPath} does not exist: run \`npm run build\` first.`);
  const local = scriptsOf(fs.readFileSync(htmlPath, 'utf8')).filter((src) => !/^(https?:)?\/\//i.test(src));
  const files = local.map((src) => measure(dir, decodeURIComponent(src.replace(/^\.?\//, '').split(/[?#]/)[0])));
  const first = new Set(files.map((f) => f.file));
  const onDemand = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !first.has(f) && !OTHER_PAGES.test(f))
    .map((f) => measure(dir, f))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const plain = ({ hyperformula, numfmt, ...f }) => f;
  return {
    page,
    files: files.map(plain),
    /** Chunks fetched later: a panel when its tab is first opened, or code several panels share. */
    onDemand: onDemand.map(plain),
    /** HyperFormula is GPL-3.0: only the preview may load it, never the add-in people install. */
    includesHyperFormula: files.some((f) => f.hyperformula),
    /** numfmt shows the preview's simulated cells; the task pane never shows a cell. */
    includesNumfmt: files.some((f) => f.numfmt),
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

function measure(dir, name) {
  const file = path.join(dir, name);
  const content = fs.readFileSync(file);
  const text = content.toString('utf8');
  // numfmt's own message survives minifying: the preview's number formats, never the pane's.
  return {
    file: path.relative(dir, file),
    bytes: content.length,
    gzipBytes: zlib.gzipSync(content, { level: 9 }).length,
    hyperformula: /hyperformula/i.test(text),
    numfmt: text.includes('Format pattern is missing a numerator'),
  };
}

function withinTarget(result) {
  return result.totalGzipBytes <= FIRST_RENDER_TARGET_KB * 1024;
}

/** The report: first-render scripts, their total against the target, then the chunks fetched later. */
function report(result) {
  const all = [...result.files, ...result.onDemand];
  const width = Math.max(...all.map((f) => f.file.length), 24);
  const line = (name, bytes, gzipBytes, note = '') =>
    `  ${name.padEnd(width)}  ${kb(bytes).padStart(10)}  ${kb(gzipBytes).padStart(10)} gzipped${note}`;
  const met = withinTarget(result);
  const lines = [`First render: the scripts ${result.page} loads (gzip -9):`];
  for (const f of result.files) lines.push(line(f.file, f.bytes, f.gzipBytes));
  lines.push(
    line(
      'total',
      result.totalBytes,
      result.totalGzipBytes,
      ` (target: at most ${FIRST_RENDER_TARGET_KB} KB: ${met ? 'met' : 'NOT met'})`,
    ),
  );
  if (result.onDemand.length) {
    lines.push('Fetched on first use (a panel when its tab is first opened, or code panels share):');
    for (const f of result.onDemand) lines.push(line(f.file, f.bytes, f.gzipBytes));
  }
  return lines.join('\n');
}

/** For npm run bench (scripts/bench.js): the report, or why it could not be made. */
function bench() {
  try {
    console.log(report(bundleSize()));
  } catch (e) {
    console.log(`  not measured: ${e.message}`);
  }
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const pageAt = args.indexOf('--page');
  const page = pageAt >= 0 ? args[pageAt + 1] : 'taskpane.html';
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--page') ?? DEFAULT_DIR;
  try {
    const result = bundleSize({ dir: path.resolve(dir), page });
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      console.log(report(result));
    }
    if (result.includesHyperFormula && page === 'taskpane.html') {
      console.error('bundle-size: the task pane loads HyperFormula (GPL-3.0); it belongs in the preview only.');
      process.exit(1);
    }
    if (result.includesNumfmt && page === 'taskpane.html') {
      console.error('bundle-size: the task pane loads numfmt; it belongs in the preview only.');
      process.exit(1);
    }
    if (args.includes('--strict') && !withinTarget(result)) {
      console.error(
        `bundle-size: the first render is ${kb(result.totalGzipBytes)} gzipped, over the ${FIRST_RENDER_TARGET_KB} KB target.`,
      );
      process.exit(1);
    }
  } catch (e) {
    console.error(`bundle-size: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { bundleSize, scriptsOf, bench, FIRST_RENDER_TARGET_KB };
