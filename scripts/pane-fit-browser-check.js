#!/usr/bin/env node
/**
 * The task pane as a new user meets it, in Chromium through the browser preview: a plan of our own
 * (not the Barnet example), three years from "2026-27", walked through every panel (every tab of
 * src/taskpane/features.ts) at 320, 350 and
 * 500 px. At each width and on each panel: nothing scrolls sideways (the panel and every scroller
 * inside it: scrollWidth against clientWidth) and nothing sticks out of the pane; axe-core finds no
 * serious or critical accessibility violation; a screenshot goes to test-artifacts/. On the way a
 * contribution and a quarter's spend are entered in the pane and must appear on the Pool sheet and
 * in the checks, and no sheet may say Barnet.
 * Exit 0 when every check passes, 1 with what failed.
 */
const fs = require('fs');
const path = require('path');
const { openPreview, sheetTexts, checkRecord, downloadWorkbook } = require('./support/previewBrowser');

const ROOT = path.resolve(__dirname, '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const WIDTHS = [320, 350, 500];
const { passes, failures, check, finish } = checkRecord('Pane fit check', 'test-artifacts/pane-*.png');

const feature = (page, label) =>
  page.getByRole('tablist', { name: 'Planner features' }).getByRole('tab', { name: label, exact: true });
const notice = (page, text) =>
  page
    .getByRole('region', { name: 'Better Care Fund planner' })
    .getByText(text, { exact: false })
    .first()
    .waitFor({ timeout: 30000 });

/** Everything in the pane that scrolls sideways or sticks out past its right edge. */
function sidewaysProblems(page) {
  return page.evaluate(() => {
    const pane = document.querySelector('aside[aria-label="Task pane"]');
    const edge = pane.getBoundingClientRect().right;
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el.textContent || '').trim().slice(0, 40)}"`;
    const found = [];
    for (const el of [pane, ...pane.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1) continue; // visually hidden text for screen readers
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        ['auto', 'scroll', 'hidden'].includes(style.overflowX) &&
        el.clientWidth > 0
      ) {
        found.push(`${describe(el)} is ${el.scrollWidth}px wide inside ${el.clientWidth}px`);
      } else if (rect.right > edge + 1) {
        found.push(
          `${describe(el)} ends at ${Math.round(rect.right)}px, past the pane's edge at ${Math.round(edge)}px`,
        );
      }
    }
    return found.slice(0, 8);
  });
}

async function axeProblems(page) {
  // A message bar fading in has half-transparent text for a moment; judge colours once nothing moves.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    // Fluent's focus manager (tabster) puts hidden <i tabindex="0" data-tabster-dummy> sentinels at the edges of
    // tab lists and accordions; they pass focus straight on and are never read, so they are left out.
    const context = { include: [['aside[aria-label="Task pane"]']], exclude: [['[data-tabster-dummy]']] };
    const result = await window.axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes
            .map((n) => `${n.html.slice(0, 120)}: ${n.failureSummary?.split('\n').slice(1).join(' ').slice(0, 160)}`)
            .slice(0, 3)
            .join('; ')})`,
      );
  });
}

async function setWidth(page, width) {
  await page.getByLabel('Pane width').selectOption(String(width));
  await page.waitForTimeout(150);
}

/** Opens every accordion item in the panel, so what they hide is measured and checked too. */
async function openAll(page) {
  const closed = page.locator('aside[aria-label="Task pane"] [role="tabpanel"] button[aria-expanded="false"]');
  for (let n = await closed.count(); n > 0; n = await closed.count()) {
    await closed.first().click();
    await page.waitForTimeout(50);
  }
}

async function startNorthshire(page) {
  await page.getByLabel('Health and Wellbeing Board').fill('Northshire');
  await page.getByLabel('First financial year').fill('2026-27');
  await page.getByLabel('Years').selectOption('3');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await notice(page, 'Plan started for 2026/27, 2027/28, 2028/29');
  check(
    'the plan years typed "2026-27" are shown as',
    await page.getByRole('region', { name: 'Better Care Fund planner' }).locator('h1 + *').textContent(),
    'Northshire Better Care Fund plan 2026/27 to 2028/29',
  );
  for (const [name, cost, nel] of [
    ['Falls prevention and rapid response', '400,000', '30'],
    ['Home first discharge', '600,000', '45'],
  ]) {
    await page.getByRole('button', { name: 'Add scheme' }).click();
    const nameBox = page.getByLabel(/^Scheme name of scheme/).last();
    await nameBox.fill(name);
    for (const year of ['2026/27', '2027/28', '2028/29']) {
      await page
        .getByLabel(new RegExp(`^Cost \\(£\\) of scheme \\w+ in ${year.replace('/', '\\/')}$`))
        .last()
        .fill(cost);
      await page
        .getByLabel(new RegExp(`^NEL adm\\. reduction, scheme \\w+ in ${year.replace('/', '\\/')}$`))
        .last()
        .fill(nel);
    }
  }
  await page
    .getByLabel(/^Cost \(£\) of scheme \w+ in 2026\/27$/)
    .first()
    .fill('1,2,3');
  await page.getByText('has a comma out of place').first().waitFor();
  passes.push('"1,2,3" typed as a cost is refused beside the field');
  await page
    .getByLabel(/^Cost \(£\) of scheme \w+ in 2026\/27$/)
    .first()
    .fill('400,000');
  await page.getByRole('button', { name: 'Generate tables' }).click();
  await notice(page, 'Tables generated');
}

async function enterPool(page) {
  await feature(page, 'Pool & audit').click();
  await page.getByText('Nothing entered for 2026/27 yet').waitFor();
  passes.push('the pool says plainly that nothing is entered yet');
  await page.getByLabel('New partner’s id').fill('NCC');
  await page.getByLabel('New partner’s name').fill('Northshire County Council');
  await page.getByLabel('Funding source').fill('Council contribution');
  await page.getByLabel('Amount (£)').fill('1,000,000');
  await page.getByRole('button', { name: 'Add contribution' }).click();
  await notice(page, 'saved to the Pool sheet');
  await page.getByLabel(/^1a /).fill('95,000');
  await page.getByRole('button', { name: 'Save 2026/27 Q1 spend' }).click();
  await notice(page, 'Spend for 2026/27 Q1: saved to the Pool sheet');
  const pool = await sheetTexts(page, 'Pool');
  check(
    'the contribution on the Pool sheet',
    pool.some((r) => r[0] === '2026/27' && r[1] === 'NCC' && r[2] === 'Council contribution' && r[3] === '£1,000,000'),
    true,
  );
  check('the quarter’s spend on the Pool sheet', pool.find((r) => r[0] === '1a' && r[1] === '2026/27')?.[3], '£95,000');
  const checks = await sheetTexts(page, 'Checks');
  check('the pool check on the Checks sheet', checks.find((r) => r[0] === 'pool-allocated:2026/27')?.[1], 'PASS');
  await feature(page, 'Pool & audit').click();
  check(
    'no plan check fails in the pane',
    /^(All \d+ checks pass|The one check passes)\.$/.test(
      await page
        .getByText(/checks? (passe?s?|fail)\.$/)
        .first()
        .textContent(),
    ),
    true,
  );
  await page.getByRole('button', { name: /checks? pass(es)?$/ }).click();
  const passing = await page.getByRole('list', { name: 'Checks that pass' }).textContent();
  check(
    'the pane’s checks include the pool against the contribution',
    passing.includes('2026/27: the schemes in the pool are allocated £1,000,000, exactly the contributions.'),
    true,
  );
}

/** Every tab the pane has (src/taskpane/features.ts), so a panel added later is walked too. */
// A Fluent tab holds its label twice (the second, hidden, reserves the bold width); the first is the name.
const panelsOf = (page) =>
  page
    .getByRole('tablist', { name: 'Planner features' })
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.map((t) => t.querySelector('.fui-Tab__content')?.textContent.trim() ?? t.textContent.trim()),
    );

async function walkPanels(page) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const PANELS = await panelsOf(page);
  for (const width of WIDTHS) {
    await setWidth(page, width);
    for (const panel of PANELS) {
      await feature(page, panel).click();
      await page.waitForTimeout(100);
      await openAll(page);
      check(`${panel} at ${width}px: nothing scrolls sideways`, await sidewaysProblems(page), []);
      check(`${panel} at ${width}px: axe-core serious or critical violations`, await axeProblems(page), []);
      await page
        .locator('aside[aria-label="Task pane"]')
        .screenshot({ path: path.join(ARTIFACTS, `pane-${width}-${panel.replace(/\W+/g, '-').toLowerCase()}.png`) });
    }
  }
}

async function nothingSaysBarnet(page) {
  const sheets = await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allTextContents();
  const saying = [];
  for (const sheet of sheets) {
    const rows = await sheetTexts(page, sheet.trim());
    if (rows.some((r) => r.some((t) => /barnet|hsci/i.test(t)))) saying.push(sheet.trim());
  }
  check('sheets of the new plan that say Barnet or HSCI', saying, []);
  const paneText = await page.locator('aside[aria-label="Task pane"]').textContent();
  check('the pane says Barnet for the new plan', /barnet|hsci/i.test(paneText), false);
}

/**
 * Keyboard only: Tab from the top of the page reaches every control in the open panel (a tab list
 * or radio group is one stop, as the pattern wants), each with a visible focus indicator.
 */
async function keyboardWalk(page, panel) {
  await feature(page, panel).click();
  await page.locator('body').focus();
  await page.evaluate(() => document.activeElement?.blur());
  const reached = new Set();
  const unseen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      el.dataset.kbReached = '1';
      const style = getComputedStyle(el);
      const after = getComputedStyle(el, '::after');
      const visible =
        el.matches(':focus-visible') &&
        (style.outlineStyle !== 'none' ||
          style.boxShadow !== 'none' ||
          after.borderStyle !== 'none' ||
          el.hasAttribute('data-fui-focus-visible') ||
          !!el.closest('[data-fui-focus-within]'));
      return {
        id: `${el.tagName}:${el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)}`,
        visible,
        inPane: !!el.closest('aside[aria-label="Task pane"]'),
      };
    });
    if (!stop) continue;
    if (!stop.visible) unseen.push(stop.id);
    if (reached.has(stop.id) && stop.inPane === false && reached.size > 5) break;
    reached.add(stop.id);
  }
  const missed = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'aside[aria-label="Task pane"] [role="tabpanel"] :is(button, input, select, textarea):not([disabled])',
      ),
    ]
      .filter(
        (el) =>
          !el.closest('[role="radiogroup"], [role="tablist"]') &&
          el.getBoundingClientRect().width > 0 &&
          !el.dataset.kbReached &&
          el.tabIndex >= 0,
      )
      .map((el) => `${el.tagName}:${el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30)}`),
  );
  check(`${panel}: controls Tab does not reach`, missed, []);
  check(`${panel}: stops without a visible focus indicator`, [...new Set(unseen)].slice(0, 5), []);
}

async function downloads(page) {
  const { file, offered } = await downloadWorkbook(page, path.join(ARTIFACTS, 'northshire-from-preview.xlsx'));
  const bytes = fs.readFileSync(file);
  check('the downloaded workbook is an .xlsx (a zip)', bytes.subarray(0, 2).toString('latin1'), 'PK');
  check('the download is named for the plan', offered, 'Northshire BCF plan 2026-27 to 2028-29.xlsx');
  return file;
}

async function run() {
  const { page, errors, close } = await openPreview({ query: '?pane=320' });
  try {
    await startNorthshire(page);
    await enterPool(page);
    await feature(page, 'Benefit Cards').click();
    await page.getByRole('button', { name: 'Create or refresh cards' }).click();
    await notice(page, 'Benefit Cards written');
    await page.getByRole('combobox', { name: 'Reporting quarter' }).selectOption('2026/27 Q2');
    await page.getByRole('button', { name: 'Report as at 2026/27 Q2' }).click();
    await notice(page, 'Reporting quarter set to 2026/27 Q2');
    check(
      'the Benefit Cards title names the reporting quarter chosen in the pane',
      await page
        .getByRole('heading', { name: /^Benefit Cards/ })
        .first()
        .textContent(),
      'Benefit Cards, as at 2026/27 Q2',
    );
    await walkPanels(page);
    await nothingSaysBarnet(page);
    await setWidth(page, 350);
    for (const panel of await panelsOf(page)) await keyboardWalk(page, panel);
    const leavingUnsaved = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    check('leaving with unsaved work asks first', leavingUnsaved, true);
    const file = await downloads(page);
    const { xlsxToSnapshot } = require(path.join(ROOT, 'dist/node/src/adapters/file/xlsxReader'));
    const pool = (await xlsxToSnapshot(fs.readFileSync(file))).sheets.find((sh) => sh.name === 'Pool');
    check(
      'the downloaded Pool sheet holds the contribution',
      pool?.values.some((r) => r[1] === 'NCC' && r[3] === 1000000),
      true,
    );
    const leaving = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    check('leaving after the download does not ask', leaving, false);
  } finally {
    failures.push(...errors);
    await close();
  }
}

finish(run);
