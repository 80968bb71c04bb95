#!/usr/bin/env node
/**
 * `npm start`: the browser preview. Builds the web bundle when it is missing or older than the
 * sources, then serves dist/web over plain http on localhost and prints the preview's address:
 * the add-in's task pane beside a simulated workbook, no Excel needed.
 *
 *   node scripts/preview.js [--port 3000] [--rebuild] [--no-build]
 *
 * Also a module for scripts/browser-check.js: ensureBuilt() and startPreviewServer({ port }).
 * A tiny static server on Node's http module, so the preview needs no dependency of its own.
 *
 * One route is not a file: POST /build.xlsx takes a plan as JSON (the plan the simulated workbook
 * holds) and answers with the .xlsx that `bcf build` makes from it, written by the CLI's own
 * modules in dist/node (the writer needs Node's zlib). POST /read.xlsx reads an .xlsx the person
 * opened into its sheets' values and formulas, by the CLI's lean reader. Nothing leaves the machine.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WEB = path.join(ROOT, 'dist', 'web');
const INPUTS = ['src', 'examples', 'assets', 'webpack.config.js', 'package-lock.json', 'manifest.xml'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function newestChange(entry) {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(full)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** Why the bundle must be (re)built, or undefined when dist/web is up to date. */
function buildReason() {
  const page = path.join(WEB, 'preview.html');
  if (!fs.existsSync(page)) return 'there is no build yet';
  const built = fs.statSync(page).mtimeMs;
  const changed = INPUTS.find((entry) => newestChange(entry) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Runs webpack (production) through its Node API when the build is missing or stale. */
function ensureBuilt({ force = false, log = console.log } = {}) {
  const reason = force ? 'a rebuild was asked for' : buildReason();
  if (!reason) return Promise.resolve(false);
  log(`Building the web bundle into dist/web (${reason}); this takes a minute the first time…`);
  const webpack = require('webpack');
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false, colors: false })));
      log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      resolve(true);
    });
  });
}

/** Serves dir on http://127.0.0.1:port (0 picks a free port); resolves with the base address and a close(). */
function startPreviewServer({ port = 3000, host = '127.0.0.1', dir = WEB } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/build.xlsx' && req.method === 'POST') return buildXlsx(req, res);
    if (url.pathname === '/read.xlsx' && req.method === 'POST') return readXlsx(req, res);
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/preview.html' });
      return res.end();
    }
    let file;
    try {
      file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    } catch {
      res.writeHead(400);
      return res.end('Bad request');
    }
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403);
      return res.end('Forbidden');
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(`Not found: ${url.pathname}`);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        // Hashed bundles can be cached; pages are always fetched fresh so a rebuild shows at once.
        'Cache-Control': /\.[0-9a-f]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const base = `http://localhost:${address.port}`;
      resolve({
        server,
        port: address.port,
        url: `${base}/preview.html`,
        base,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const MAX_PLAN_JSON = 64 * 1024 * 1024;
const NODE_BUILD = path.join(ROOT, 'dist', 'node');

/**
 * A route that runs part of the CLI's build on a request's body: `load` requires what it needs from
 * dist/node (503 when the CLI is not built), `answer` writes the response, and what it throws is
 * said as `refused` followed by the reason (422).
 */
function cliRoute(load, answer, refused) {
  return (req, res) => {
    const chunks = [];
    let size = 0;
    const fail = (status, message) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message);
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_PLAN_JSON) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', async () => {
      let cli;
      try {
        cli = load((module) => require(path.join(NODE_BUILD, module)));
      } catch (e) {
        return fail(
          503,
          `The CLI is not built (${e.message.split('\n')[0]}); run npm run build:cli, or start the preview with npm start.`,
        );
      }
      try {
        await answer(cli, Buffer.concat(chunks), res);
      } catch (e) {
        const problems = e.problems ? e.problems.map((p) => p.message).join(' ') : e.message.split('\n')[0];
        fail(422, `${refused}: ${problems}`);
      }
    });
  };
}

/** The CLI's build, for the preview's Download button: plan JSON in, the .xlsx `bcf build` writes out. */
const buildXlsx = cliRoute(
  (from) => ({
    planFromJson: from('src/domain/planJson').planFromJson,
    workbookLayout: from('src/workbook/workbookLayout').workbookLayout,
    today: from('src/domain/clock').today,
    planToXlsxBuffer: from('src/adapters/file/xlsxWriter').planToXlsxBuffer,
    fileWorkbook: from('src/workbook/write/fileWorkbook').fileWorkbook,
  }),
  async (cli, body, res) => {
    const { plan } = cli.planFromJson(JSON.parse(body.toString('utf8')));
    const bytes = await cli.planToXlsxBuffer(cli.fileWorkbook(cli.workbookLayout(plan, 'all', { today: cli.today() })));
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Length': bytes.length,
      'Cache-Control': 'no-store',
    });
    res.end(bytes);
  },
  'The workbook could not be built',
);

/**
 * The preview's "Open .xlsx": the file's bytes in, its sheets' values and formulas and its defined
 * names out as JSON, read by the CLI's own lean reader (it inflates with Node's zlib, so it runs here, not in the page).
 */
const readXlsx = cliRoute(
  (from) => from('src/adapters/file/xlsxReader'),
  async ({ xlsxToSnapshot, xlsxDefinedNames }, body, res) => {
    const opened = JSON.stringify({ snapshot: await xlsxToSnapshot(body), names: xlsxDefinedNames(body) });
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(opened);
  },
  'The file could not be opened',
);

function configuredPort(args) {
  const at = args.indexOf('--port');
  if (at >= 0) return Number(args[at + 1]);
  if (process.env.PORT) return Number(process.env.PORT);
  return Number(
    process.env.npm_package_config_dev_server_port ||
      require(path.join(ROOT, 'package.json')).config?.dev_server_port ||
      3000,
  );
}

async function main() {
  const args = process.argv.slice(2);
  const port = configuredPort(args);
  if (!args.includes('--no-build')) await ensureBuilt({ force: args.includes('--rebuild') });
  let running;
  try {
    running = await startPreviewServer({ port });
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      console.error(
        `Port ${port} is already in use (is the dev server or another preview running?). Try: PORT=${port + 1} npm start`,
      );
      process.exit(1);
    }
    throw e;
  }
  console.log(
    `\nBetter Care Fund planner, browser preview:\n\n    ${running.url}\n\nThe task pane beside a simulated workbook. Press Ctrl+C to stop.`,
  );
  const stop = () => running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`preview: ${e.message}`);
    process.exit(1);
  });
}

module.exports = { ensureBuilt, startPreviewServer, buildReason };
