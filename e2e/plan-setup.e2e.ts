import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** The first administrator's one-time password, which `liaison serve` prints once on first start. */
function firstAdministrator(output: string): { email: string; password: string } {
  const email = /e-mail:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  if (!email || !password) throw new Error(`no administrator in the server output:\n${output}`);
  return { email, password };
}

/** A field by its label; Mantine adds " *" to the labels of required fields. */
function field(scope: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

async function visible(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

describe('setting up a plan', () => {
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

  it('creates a national plan from its preset, lists it with its steps and opens it', async () => {
    const admin = firstAdministrator(server.output());
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);

    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page, 'Choose your own password first');
    const newPassword = 'juniper lantern harbour cobalt 47';
    await field(page, 'Current password').fill(admin.password);
    await field(page, 'New password').fill(newPassword);
    await field(page, 'New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await visible(page, 'Your password has been changed.');

    // The seeded plans show their approval steps on the list.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    const seeded = page.getByRole('listitem').filter({ hasText: 'IPAP-2015' });
    await seeded.getByText('NAC approval').waitFor();
    expect(await seeded.innerText()).toContain('15 January 2015');

    // New plan → the national preset fills the levels; the form refuses a backwards period.
    await page.getByRole('button', { name: 'New plan' }).click();
    const form = page.getByRole('dialog');
    await form.locator('label', { hasText: 'National plan' }).click();
    expect(await field(page, 'Level 1 in English').inputValue()).toBe('General objective');
    expect(await field(page, 'Level 2 in English').inputValue()).toBe('Measure');
    expect(await field(page, 'Level 3 in Serbian').inputValue()).toBe('Активност');
    await field(page, 'Code').fill('NAP-DEF-2026');
    await field(page, 'Title in English').fill('National action plan for defence cooperation 2026');
    await field(page, 'Title in Serbian').fill('Nacionalni akcioni plan odbrambene saradnje 2026');
    await field(page, 'Period from').fill('2026-03-01');
    await field(page, 'Period to').fill('2026-02-01');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText('The period cannot end before it starts.').waitFor();
    await field(page, 'Period to').fill('2027-12-31');

    // One approval step: adopted by the government on a known day, with its reference.
    await form.getByRole('button', { name: 'Add a step' }).click();
    await field(page, 'Day of step 1').fill('2026-02-26');
    await field(page, 'Reference').fill('05 Broj: 337-1234/2026');
    await form.getByRole('button', { name: 'Create plan' }).click();

    // Saved: the app opens the new plan.
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await visible(page, 'National action plan for defence cooperation 2026');

    // Back on the list it shows with its code, period and step; its link opens it again.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    const card = page.getByRole('listitem').filter({ hasText: 'NAP-DEF-2026' });
    await card.getByText('Government adoption').waitFor();
    const text = await card.innerText();
    expect(text).toContain('26 February 2026');
    expect(text).toContain('General objective › Measure › Activity');
    expect(text).toContain('Drafting');
    await card
      .getByRole('link', { name: 'National action plan for defence cooperation 2026' })
      .click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await visible(page, 'National action plan for defence cooperation 2026');

    expect(problems).toEqual([]);
  });
});
