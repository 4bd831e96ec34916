import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

describe('a plan as of a past day', () => {
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

  it('shows the statuses of that day, read-only, and goes back to today', async () => {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.baseUrl}/plans`);
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    const openRow = async (code: string) => {
      const row = page.locator(`tr[data-code="${code}"]`);
      await row.waitFor();
      const expand = row.getByRole('button', { name: `Show the items under ${code}` });
      if (await expand.count()) await expand.click();
    };
    const rowText = (code: string) => page.locator(`tr[data-code="${code}"]`).innerText();

    await openRow('1');
    await openRow('1.2');
    await expect.poll(() => rowText('1.2.1')).toContain('Implemented');

    await page.getByLabel('As of').fill('2015-12-31');
    await page.getByText('The plan as it stood at the end of').waitFor();
    expect(page.url()).toContain('asOf=2015-12-31');
    await openRow('1');
    await openRow('1.2');
    await expect.poll(() => rowText('1.2.1')).toContain('Ongoing');
    // Work entered in 2016 or later is not there yet.
    expect(await page.locator('tr[data-code="2.2"]').count()).toBe(0);

    // The view is in the address: a reload keeps it.
    await page.reload();
    await page.getByText('The plan as it stood at the end of').waitFor();
    await page.getByRole('button', { name: 'Back to today' }).first().click();
    await expect.poll(() => page.url()).not.toContain('asOf=');
    await openRow('1');
    await openRow('1.2');
    await expect.poll(() => rowText('1.2.1')).toContain('Implemented');
    expect(problems).toEqual([]);
  });
});
