/** Steps every signed-in browser journey shares: find fields, wait for text, sign in first. */
import type { Locator, Page } from 'playwright-core';
import type { RunningServer } from './server.js';

/** The first administrator's one-time password, which `liaison serve` prints once on first start. */
export function firstAdministrator(output: string): { email: string; password: string } {
  const email = /e-mail:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  if (!email || !password) throw new Error(`no administrator in the server output:\n${output}`);
  return { email, password };
}

/** A field by its label; Mantine adds " *" to the labels of required fields. */
export function field(scope: Page | Locator, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

export async function visible(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Signs in as the first administrator, who must choose their own password first, and chooses one.
 * Returns the e-mail address and the new password.
 */
export async function signInAsFirstAdministrator(
  page: Page,
  server: RunningServer,
  newPassword = 'quartz orbit maple lantern 47',
): Promise<{ email: string; password: string }> {
  const admin = firstAdministrator(server.output());
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page, 'Choose your own password first');
  await field(page, 'Current password').fill(admin.password);
  await field(page, 'New password').fill(newPassword);
  await field(page, 'New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await visible(page, 'Your password has been changed.');
  return { email: admin.email, password: newPassword };
}
