import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer } from './server.js';

/** The one partial-date picker, through the plan page's "as of" field, in Serbian. */
describe('the date picker in the reader’s language', () => {
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

  const openPlan = async (language: string) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    await context.addInitScript((l) => localStorage.setItem('liaison.language', l), language);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.baseUrl}/plans`);
    await page.locator('a[href^="/plans/"]').first().click();
    await page.locator('tr[data-code="1"]').waitFor();
    return { page, context };
  };

  it('takes days typed day first, names an impossible day, and picks from the calendar by keyboard', async () => {
    const { page, context } = await openPlan('sr-Latn');
    const field = page.getByLabel('Stanje na dan', { exact: true });
    expect(await field.getAttribute('placeholder')).toBe('dd.mm.gggg.');

    await field.fill('31.02.2015.');
    await field.blur();
    await page.getByText('Taj dan ne postoji: Februar 2015. ima 28 dana.').waitFor();
    expect(page.url()).not.toContain('asOf=');

    await field.fill('31.12.2015.');
    await expect.poll(() => page.url()).toContain('asOf=2015-12-31');
    // The page switches to the plan of that day before the calendar is opened.
    await page.getByText('Plan kakav je bio na kraju dana 31. decembar 2015.').waitFor();

    await page.getByRole('button', { name: 'Otvorite kalendar' }).click();
    await page.getByRole('grid', { name: 'decembar 2015.' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('30.12.2015.');
    await expect.poll(() => page.url()).toContain('asOf=2015-12-30');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await context.close();
  });

  it('writes the pattern and the calendar in Cyrillic for Cyrillic readers', async () => {
    const { page, context } = await openPlan('sr-Cyrl');
    const field = page.getByLabel('Стање на дан', { exact: true });
    expect(await field.getAttribute('placeholder')).toBe('дд.мм.гггг.');
    await field.fill('15.03.2015.');
    await page.getByText('План какав је био на крају дана 15. март 2015.').waitFor();
    await page.getByRole('button', { name: 'Отворите календар' }).click();
    const calendar = page.getByRole('grid', { name: 'март 2015.' });
    await calendar.waitFor();
    expect(await calendar.getByRole('columnheader').allInnerTexts()).toEqual([
      'по',
      'ут',
      'ср',
      'че',
      'пе',
      'су',
      'не',
    ]);
    await context.close();
  });
});
