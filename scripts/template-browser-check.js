#!/usr/bin/env node
/**
 * A finance lead's morning with the board's own NHS England planning template, in Chromium through
 * the browser preview with the pane at 320 px: open the filled-in 2023-25 template (one source
 * overspent in its second year), see the pane offer to start from it with each year's spend as the
 * template holds it, start the plan, find the rule not met on the Expenditure tab and in the audit,
 * put the income right in the pane and see both clear. Figures are checked against the corpus's own
 * (decimal.js, worked out from the lines, not read back from bcf). Each step's screenshot is the
 * guide's (docs/guide/13-16). Exit 0 when every check passes, 1 with what failed.
 */
const fs = require('fs');
const path = require('path');
const { openPreview, sheetTexts, checkRecord } = require('./support/previewBrowser');
const { makeTemplate, toXlsx } = require('../test/support/templateCorpus');

const ROOT = path.resolve(__dirname, '..');
const GUIDE = path.join(ROOT, 'docs', 'guide');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const { formatPounds } = require(path.join(ROOT, 'dist/node/src/domain/money'));
const { sourceOf } = require(path.join(ROOT, 'dist/node/src/domain/templateVocabulary'));
const Decimal = require('decimal.js');
const { passes, failures, check, finish } = checkRecord('Planning-template check', 'docs/guide/13-16*.png');

const pane = (page) => page.getByRole('region', { name: 'Better Care Fund planner' });
const feature = (page, label) =>
  page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: label, exact: true });
const shot = (page, name) => page.screenshot({ path: path.join(GUIDE, `${name}.png`) });
const WAIT = { timeout: 60000 };

/** The one source and year whose lines spend more than its income, from the corpus's figures. */
function overspent(spec) {
  const { spendBySource, incomeBySource } = spec.expected;
  for (const [source, years] of Object.entries(spendBySource))
    for (const [year, spend] of Object.entries(years))
      if (new Decimal(spend).gt(incomeBySource[source]?.[year] ?? 0))
        return { source, year, spend: new Decimal(spend), income: new Decimal(incomeBySource[source][year]) };
  throw new Error(`${spec.name} has no source overspent`);
}

async function offerToStart(page, spec) {
  const offer = pane(page).getByRole('region', { name: 'Start from your planning template' });
  await offer.getByRole('button', { name: 'Start the plan from this template' }).waitFor(WAIT);
  const status = await offer.getByRole('status').innerText();
  check(
    'the Plan tab finds the template’s lines',
    status.startsWith(`The BCF planning template: ${spec.expected.lines.length} expenditure lines`),
    true,
  );
  const holds = await offer.getByRole('list', { name: 'What the template holds' }).innerText();
  for (const [year, total] of Object.entries(spec.expected.spendByYear))
    check(
      `${year}'s spend as the template holds it`,
      holds.includes(`${year}: spend ${formatPounds(new Decimal(total), true)}`),
      true,
    );
  await shot(page, '13-template-found');
  return offer;
}

async function startFromTemplate(page, spec) {
  const before = await sheetTexts(page, spec.sheets.expenditure);
  const offer = await offerToStart(page, spec);
  await offer.getByRole('button', { name: 'Start the plan from this template' }).click();
  await pane(page).getByText('Plan started', { exact: false }).first().waitFor(WAIT);
  const after = await sheetTexts(page, spec.sheets.expenditure);
  check(
    `the template’s own "${spec.sheets.expenditure}" sheet is as it was (${before.length} rows)`,
    JSON.stringify(after) === JSON.stringify(before),
    true,
  );
}

async function ruleNotMet(page, fault) {
  await feature(page, 'Expenditure').click();
  const checklist = pane(page).getByRole('region', { name: 'Template checklist' });
  await checklist.getByRole('status').waitFor(WAIT);
  check(
    'the checklist says one rule is not met',
    /^1 of \d+ not met/.test(await checklist.getByRole('status').innerText()),
    true,
  );
  const rule = checklist.getByRole('list', { name: 'Rules not met' }).getByRole('button').first();
  const text = await rule.innerText();
  check(
    'the rule not met names the source, the year and the overspend',
    [sourceOf(fault.source).label, fault.year, formatPounds(fault.spend.minus(fault.income), true)].every((s) =>
      text.includes(s),
    ),
    true,
  );
  const cell = /\((\w[^!]*)!([A-Z]+\d+)\)/.exec(text);
  await rule.click();
  await page.waitForFunction(
    (address) => document.querySelector('[aria-label="Name Box"]')?.value === address,
    cell?.[2],
    WAIT,
  );
  passes.push(`choosing the rule selects its cell, ${cell?.[1]}!${cell?.[2]}`);
  await checklist.scrollIntoViewIfNeeded();
  await shot(page, '14-template-checklist');
}

async function audit(page) {
  await feature(page, 'Pool & audit').click();
  await pane(page).getByRole('button', { name: 'Audit this workbook' }).click();
  const status = pane(page).getByRole('region', { name: 'Audit' }).getByRole('status');
  await status.waitFor(WAIT);
  await status.scrollIntoViewIfNeeded();
  return status.innerText();
}

async function putIncomeRight(page, fault) {
  await feature(page, 'Expenditure').click();
  await pane(page).getByLabel('Plan year for income, minimums and balances').selectOption(fault.year);
  const label = `${sourceOf(fault.source).label} (£)`;
  await pane(page).getByLabel(label, { exact: true }).fill(fault.spend.toFixed(2));
  const checklist = pane(page).getByRole('region', { name: 'Template checklist' });
  await checklist.getByText(/^All \d+ met\.$/).waitFor(WAIT);
  passes.push(`income of ${formatPounds(fault.spend, true)} typed in the pane meets every rule before it is saved`);
  await pane(page).getByRole('button', { name: 'Save to workbook' }).click();
  await pane(page)
    .getByText('not in the workbook yet')
    .waitFor({ state: 'detached', ...WAIT });
}

async function run() {
  fs.mkdirSync(GUIDE, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const spec = makeTemplate({ version: '2023-25', lines: 24, seed: 3, faults: ['source-overspent'] });
  const fault = overspent(spec);
  const file = path.join(ARTIFACTS, `${spec.board.replace(/\W+/g, '-')}-BCF-2023-25.xlsx`);
  fs.writeFileSync(file, await toXlsx(spec));
  const started = Date.now();
  const { page, errors, close } = await openPreview({ query: '?pane=320' });
  await page.setViewportSize({ width: 1280, height: 760 });
  try {
    await page.getByLabel('Open an .xlsx workbook').setInputFiles(file);
    await startFromTemplate(page, spec);
    await ruleNotMet(page, fault);
    const found = await audit(page);
    check('the audit finds the one rule not met', found.startsWith('1 finding'), true);
    await pane(page).getByRole('list', { name: 'Audit findings' }).scrollIntoViewIfNeeded();
    await shot(page, '15-template-audit');
    await putIncomeRight(page, fault);
    check('the audit after the income is put right', (await audit(page)).startsWith('Nothing to report'), true);
    await shot(page, '16-template-clean');
    passes.push(`the morning took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (e) {
    await page.screenshot({ path: path.join(ARTIFACTS, 'template-failed.png') }).catch(() => {});
    throw e;
  } finally {
    failures.push(...errors);
    await close();
  }
}

finish(run);
