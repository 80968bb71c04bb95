#!/usr/bin/env node
/**
 * `npm run test:browser`: the task pane in a real browser. Starts the preview server on a free
 * port, drives Debian's Chromium (playwright-core, /usr/bin/chromium) through the browser preview
 * as a finance lead would, and checks the published Barnet figures in both the simulated workbook
 * (the grid, calculated by HyperFormula from the generated formulas) and the pane:
 *
 *   load the Barnet example -> refresh the tables -> 2014/15 and 2015/16 totals in grid and pane
 *   -> change the NEL unit cost in the pane -> totals follow -> type a scheme cost into the
 *   Schemes sheet -> the year table recalculates and the pane reads it back on refresh.
 *
 * Fails on any console error or page error. Screenshots go to test-artifacts/. Exit code 0 when
 * every check passes, 1 with a list of what failed otherwise.
 */
const fs = require('fs');
const path = require('path');
const { openPreview, typeIntoCell, checkRecord } = require('./support/previewBrowser');

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const PUBLISHED = {
  '2014/15': { pool: '£6,634,000', nel: '635', nelSaving: '£1,272,540', totalSaving: '£1,544,011' },
  '2015/16': { pool: '£23,412,000', nel: '1,021', nelSaving: '£2,046,084', totalSaving: '£2,353,506' },
};

const { passes, failures, check, finish } = checkRecord('Browser check', 'test-artifacts/preview*.png');

const sheetOf = (year) => `BCF ${year.replace('/', '-')}`;

/** The totals a year sheet shows, read from the grid the way a person reads the sheet: by header text and the Total row. */
async function gridTotals(page, year) {
  await page
    .getByRole('tablist', { name: 'Sheets' })
    .getByRole('tab', { name: sheetOf(year), exact: true })
    .click();
  const grid = page.getByRole('grid', { name: `${sheetOf(year)} sheet` });
  await grid.waitFor();
  return grid.evaluate((table) => {
    const rows = [...table.querySelectorAll('tbody [role="row"]')].map((tr) =>
      [...tr.querySelectorAll('[role="gridcell"]')].map((td) => td.textContent.trim()),
    );
    const totalBelow = (headerIndex, header) => {
      const column = rows[headerIndex].indexOf(header);
      const total = rows.findIndex((r, i) => i > headerIndex && r[0] === 'Total');
      return total < 0 || column < 0 ? undefined : rows[total][column];
    };
    const nelHeader = rows.findIndex((r) => r.includes('Saving (£)'));
    const annexHeader = rows.findIndex((r) => r.includes('Total saving (£)'));
    return {
      pool: nelHeader < 0 ? undefined : totalBelow(nelHeader, 'Cost (£)'),
      nel: nelHeader < 0 ? undefined : totalBelow(nelHeader, 'No. reduced NEL adm.'),
      nelSaving: nelHeader < 0 ? undefined : totalBelow(nelHeader, 'Saving (£)'),
      totalSaving: annexHeader < 0 ? undefined : totalBelow(annexHeader, 'Total saving (£)'),
    };
  });
}

/** The pane's totals, one table per year ("Totals 2014/15"), as { year: { row label: text } }. */
async function paneTotals(page) {
  await openFeature(page, 'Tables');
  const tables = page.getByRole('table', { name: /^Totals \d{4}\/\d{2}$/ });
  await tables.first().waitFor();
  const result = {};
  for (const table of await tables.all()) {
    const year = (await table.getAttribute('aria-label')).replace('Totals ', '');
    result[year] = await table.evaluate((el) =>
      Object.fromEntries(
        [...el.querySelectorAll('tbody tr')].map((tr) => [
          tr.querySelector('th').textContent.trim(),
          tr.querySelector('td').textContent.trim(),
        ]),
      ),
    );
  }
  return result;
}

async function openFeature(page, label) {
  await page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: label }).click();
}

async function waitForNotice(page, title) {
  const notice = page.getByRole('region', { name: 'Better Care Fund planner' }).getByText(title, { exact: false });
  await notice.first().waitFor({ timeout: 30000 });
}

/** The address of the cell in a sheet's row whose first cell is `rowKey`, under the header `header`. */
async function addressOf(page, sheet, rowKey, header) {
  await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: sheet, exact: true }).click();
  return page.getByRole('grid', { name: `${sheet} sheet` }).evaluate(
    (table, { rowKey, header }) => {
      const rows = [...table.querySelectorAll('tbody [role="row"]')].map((tr) => [
        ...tr.querySelectorAll('[role="gridcell"]'),
      ]);
      const headerRow = rows.find((r) => r.some((td) => td.textContent.trim() === header));
      const column = headerRow?.findIndex((td) => td.textContent.trim() === header);
      const row = rows.find((r) => r[0]?.textContent.trim() === rowKey);
      return column === undefined || column < 0 || !row ? undefined : row[column].dataset.address;
    },
    { rowKey, header },
  );
}

async function run() {
  const { page, errors, close } = await openPreview();
  try {
    check('preview.html loads no Office.js', await page.evaluate(() => typeof window.Office), 'undefined');

    // 1. Load the Barnet example: the plan goes into the workbook with its tables.
    await page.getByRole('button', { name: 'Load the Barnet example' }).click();
    await waitForNotice(page, 'Plan started for 2014/15, 2015/16');

    // 2. Generate (refresh) the tables from the Tables tab; the button is disabled while it runs.
    await openFeature(page, 'Tables');
    const generate = page.getByRole('button', { name: /Refresh tables|Generate tables/ });
    // A refresh with nothing changed writes nothing and may finish within a frame, so the button's
    // states are recorded as they render rather than looked for afterwards.
    await page.evaluate(() => {
      window.__generating = [];
      new MutationObserver(() => {
        for (const b of document.querySelectorAll('button'))
          if (b.textContent.trim() === 'Generating…') window.__generating.push(b.disabled);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await generate.click();
    await waitForNotice(page, 'Tables generated for 2014/15, 2015/16');
    const states = await page.evaluate(() => window.__generating);
    check(
      'the generate button is disabled while generating',
      states.length > 0 && states.every((disabled) => disabled),
      true,
    );

    // 3. The published totals, in the workbook grid and in the pane.
    const pane = await paneTotals(page);
    for (const [year, expected] of Object.entries(PUBLISHED)) {
      const grid = await gridTotals(page, year);
      check(`${year} pool total in the grid`, grid.pool, expected.pool);
      check(`${year} NEL admissions in the grid`, grid.nel, expected.nel);
      check(`${year} NEL saving in the grid`, grid.nelSaving, expected.nelSaving);
      check(`${year} Annex 1 total saving in the grid`, grid.totalSaving, expected.totalSaving);
      check(`${year} pool total in the pane`, pane[year]?.['BCF pool'], expected.pool);
      check(`${year} NEL admissions in the pane`, pane[year]?.['Reduced NEL admissions'], expected.nel);
      check(`${year} NEL saving in the pane`, pane[year]?.['NEL saving'], expected.nelSaving);
      check(`${year} total saving in the pane`, pane[year]?.['Total saving (all benefits)'], expected.totalSaving);
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await gridTotals(page, '2014/15');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview.png') });

    // The Plan tab with one scheme open, for people reviewing the pane.
    await openFeature(page, 'Plan');
    await page.getByRole('button', { name: /^2b · Older People Integrated Care/ }).click();
    await page.getByLabel('Scheme name of scheme 2b').waitFor();
    await page.waitForTimeout(400); // let the accordion finish opening
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-plan.png') });

    // 4. A unit cost changed in the pane: the pane's totals follow as you type, the workbook's on refresh.
    await openFeature(page, 'Plan');
    const nelCost = page.getByLabel('NEL adm. (£ per admission)');
    await nelCost.fill('2,1x');
    await page.getByText('The unit cost NEL must be an amount such as 1,057,451').waitFor();
    await openFeature(page, 'Tables');
    check(
      'a mistyped unit cost disables generation',
      await page.getByRole('button', { name: 'Refresh tables' }).isDisabled(),
      true,
    );
    await page.getByText('One field on the Plan tab needs correcting').waitFor();
    await openFeature(page, 'Plan');
    await nelCost.fill('2,100');
    const edited = await paneTotals(page);
    check('2014/15 NEL saving in the pane at £2,100', edited['2014/15']?.['NEL saving'], '£1,333,500'); // 635 x 2,100
    check(
      '2015/16 total saving in the pane at £2,100',
      edited['2015/16']?.['Total saving (all benefits)'],
      '£2,451,522',
    ); // 2,353,506 + 1,021 x 96
    await page.getByRole('button', { name: 'Refresh tables' }).click();
    await waitForNotice(page, 'Tables generated');
    check('2014/15 NEL saving in the grid at £2,100', (await gridTotals(page, '2014/15')).nelSaving, '£1,333,500');

    // 5. A commissioner types a cost into the Schemes sheet: the year table recalculates at once,
    //    and the pane reads it back (keeping its own unit cost) when the tables are refreshed.
    const costCell = await addressOf(page, 'Schemes', '2b', '2014/15 cost (£)');
    check('the Schemes sheet has a 2014/15 cost cell for scheme 2b', typeof costCell, 'string');
    await typeIntoCell(page, 'Schemes', costCell, '1,100,000');
    check(
      '2014/15 pool total recalculated in the grid after typing',
      (await gridTotals(page, '2014/15')).pool,
      '£6,676,549',
    ); // 6,634,000 - 1,057,451 + 1,100,000
    await openFeature(page, 'Tables');
    await page.getByRole('button', { name: 'Refresh tables' }).click();
    await waitForNotice(page, 'Read back from the workbook');
    const readBack = await paneTotals(page);
    check('2014/15 pool total in the pane after read-back', readBack['2014/15']?.['BCF pool'], '£6,676,549');
    check('2014/15 NEL saving kept at £2,100 after read-back', readBack['2014/15']?.['NEL saving'], '£1,333,500');
    await gridTotals(page, '2014/15');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-edited.png') });

    // 6. Clicking a cell shows its formula.
    const savingTotal = await addressOf(page, 'BCF 2014-15', 'Total', 'Saving (£)');
    await page.getByRole('grid', { name: 'BCF 2014-15 sheet' }).locator(`[data-address="${savingTotal}"]`).click();
    const column = savingTotal.replace(/\d+$/, '');
    const isSum = (text) => new RegExp(`^=SUM\\(${column}\\d+:${column}\\d+\\)$`).test(text);
    // The formula bar follows the selection when React next renders: on a busy machine the first
    // read can still show the cell selected before, so wait (up to 5 s) for it to follow.
    let shown = await page.getByLabel('Formula bar').inputValue();
    for (let waited = 0; !isSum(shown) && waited < 5000; waited += 100) {
      await page.waitForTimeout(100);
      shown = await page.getByLabel('Formula bar').inputValue();
    }
    check(
      `clicking ${savingTotal} (total NEL saving) shows its formula`,
      isSum(shown) ? 'a SUM over the Saving column' : shown,
      'a SUM over the Saving column',
    );

    // 7. A number typed over a formula is found by the audit, and choosing the finding selects its cell.
    await typeIntoCell(page, 'BCF 2014-15', savingTotal, '1272540');
    await openFeature(page, 'Pool & audit');
    await page.getByRole('button', { name: 'Audit this workbook' }).click();
    const finding = page
      .getByRole('list', { name: 'Audit findings' })
      .getByRole('button', { name: new RegExp(`^BCF 2014-15!${savingTotal} `) });
    await finding.first().waitFor({ timeout: 15000 });
    await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Assumptions', exact: true }).click();
    await finding.first().click();
    const selected = page.getByRole('grid', { name: 'BCF 2014-15 sheet' }).locator('[aria-selected="true"]');
    await selected.waitFor({ timeout: 5000 });
    check(
      'choosing the typed-over finding selects its cell in the grid',
      await selected.getAttribute('data-address'),
      savingTotal,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-audit.png') });
  } finally {
    failures.push(...errors);
    await close();
  }
}

finish(run);
