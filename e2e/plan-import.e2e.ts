import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Screenshots for people to look at (not compared by the test). */
const SHOTS = process.env.LIAISON_SHOTS ?? '/tmp/shots';

async function chooseFile(page: Page, name: string, content: string) {
  await page
    .getByRole('dialog')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

const HEAD = 'Code;Parent code;Title (English);Title (Serbian);Status';

describe('plan import', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the bad row, then imports the fixed file into the tree', async () => {
    const { page, problems } = await watchedPage(browser);
    await signInAsFirstAdministrator(page, server);

    const planId = await page.evaluate(async () => {
      const r = await fetch('/api/v1/plans');
      const plans = (await r.json()) as { items: { id: string; code: string }[] };
      return plans.items.find((p) => p.code === 'IPAP-2019-2021')!.id;
    });
    await page.goto(`${server.baseUrl}/plans/${planId}`);
    await page.locator('tr[data-code="1"]').waitFor({ timeout: 30_000 });

    // A file with one bad row: the report names it, and nothing can be imported yet.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await visible(page, 'Import items from a spreadsheet');
    await chooseFile(
      page,
      'plan.csv',
      `\uFEFF${HEAD}\n;;Cyber defence cooperation;Saradnja u sajber odbrani;Ongoing\n;;Joint exercises;Zajedničke vežbe;Finished\n`,
    );
    await page.getByRole('button', { name: 'Check the file' }).click();
    await visible(page, /Row 3, Status: "Finished" is not a status/);
    await visible(page, '1 row with errors');
    const importButton = page.getByRole('button', { name: 'Import 1 row' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/plan-import-errors-en.png`, fullPage: true });

    // Fix the file, upload it again, import.
    await page.getByRole('button', { name: 'Upload another file' }).click();
    await chooseFile(
      page,
      'plan-fixed.csv',
      `${HEAD}\n;;Cyber defence cooperation;Saradnja u sajber odbrani;Ongoing\n;;Joint exercises;Zajedničke vežbe;Implemented\n`,
    );
    await page.getByRole('button', { name: 'Check the file' }).click();
    await visible(page, '2 to create');
    await page.screenshot({ path: `${SHOTS}/plan-import-report-en.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await visible(page, 'Imported: 2 new, 0 updated.');
    await page.getByRole('dialog').locator('button', { hasText: 'Close' }).click();
    await visible(page, 'Cyber defence cooperation');
    await visible(page, 'Joint exercises');

    // The same dialog in Serbian (Cyrillic), for the record.
    await page.evaluate(() => localStorage.setItem('liaison.language', 'sr-Cyrl'));
    await page.reload();
    await page.locator('tr[data-code="1"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Увоз', exact: true }).click();
    await chooseFile(page, 'plan.csv', `${HEAD}\n;;Vežba;;Gotovo\n;9.9;Stavka;;\n`);
    await page.getByRole('button', { name: 'Провери датотеку' }).click();
    await visible(page, '2 реда са грешкама');
    await page.screenshot({ path: `${SHOTS}/plan-import-errors-sr-cyrl.png`, fullPage: true });

    expect(problems).toEqual([]);
  }, 180_000);
});
