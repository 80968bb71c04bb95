#!/usr/bin/env node
/**
 * The Benefit Cards tab in a real browser (Debian's Chromium through playwright-core), against the
 * browser preview: load the Barnet example -> Benefit Cards tab -> create the cards -> the card
 * sheets and the summary appear in the simulated workbook, with the statuses the plan's sample
 * actuals give -> enter 2015/16 Q3 actuals for every card in the pane -> the card sheet shows them
 * -> a note typed on a card sheet survives a refresh of the cards.
 * Exit 0 when every check passes; screenshots in test-artifacts/.
 */
const fs = require('fs');
const path = require('path');
const { openPreview, typeIntoCell } = require('./support/previewBrowser');

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const failures = [];
const passes = [];
function check(what, actual, expected) {
  if (actual === expected) passes.push(`${what}: ${actual}`);
  else failures.push(`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
}

async function sheetRows(page, sheet) {
  await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: sheet, exact: true }).click();
  return page.getByRole('grid', { name: `${sheet} sheet` }).evaluate((table) =>
    [...table.querySelectorAll('tbody [role="row"]')].map((tr) =>
      [...tr.querySelectorAll('[role="gridcell"]')].map((td) => ({
        text: td.textContent.trim(),
        address: td.dataset.address,
      })),
    ),
  );
}

/** The cell under `header` in the row whose first cell is `rowKey`, after the block titled `section`. */
function find(rows, section, rowKey, header) {
  const start = rows.findIndex((r) => r[0]?.text === section);
  let headers = [];
  for (let i = start + 1; i < rows.length; i++) {
    const first = rows[i][0]?.text;
    if (rows[i].some((c) => c.text === header)) headers = rows[i].map((c) => c.text);
    if (first === rowKey) return rows[i][headers.indexOf(header)];
  }
  return undefined;
}

async function run() {
  const { page, errors, close } = await openPreview();
  try {
    await page.getByRole('button', { name: 'Load the Barnet example' }).click();
    await page.getByText('Plan started for 2014/15, 2015/16').first().waitFor();

    await page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: 'Benefit Cards' }).click();
    await page.getByRole('button', { name: 'Create or refresh cards' }).click();
    await page.getByText('Benefit Cards written: 5 cards').waitFor();

    // The pane's summary: each card's status and variance in its heading, the totals above.
    const section = page
      .getByRole('region', { name: /Steering-group summary/ })
      .or(page.locator('section[aria-labelledby="summary-heading"]'));
    const headings = await section
      .first()
      .locator('[role="button"][aria-expanded], button[aria-expanded]')
      .allTextContents();
    check('pane summary cards', headings.length, 5);
    check('2c is Red in the pane', /Red/.test(headings.find((h) => h.startsWith('2c')) ?? ''), true);
    check('1a is Amber in the pane', /Amber/.test(headings.find((h) => h.startsWith('1a')) ?? ''), true);
    // The chart's description carries the same totals as the summary.
    const totals = await section
      .first()
      .locator('dl')
      .first()
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]),
        ),
      );
    const chart = await page
      .getByRole('img', { name: /^Cumulative planned and realised benefit, all cards/ })
      .getAttribute('aria-label');
    // Every card has data for the reporting quarter here, so nothing planned is left unreported.
    check(
      'the all-cards chart ends at the summary’s realised and planned totals',
      chart?.includes(`realised ${totals['Realised']} against ${totals['Planned (quarters reported)']} planned`),
      true,
    );
    await page.getByLabel('Cumulative benefit for').selectOption({ label: '2c Care Home – LCS' });
    const chart2c = await page
      .getByRole('img', { name: /^Cumulative planned and realised benefit, card 2c/ })
      .getAttribute('aria-label');
    check('choosing card 2c charts 2c', chart2c?.includes('realised £36,072'), true);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.getByRole('img', { name: /^Cumulative planned/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-cards.png') });

    // The workbook grid: the summary sheet and a card, calculated by the formula engine
    const sheet = await sheetRows(page, 'Benefits Summary');
    const row2c = sheet.find((r) => r[0]?.text === '2c');
    check('2c status on the Benefits Summary sheet', row2c?.[9]?.text, 'Red');
    check('2c realised to date on the Benefits Summary sheet', row2c?.[6]?.text, '£36,072');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'benefit-cards-summary.png') });

    // One quarter's actuals for all cards, in one place
    await page.getByRole('combobox', { name: 'Quarter of these actuals' }).selectOption('2015/16 Q3');
    await page.getByLabel('2c NEL adm. reduction').fill('2');
    await page.getByLabel('2b NEL adm. reduction').fill('80');
    await page.getByLabel('3a NEL adm. baseline').fill('1990');
    await page.getByLabel('3a NEL adm. actual').fill('1885');
    await page.getByLabel('2b Patients who felt involved in their care plan measured').fill('0.88');
    await page.getByRole('button', { name: 'Save 2015/16 Q3 actuals' }).click();
    await page.getByText('2015/16 Q3 actuals saved on the cards').waitFor();
    const card3a = await sheetRows(page, 'Card 3a');
    check(
      '3a 2015/16 Q3 realised from baseline and actual',
      find(card3a, 'Profile and tracker: NEL', '2015/16 Q3', 'Realised')?.text,
      '105',
    );
    const card2c = await sheetRows(page, 'Card 2c');
    check('2c 2015/16 Q3 realised', find(card2c, 'Profile and tracker: NEL', '2015/16 Q3', 'Realised')?.text, '2');
    await page.screenshot({ path: path.join(ARTIFACTS, 'benefit-cards-card.png') });

    // A note typed on the card sheet survives a refresh of the cards
    const noteCell = find(card2c, 'Profile and tracker: NEL', '2015/16 Q3', 'Note');
    await typeIntoCell(page, 'Card 2c', noteCell.address, 'Provisional: provider data due in January');
    await page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: 'Benefit Cards' }).click();
    await page.getByRole('button', { name: 'Create or refresh cards' }).click();
    await page.getByText('Benefit Cards written').first().waitFor();
    const again = await sheetRows(page, 'Card 2c');
    check(
      'a note typed on the card survives a refresh',
      find(again, 'Profile and tracker: NEL', '2015/16 Q3', 'Note')?.text,
      'Provisional: provider data due in January',
    );
    check(
      'the pane-entered actual survives a refresh',
      find(again, 'Profile and tracker: NEL', '2015/16 Q3', 'Realised')?.text,
      '2',
    );
  } finally {
    failures.push(...errors);
    await close();
  }
  passes.forEach((p) => console.log(`ok   ${p}`));
  failures.forEach((f) => console.log(`FAIL ${f}`));
  console.log(failures.length ? `${failures.length} check(s) failed` : `All ${passes.length} checks passed`);
  process.exit(failures.length ? 1 : 0);
}

run().catch((e) => {
  console.error(e);
  process.exit(1);
});
