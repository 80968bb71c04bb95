#!/usr/bin/env node
/**
 * The size of what the task pane makes a person download before its first render: every script
 * taskpane.html loads from our own build (Office.js from Microsoft's CDN is not ours and is left
 * out), raw and gzipped at level 9. `npm run build` first.
 *
 *   node scripts/bundle-size.js [dist/web] [--page taskpane.html] [--json]
 *
 * Also a module: require('./scripts/bundle-size').bundleSize({ dir, page }) returns
 * { page, files: [{ file, bytes, gzipBytes }], includesHyperFormula, totalBytes, totalGzipBytes }.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DEFAULT_DIR = path.resolve(__dirname, '..', 'dist', 'web');

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
  const files = local.map((src) => {
    const file = path.join(dir, decodeURIComponent(src.replace(/^\.?\//, '').split(/[?#]/)[0]));
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
  });
  return {
    page,
    files: files.map(({ hyperformula, numfmt, ...f }) => f),
    /** HyperFormula is GPL-3.0: only the preview may load it, never the add-in people install. */
    includesHyperFormula: files.some((f) => f.hyperformula),
    /** numfmt shows the preview's simulated cells; the task pane never shows a cell. */
    includesNumfmt: files.some((f) => f.numfmt),
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
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
      const width = Math.max(...result.files.map((f) => f.file.length), 5);
      console.log(`Scripts ${page} loads (gzip -9):`);
      for (const f of result.files)
        console.log(`  ${f.file.padEnd(width)}  ${kb(f.bytes).padStart(10)}  ${kb(f.gzipBytes).padStart(10)} gzipped`);
      console.log(
        `  ${'total'.padEnd(width)}  ${kb(result.totalBytes).padStart(10)}  ${kb(result.totalGzipBytes).padStart(10)} gzipped`,
      );
    }
    if (result.includesHyperFormula && page === 'taskpane.html') {
      console.error('bundle-size: the task pane loads HyperFormula (GPL-3.0); it belongs in the preview only.');
      process.exit(1);
    }
    if (result.includesNumfmt && page === 'taskpane.html') {
      console.error('bundle-size: the task pane loads numfmt; it belongs in the preview only.');
      process.exit(1);
    }
  } catch (e) {
    console.error(`bundle-size: ${e.message}`);
    process.exit(1);
  }
}

module.exports = { bundleSize, scriptsOf };
