import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Screenshots for people to look at; kept out of the repository. */
const SHOTS = process.env.LIAISON_SHOTS_DIR ?? '/tmp/shots';

describe('indicators on the plan item page', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a quantitative indicator, refuses words as its values, records a number and shows progress', async () => {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);
    try {
      await journey(page, server);
    } catch (error) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/indicators-failure.png`, fullPage: true });
      throw error;
    }
    // The one refused save (412) is logged by Chromium as a failed load; nothing else went wrong.
    expect(problems).toEqual([
      'Failed to load resource: the server responded with a status of 412 (Precondition Failed)',
    ]);
  }, 120_000);
});

async function journey(page: Page, server: RunningServer) {
  {
    await signInAsFirstAdministrator(page, server, 'willow copper signal harbour 83');

    // Plans → IPAP 2015 → chapter 2 → its full page.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    const chapter = page.locator('tr[data-code="2"]');
    await chapter.waitFor({ timeout: 15_000 });
    await chapter.getByRole('button', { name: /^Details of 2 / }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Open full page' }).click();
    await page.waitForURL(/\/plans\/[^/]+\/items\/[^/]+$/);
    await page.getByRole('heading', { name: 'Indicators', level: 2 }).waitFor();

    // The chapter has no indicators yet: editors are offered the first one.
    const empty = page.getByRole('status').filter({ hasText: 'No indicators yet' });
    await empty.waitFor();
    if (process.env.LIAISON_SHOTS !== '0') {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/indicators-empty-en.png` });
    }

    // Add a quantitative indicator, from the keyboard; words as its target are refused at the field.
    await empty.getByRole('button', { name: 'Add indicator' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: 'Add an indicator' });
    await form.waitFor();
    expect(await form.getByRole('radio', { name: /^Quantitative/ }).isChecked()).toBe(true);
    await field(page, 'Name in English').fill('Officers trained to NATO standards');
    await field(page, 'Name in Serbian').fill('Pripadnici obučeni po standardima NATO');
    await field(page, 'Unit').fill('officers');
    await field(page, 'Baseline').fill('40');
    await field(page, 'Baseline year').fill('2024');
    await field(page, 'Target').fill('a hundred and twenty');
    await field(page, 'Target year').fill('27');
    await form.getByRole('button', { name: 'Add indicator' }).click();
    await form.getByText('This indicator is quantitative: write a number').waitFor();
    await form.getByText('Write the year with four digits, from 1990 to 2100.').waitFor();
    expect(await field(page, 'Target').getAttribute('aria-invalid')).toBe('true');
    if (process.env.LIAISON_SHOTS !== '0') {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/indicator-form-error-en.png` });
    }
    await field(page, 'Target').fill('120');
    await field(page, 'Target year').fill('2027');
    await field(page, 'Source of verification').fill('Annual training report of the Ministry');
    await form.getByRole('button', { name: 'Add indicator' }).click();
    await visible(page, 'The indicator has been added.');
    await form.waitFor({ state: 'detached' });

    const row = page
      .getByTestId('indicator')
      .filter({ hasText: 'Officers trained to NATO standards' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/40 officers \(2024\)[\s\S]*120 officers \(2027\)/);
    await row.getByText('None recorded yet').waitFor();

    // Record a value: words are refused, a number is recorded and progress follows at once.
    await row
      .getByRole('button', { name: 'Record a value for Officers trained to NATO standards' })
      .click();
    const record = page.getByRole('dialog', { name: /^Record a value:/ });
    await record.waitFor();
    await field(page, 'Measured on').fill('2025-06');
    await field(page, 'Value (officers)').fill('eighty');
    await field(page, 'Note').fill('Two courses in Belgrade');
    await record.getByRole('button', { name: 'Record value' }).click();
    await record.getByText('This indicator is quantitative: write a number').waitFor();
    await field(page, 'Value (officers)').fill('80');
    await record.getByRole('button', { name: 'Record value' }).click();
    await visible(page, 'The value has been recorded.');
    await record.waitFor({ state: 'detached' });
    await row.getByText('June 2025').waitFor();
    await expect.poll(() => row.getByTestId('indicator-progress').innerText()).toBe('50 %');

    // Change the target (sent with If-Match) while someone else, in another tab, changes the
    // unit: the save is refused (412) without losing the typed target; after loading the saved
    // version the person keeps their change, which is saved without undoing the other one.
    const editButton = (scope: typeof row) =>
      scope.getByRole('button', {
        name: 'Change the indicator Officers trained to NATO standards',
      });
    await editButton(row).click();
    const edit = page.getByRole('dialog', { name: 'Change the indicator' });
    await edit.waitFor();
    expect(await field(page, 'Target').inputValue()).toBe('120');
    await field(page, 'Target').fill('100');

    // The same person in a second window (a copy of the session's cookies).
    const otherWindow = await page
      .context()
      .browser()!
      .newContext({ storageState: await page.context().storageState() });
    const other = await otherWindow.newPage();
    await other.goto(page.url());
    const otherRow = other
      .getByTestId('indicator')
      .filter({ hasText: 'Officers trained to NATO standards' });
    await editButton(otherRow).click();
    await field(other, 'Unit').fill('trained officers');
    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.getByText('The indicator has been saved.').first().waitFor();
    await otherWindow.close();

    await edit.getByRole('button', { name: 'Save changes' }).click();
    // The one stale-record notice of every form: nothing overwritten, the typed values kept.
    await edit.getByText('Someone else changed this meanwhile').waitFor();
    expect(await field(page, 'Target').inputValue()).toBe('100');
    await edit.getByRole('button', { name: 'Load the saved version' }).click();
    await edit.getByText('differs from the saved version in: Target').waitFor();
    if (process.env.LIAISON_SHOTS !== '0')
      await edit.screenshot({ path: `${SHOTS}/indicator-stale-record-en.png` });
    await edit.getByRole('button', { name: 'Keep my values' }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, 'The indicator has been saved.');
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('indicator-progress').innerText()).toBe('66.7 %');
    expect(await row.innerText()).toMatch(/100 trained officers \(2027\)/);

    if (process.env.LIAISON_SHOTS !== '0') {
      const section = page.locator('section[aria-labelledby="indicators-heading"]');
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/indicators-en.png`, fullPage: true });
      // Chosen in the interface (saved on the account, which a reload would otherwise reapply).
      await page.getByText('Ћирилица', { exact: true }).first().click();
      await page.getByRole('heading', { name: 'Показатељи', level: 2 }).waitFor();
      await page.getByText('Припадници обучени по стандардима НАТО').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/indicators-sr-cyrl.png`, fullPage: true });
      await page
        .getByRole('button', { name: /^Унеси вредност за / })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: `${SHOTS}/indicator-record-sr-cyrl.png` });
      await page.keyboard.press('Escape');
      await page.getByText('EN', { exact: true }).first().click();
      await page.getByRole('heading', { name: 'Indicators', level: 2 }).waitFor();
    }

    // Deleting asks first and says it cannot be undone; Cancel keeps the indicator.
    await row
      .getByRole('button', { name: 'Delete the indicator Officers trained to NATO standards' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Delete this indicator?' });
    await confirm
      .getByText(/and its 1 recorded value will be removed\. This cannot be undone\./)
      .waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.waitFor();
    await row
      .getByRole('button', { name: 'Delete the indicator Officers trained to NATO standards' })
      .click();
    await page.getByRole('button', { name: 'Delete indicator' }).click();
    await visible(page, 'The indicator has been deleted.');
    await expect.poll(() => row.count()).toBe(0);
  }
}
