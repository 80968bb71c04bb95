'use strict';
// What the Chromium checks share: the preview served on a free port, Debian's Chromium launched
// with the flags this machine needs and a fresh profile, every console or page error collected,
// and typing into a grid cell as a person does.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureBuilt, startPreviewServer } = require('../preview');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens preview.html (`query`, e.g. '?pane=320', is added to its address); `errors` fills with console errors, page errors and failed requests. */
async function openPreview({ query = '' } = {}) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install it with \`apt-get install -y --no-install-recommends chromium\`, or set CHROMIUM_PATH.`,
    );
  await ensureBuilt();
  const server = await startPreviewServer({ port: 0 });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-chromium-'));
  const errors = [];
  let context;
  const close = async () => {
    await context?.close().catch(() => {});
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      args: FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30000);
    page.on('console', (msg) => msg.type() === 'error' && errors.push(`console error: ${msg.text()}`));
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    console.log(`Opening ${server.url}${query}`);
    await page.goto(`${server.url}${query}`);
    await page.getByRole('region', { name: 'Better Care Fund planner' }).waitFor();
    return { page, errors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Selects a cell through the Name Box and types into it, as a person does in Excel. */
async function typeIntoCell(page, sheet, address, text) {
  await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: sheet, exact: true }).click();
  const nameBox = page.getByLabel('Name Box');
  await nameBox.fill(address);
  await nameBox.press('Enter');
  await page
    .getByRole('grid', { name: `${sheet} sheet` })
    .locator(`[data-address="${address}"]`)
    .dblclick();
  const editor = page.getByLabel(`Edit cell ${address}`);
  await editor.fill(text);
  await editor.press('Enter');
}

/** Reads a sheet of the simulated workbook as rows of cell texts. */
async function sheetTexts(page, sheet) {
  await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: sheet, exact: true }).click();
  return page
    .getByRole('grid', { name: `${sheet} sheet` })
    .evaluate((table) =>
      [...table.querySelectorAll('tbody [role="row"]')].map((tr) =>
        [...tr.querySelectorAll('[role="gridcell"]')].map((td) => td.textContent.trim()),
      ),
    );
}

/** Clicks the preview's Download .xlsx, saves what the page sends as `file`, and says the name it offered. */
async function downloadWorkbook(page, file) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .xlsx' }).click(),
  ]);
  await download.saveAs(file);
  return { file, offered: download.suggestedFilename() };
}

/**
 * What a browser check keeps: `check` compares as JSON and records a pass or a failure, `notes`
 * are said without failing, and `finish(run)` runs the check, prints every line and exits 1 on any
 * failure (run's own error included).
 */
function checkRecord(name, screenshots) {
  const passes = [];
  const failures = [];
  const notes = [];
  const shown = (v) => (v === undefined ? 'nothing' : JSON.stringify(v));
  const check = (what, actual, expected) => {
    if (JSON.stringify(actual) === JSON.stringify(expected)) passes.push(`${what}: ${shown(actual)}`);
    else failures.push(`${what}: expected ${shown(expected)}, found ${shown(actual)}`);
  };
  const finish = (run) =>
    run()
      .catch((e) => failures.push(`the check could not finish: ${e.message.split('\n').slice(0, 6).join('\n')}`))
      .then(() => {
        for (const p of passes) console.log(`  ok   ${p}`);
        for (const n of notes) console.log(`  note ${n}`);
        for (const f of failures) console.log(`  FAIL ${f}`);
        if (failures.length) {
          const problems = `${failures.length} problem${failures.length === 1 ? '' : 's'}`;
          console.error(`\n${name} failed: ${problems} (screenshots, if taken: ${screenshots}).`);
          process.exit(1);
        }
        console.log(`\n${name} passed: ${passes.length} checks. Screenshots: ${screenshots}`);
      });
  return { passes, failures, notes, check, finish };
}

module.exports = { openPreview, typeIntoCell, sheetTexts, checkRecord, downloadWorkbook };
