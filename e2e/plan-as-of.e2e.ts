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
    /** Opens rows 1 and 1.2 (as far as they are closed) and reads row 1.2.1; retried until it shows. */
    const open = async (code: string) => {
      const expand = page
        .locator(`tr[data-code="${code}"]`)
        .getByRole('button', { name: `Show the items under ${code}` });
      if (await expand.count()) await expand.click();
    };
    const rowText = async (code: string) => {
      await open('1');
      await open('1.2');
      const row = page.locator(`tr[data-code="${code}"]`);
      return (await row.count()) ? row.innerText() : '';
    };
    const notice = page.getByText('The plan as it stood at the end of');

    await page.locator('tr[data-code="1"]').waitFor();
    await expect.poll(() => rowText('1.2.1'), { timeout: 15_000 }).toContain('Implemented');

    await page.getByLabel('As of').fill('2015-12-31');
    await notice.waitFor();
    expect(page.url()).toContain('asOf=2015-12-31');
    await expect.poll(() => rowText('1.2.1'), { timeout: 15_000 }).toContain('Ongoing');
    // Chapter 2 had its first objective (entered September 2015) but not the second (2016).
    await open('2');
    await page.locator('tr[data-code="2.1"]').waitFor();
    expect(await page.locator('tr[data-code="2.2"]').count()).toBe(0);

    // The view is in the address: a reload keeps it.
    await page.reload();
    await notice.waitFor();
    await page.getByRole('button', { name: 'Back to today' }).first().click();
    await notice.waitFor({ state: 'hidden' });
    await expect.poll(() => page.url()).not.toContain('asOf=');
    await expect.poll(() => rowText('1.2.1'), { timeout: 15_000 }).toContain('Implemented');
    expect(problems).toEqual([]);
  });
});
