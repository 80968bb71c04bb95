#!/usr/bin/env node
/**
 * A commissioner's working day without help, in Chromium through the browser preview with the pane
 * at 320 px: start a plan, add schemes, add a year in the pane and remove it, paste a block of 200
 * schemes into the Schemes sheet, enter the pool, create the cards, set the reporting quarter and
 * save a quarter's actuals, audit, rename and delete sheets from their tabs, download the workbook
 * and open it again as an .xlsx. Each step's screenshot is the guide's (docs/guide/*.png), so the
 * guide shows what the product shows today.
 * Exit 0 when every check passes, 1 with what failed.
 */
const fs = require('fs');
const path = require('path');
const { openPreview, sheetTexts, typeIntoCell, checkRecord, downloadWorkbook } = require('./support/previewBrowser');

const ROOT = path.resolve(__dirname, '..');
const GUIDE = path.join(ROOT, 'docs', 'guide');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const PASTED = 200;
const { passes, failures, notes, check, finish } = checkRecord('Working-day check', 'docs/guide/*.png');

const pane = (page) => page.getByRole('region', { name: 'Better Care Fund planner' });
const feature = (page, label) =>
  page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: label, exact: true });
const notice = (page, text) => pane(page).getByText(text, { exact: false }).first().waitFor({ timeout: 60000 });
const sheetTab = (page, name) => page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true });
const shot = (page, name) => page.screenshot({ path: path.join(GUIDE, `${name}.png`) });

/** After a change in the grid, the pane's notice offers to read the workbook again: what a person clicks. */
async function readAgain(page) {
  await pane(page).getByText('The workbook has changed since the pane read it').waitFor();
  await pane(page).getByRole('button', { name: 'Read from workbook' }).first().click();
}

async function generate(page) {
  await pane(page).getByRole('button', { name: 'Generate tables' }).first().click();
  await notice(page, 'Tables generated');
}

async function startPlan(page) {
  await shot(page, '01-start');
  await page.getByLabel('Health and Wellbeing Board').fill('Northshire');
  await page.getByLabel('First financial year').fill('2026 to 2027');
  await page.getByLabel('Years').selectOption('2');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await notice(page, 'Plan started for 2026/27, 2027/28');
  passes.push('a first year typed "2026 to 2027" starts the plan at 2026/27');
  for (const [name, cost, nel] of [
    ['Falls prevention and rapid response', '400,000', '30'],
    ['Home first discharge', '600,000', '45'],
  ]) {
    await page.getByRole('button', { name: 'Add scheme' }).click();
    await page
      .getByLabel(/^Scheme name of scheme/)
      .last()
      .fill(name);
    for (const year of ['2026/27', '2027/28']) {
      const y = year.replace('/', '\\/');
      await page
        .getByLabel(new RegExp(`^Cost \\(£\\) of scheme \\w+ in ${y}$`))
        .last()
        .fill(cost);
      await page
        .getByLabel(new RegExp(`^NEL adm\\. reduction, scheme \\w+ in ${y}$`))
        .last()
        .fill(nel);
    }
  }
  await shot(page, '02-schemes');
  await generate(page);
}

async function headerOf(page, sheet) {
  const rows = await sheetTexts(page, sheet);
  const at = rows.findIndex((r) => r[0] === 'Ref');
  return { rows, at, header: rows[at] ?? [] };
}

async function addAndRemoveYear(page) {
  await feature(page, 'Plan').click();
  const years = page.getByRole('list', { name: 'The plan’s financial years' });
  await page.getByLabel('Add a year').fill('2028-2029');
  await pane(page).getByText('Shown as 2028/29').waitFor();
  await page.getByRole('button', { name: 'Add year' }).click();
  check('the years in the pane after adding "2028-2029"', (await years.textContent()).trim(), '2026/272027/282028/29');
  await generate(page);
  check(
    'the Schemes sheet has the added year’s cost column',
    (await headerOf(page, 'Schemes')).header.includes('2028/29 cost (£)'),
    true,
  );
  check('the added year has its own sheet', await sheetTab(page, 'BCF 2028-29').count(), 1);
  await shot(page, '03-year-added');
  await page.getByRole('button', { name: 'Remove 2027/28' }).click();
  await pane(page)
    .getByText(/2027\/28 holds costs or benefits of 2 schemes/)
    .waitFor();
  passes.push('removing a year with figures names them first');
  await shot(page, '04-year-remove-warning');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await page.getByRole('button', { name: 'Remove 2028/29' }).click();
  await generate(page);
  // Generating never deletes a sheet (it may hold what people typed), so the removed year's table stays, out of the plan.
  if (await sheetTab(page, 'BCF 2028-29').count()) notes.push('the removed year’s table sheet stays in the workbook');
  check(
    'the Schemes sheet has no column for the removed year',
    (await headerOf(page, 'Schemes')).header.some((h) => h.startsWith('2028/29')),
    false,
  );
}

/** The block a person copies from another spreadsheet: one row per scheme, in the Schemes sheet's columns. */
function schemesBlock(header) {
  const cell = (h, i) =>
    ({ Ref: `${i + 2}a`, Group: 'Pasted', Tiers: '3', Scheme: `Pasted scheme ${i}` })[h] ??
    (/pool/i.test(h) ? 'Yes' : /cost/.test(h) ? String(1000 + i) : /description/i.test(h) ? 'From a spreadsheet' : '');
  return Array.from({ length: PASTED }, (_, k) => header.map((h) => cell(h, k + 1)).join('\t')).join('\n');
}

async function pasteSchemes(page) {
  const { rows, at, header } = await headerOf(page, 'Schemes');
  let first = at + 1;
  while (rows[first]?.[0]) first++;
  const address = `A${first + 1}`;
  const nameBox = page.getByLabel('Name Box');
  await nameBox.fill(address);
  await nameBox.press('Enter');
  check(
    'Enter in the Name Box moves focus to that cell of the grid',
    await page.evaluate(() => document.activeElement?.getAttribute('data-address')),
    address,
  );
  const started = Date.now();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, schemesBlock(header));
  const last = `A${first + PASTED}`;
  await page
    .locator(`[data-address="${last}"]`)
    .filter({ hasText: `${PASTED + 2}a` })
    .waitFor();
  check('the Name Box shows the pasted range', (await nameBox.inputValue()).startsWith(`${address}:`), true);
  await readAgain(page);
  await pane(page)
    .getByRole('heading', { name: `Schemes (${PASTED + 2})` })
    .waitFor({ timeout: 60000 });
  passes.push(`${PASTED} pasted schemes read into the pane in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await shot(page, '05-pasted-schemes');
  await feature(page, 'Tables').click();
  await pane(page)
    .getByRole('button', { name: /tables$/ })
    .first()
    .click();
  await notice(page, 'Tables generated');
  // Shift+click and Shift+arrows select a range, shown in the Name Box.
  await page.locator(`[data-address="A${first + 1}"]`).click();
  await page.locator(`[data-address="C${first + 3}"]`).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Shift+ArrowDown');
  check('Shift+click then Shift+Down selects', await nameBox.inputValue(), `A${first + 1}:C${first + 4}`);
  await copiesWhatIsShown(page, first + 1, first + 4, ['A', 'B', 'C']);
}

/** Ctrl+C on a range puts the cells as shown on the clipboard, a row a line and a tab between cells, as Excel does. */
async function copiesWhatIsShown(page, top, bottom, columns) {
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }));
    return data.getData('text/plain');
  });
  const shown = [];
  for (let r = top; r <= bottom; r++) {
    const line = [];
    for (const c of columns) line.push(await page.locator(`[data-address="${c}${r}"]`).innerText());
    shown.push(line.join('\t'));
  }
  check('Ctrl+C copies the selected cells as shown', copied, shown.join('\r\n'));
}

async function enterPool(page) {
  await feature(page, 'Pool & audit').click();
  await page.getByLabel('New partner’s id').fill('NCC');
  await page.getByLabel('New partner’s name').fill('Northshire County Council');
  await page.getByLabel('Funding source').fill('Council contribution');
  await page.getByLabel('Amount (£)').fill('1,400,000');
  await page.getByRole('button', { name: 'Add contribution' }).click();
  await notice(page, 'saved to the Pool sheet');
  await shot(page, '06-pool');
}

async function cardsAndActuals(page) {
  await feature(page, 'Benefit Cards').click();
  await page.getByRole('button', { name: 'Create or refresh cards' }).click();
  await notice(page, 'Benefit Cards written');
  await page.getByRole('combobox', { name: 'Reporting quarter' }).selectOption('2026/27 Q2');
  await page.getByRole('button', { name: 'Report as at 2026/27 Q2' }).click();
  await notice(page, 'Reporting quarter set to 2026/27 Q2');
  await page.getByRole('combobox', { name: 'Quarter of these actuals' }).selectOption('2026/27 Q1');
  await page.getByLabel('1a NEL adm. reduction').fill('9');
  await page.getByLabel('2a NEL adm. reduction').fill('2');
  await page.getByRole('button', { name: 'Save 2026/27 Q1 actuals' }).click();
  await notice(page, '2026/27 Q1 actuals saved on the cards');
  const text = await pane(page).textContent();
  check('the cards’ statuses are shown in the pane', /\b(Green|Amber|Red)\b/.test(text), true);
  await shot(page, '07-cards-and-actuals');
}

async function jointFundingAndAudit(page) {
  await feature(page, 'Joint funding').click();
  await page.waitForTimeout(200);
  const text = await pane(page).textContent();
  check('the Joint funding tab names no file', /\.json|examples\//.test(text), false);
  await shot(page, '08-joint-funding');
  await feature(page, 'Pool & audit').click();
  await page.getByRole('button', { name: 'Audit this workbook' }).click();
  await pane(page)
    .getByText(/Nothing to report|finding/)
    .first()
    .waitFor({ timeout: 60000 });
  await pane(page).getByRole('heading', { name: 'Audit' }).scrollIntoViewIfNeeded();
  await shot(page, '09-audit');
}

async function renameAndDelete(page) {
  await sheetTab(page, 'Sheet1').dblclick();
  const rename = page.getByLabel('New name for the Sheet1 sheet');
  await rename.fill('Schemes');
  await rename.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'There is already a sheet called “Schemes”' }).waitFor();
  passes.push('a sheet can’t take a name another sheet has');
  await rename.fill('My notes');
  await rename.press('Enter');
  check('the renamed tab', await sheetTab(page, 'My notes').count(), 1);
  // One of the planner's own sheets renamed: as in Excel, its registry still finds it.
  await sheetTab(page, 'Schemes').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await page.getByLabel('New name for the Schemes sheet').fill('Our schemes');
  await page.getByLabel('New name for the Schemes sheet').press('Enter');
  await feature(page, 'Plan').click();
  await readAgain(page);
  await pane(page)
    .getByRole('heading', { name: `Schemes (${PASTED + 2})` })
    .waitFor();
  check('the renamed tab', await sheetTab(page, 'Our schemes').count(), 1);
  passes.push('the plan still reads with its Schemes sheet renamed "Our schemes"');
  await shot(page, '10-renamed-sheet');
  await sheetTab(page, 'Our schemes').dblclick();
  await page.getByLabel('New name for the Our schemes sheet').fill('Schemes');
  await page.getByLabel('New name for the Our schemes sheet').press('Enter');
  await sheetTab(page, 'My notes').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  check('the deleted sheet is gone', await sheetTab(page, 'My notes').count(), 0);
  await pane(page).getByRole('button', { name: 'Read from workbook' }).first().click();
  await pane(page)
    .getByRole('heading', { name: `Schemes (${PASTED + 2})` })
    .waitFor();
}

async function downloadAndOpen(page) {
  const { file } = await downloadWorkbook(page, path.join(ARTIFACTS, 'day-northshire.xlsx'));
  await shot(page, '11-download');
  // Someone's own workbook: here, the one just downloaded, with a figure typed in as a person would.
  await page.getByLabel('Open an .xlsx workbook').setInputFiles(file);
  await page.getByText('Opened day-northshire.xlsx').waitFor();
  check('the opened workbook’s sheets', await sheetTab(page, 'Schemes').count(), 1);
  check('the opened workbook has no Sheet1 of the page', await sheetTab(page, 'Sheet1').count(), 0);
  // A workbook opened is a new document: the pane starts afresh on it and reads its plan, as in Excel.
  await pane(page)
    .getByRole('heading', { name: `Schemes (${PASTED + 2})` })
    .waitFor();
  passes.push(`the opened .xlsx is read by the pane: ${PASTED + 2} schemes`);
  check(
    'no #NAME? on the opened workbook’s year sheet (its unit costs are names)',
    (await sheetTexts(page, 'BCF 2026-27')).flat().filter((v) => v === '#NAME?').length,
    0,
  );
  await typeIntoCell(page, 'Assumptions', 'A1', 'Assumptions');
  await shot(page, '12-opened-xlsx');
}

async function run() {
  fs.mkdirSync(GUIDE, { recursive: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const started = Date.now();
  const { page, errors, close } = await openPreview({ query: '?pane=320' });
  await page.setViewportSize({ width: 1280, height: 760 });
  try {
    await startPlan(page);
    await addAndRemoveYear(page);
    await pasteSchemes(page);
    await enterPool(page);
    await cardsAndActuals(page);
    await jointFundingAndAudit(page);
    await renameAndDelete(page);
    await downloadAndOpen(page);
    passes.push(`the day took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } catch (e) {
    await page.screenshot({ path: path.join(ARTIFACTS, 'day-failed.png') }).catch(() => {});
    throw e;
  } finally {
    failures.push(...errors);
    await close();
  }
}

finish(run);
