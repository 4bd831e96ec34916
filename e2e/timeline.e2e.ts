import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

describe('a reader of the timeline', () => {
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

  it('switches to Cyrillic, opens the timeline and finds the IPAP approval of 15 January 2015', async () => {
    const { page, problems } = await watchedPage(browser);

    await page.goto(server.baseUrl);
    await page.getByText('Ћирилица', { exact: true }).click();
    await page.getByRole('link', { name: 'Хронологија' }).first().click();
    await expect.poll(() => page.url()).toContain('/timeline');

    const approval = page.getByText('15. јануар 2015.', { exact: true });
    await approval.first().waitFor({ state: 'visible', timeout: 15_000 });
    const entry = page.locator('li, article, [role="listitem"]').filter({ has: approval }).first();
    await expect
      .poll(async () => (await entry.innerText()).toLowerCase())
      .toMatch(/ипап|индивидуални/);

    // The choice of script survives a reload.
    await page.reload();
    await page
      .getByText('15. јануар 2015.', { exact: true })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('sr-Cyrl');
    expect(problems).toEqual([]);
  });
});
