import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer } from './server.js';
import { signInAsFirstAdministrator, visible } from './session.js';

describe('the interface language follows the account', () => {
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

  it('is saved when chosen while signed in and applied at the next sign-in elsewhere', async () => {
    const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await first.newPage();
    page.setDefaultTimeout(15_000);
    const { email, password } = await signInAsFirstAdministrator(page, server);
    await page.goto(`${server.baseUrl}/timeline`);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/auth/locale') && r.request().method() === 'POST',
    );
    await page.getByText('Ћирилица', { exact: true }).first().click();
    expect((await saved).status()).toBe(204);
    await first.close();

    // Another browser, which has never seen this user's choice: English until sign-in.
    const second = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await second.newPage();
    other.setDefaultTimeout(15_000);
    await other.goto(`${server.baseUrl}/sign-in`);
    await other.getByLabel('E-mail address').fill(email);
    await other.getByLabel('Password', { exact: true }).fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await visible(other, 'Хронологија');
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('sr-Cyrl');
    await second.close();
  });
});
