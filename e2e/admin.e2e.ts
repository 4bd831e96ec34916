import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, firstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

describe('the first administrator', () => {
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

  it('changes the one-time password, creates a coordinator and finds it in an intact audit log', async () => {
    const admin = firstAdministrator(server.output());
    const { page, problems } = await watchedPage(browser);

    // Sign in with the one-time password: the app insists on a new password first.
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page, 'Choose your own password first');
    expect(new URL(page.url()).pathname).toBe('/account');

    // Other pages lead back to the password form until it is changed.
    await page.getByRole('link', { name: 'Timeline' }).first().click();
    await expect.poll(() => page.url()).toContain('/account?next=%2Ftimeline');
    await visible(page, 'Choose your own password first');

    const newPassword = 'quartz orbit maple lantern 47';
    await field(page, 'Current password').fill(admin.password);
    await field(page, 'New password').fill(newPassword);
    await field(page, 'New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await visible(page, 'Your password has been changed.');
    await expect.poll(() => page.url()).toContain('/timeline');

    // Administration: a new coordinator, whose one-time password is shown once.
    await page.getByRole('link', { name: 'Administration' }).first().click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'E-mail address').fill('ana.markovic@mod.gov.rs');
    await field(dialog, 'Name').fill('Ana Marković');
    await field(dialog, 'Role').click();
    await page.getByRole('option', { name: 'Coordinator', exact: true }).click();
    // A new account's one-time password is a credential: the administrator confirms with theirs.
    await field(dialog, 'Current password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await visible(page, 'Copy the one-time password now');
    const oneTimePassword = await dialog.locator('code').first().innerText();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await visible(page, 'ana.markovic@mod.gov.rs');

    // The audit log records the creation, and its hash chain is intact.
    await page.getByRole('button', { name: /^Administrator\s*,\s*account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.locator('tr[data-action="user.create"]').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await visible(page, 'The chain is intact');

    expect(problems).toEqual([]);
  });
});
