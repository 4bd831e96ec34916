import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLanguage } from './main-pages.js';
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

  /** The first administrator: the first test to run chooses the password (tests run in random order). */
  let admin: { email: string; password: string } | null = null;
  async function signIn(page: Page) {
    if (!admin) admin = await signInAsFirstAdministrator(page, server);
    else {
      await page.goto(`${server.baseUrl}/sign-in`);
      await page.getByLabel('E-mail address').fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    }
    // The language lives on the account: start each journey in English.
    await useLanguage(page, 'en');
  }

  it('shows the bad row, then imports the fixed file into the tree', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page);

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
    await visible(page, /Row 3, column E «Status»: "Finished" is not a status/);
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
    await useLanguage(page, 'sr-Cyrl');
    await page.reload();
    await page.locator('tr[data-code="1"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Увоз', exact: true }).click();
    await chooseFile(page, 'plan.csv', `${HEAD}\n;;Vežba;;Gotovo\n;9.9;Stavka;;\n`);
    await page.getByRole('button', { name: 'Провери датотеку' }).click();
    await visible(page, '2 реда са грешкама');
    await page.screenshot({ path: `${SHOTS}/plan-import-errors-sr-cyrl.png`, fullPage: true });

    expect(problems).toEqual([]);
  }, 180_000);

  it('maps a column the reader did not know in the dry-run screen, and says how dates were read', async () => {
    const { page, problems } = await watchedPage(browser);
    await signIn(page);
    const planId = await page.evaluate(async () => {
      const r = await fetch('/api/v1/plans');
      const plans = (await r.json()) as { items: { id: string; code: string }[] };
      return plans.items.find((p) => p.code === 'IPAP-2019-2021')!.id;
    });
    const file = `Šifra;Aktivnost;Rok;Zaduženi\n;Vežba sajber odbrane;IV kvartal 2021.;MO\n`;
    const shot = async (language: 'en' | 'sr-Latn' | 'sr-Cyrl', button: string, check: string) => {
      await useLanguage(page, language);
      await page.goto(`${server.baseUrl}/plans/${planId}`);
      await page.locator('tr[data-code="1"]').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: button, exact: true }).click();
      await chooseFile(page, 'ministarstvo.csv', file);
      await page.getByRole('button', { name: check }).click();
    };

    await shot('en', 'Import', 'Check the file');
    await visible(page, 'How the sheet was read');
    await visible(page, 'Row 1: taken as the heading');
    await visible(page, /«IV kvartal 2021\.» read as 2021-Q4/);
    const field = page.locator('input[aria-label="Field for column D «Zaduženi»"]');
    expect(await field.inputValue()).toBe('');
    await page.screenshot({ path: `${SHOTS}/plan-import-columns-en.png`, fullPage: true });
    await field.click();
    await page.getByRole('option', { name: 'Lead organisation', exact: true }).click();
    // The file is checked again with the mapping, which the plan now remembers.
    await visible(page, /1 to create/);
    await page.waitForFunction(
      () =>
        (
          document.querySelector(
            'input[aria-label="Field for column D «Zaduženi»"]',
          ) as HTMLInputElement | null
        )?.value === 'Lead organisation',
      undefined,
      { timeout: 30_000 },
    );
    const remembered = await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/plans/${id}/import-mapping`);
      return ((await r.json()) as { mapping: Record<string, string> }).mapping;
    }, planId);
    expect(remembered).toEqual({ zaduzeni: 'leadOrganisation' });
    await page.screenshot({ path: `${SHOTS}/plan-import-mapped-en.png`, fullPage: true });

    // The next file is read with it; the same screen in Serbian, both scripts, for the record.
    await shot('sr-Latn', 'Uvoz', 'Proveri datoteku');
    await visible(page, 'Kako je tabela pročitana');
    await page.screenshot({ path: `${SHOTS}/plan-import-columns-sr-latn.png`, fullPage: true });
    await shot('sr-Cyrl', 'Увоз', 'Провери датотеку');
    await visible(page, 'Како је табела прочитана');
    await page.screenshot({ path: `${SHOTS}/plan-import-columns-sr-cyrl.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/plan-import-columns-sr-cyrl-390.png`, fullPage: true });

    expect(problems).toEqual([]);
  }, 180_000);
});
