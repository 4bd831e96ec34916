import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

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
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);

    await signInAsFirstAdministrator(page, server, 'juniper lantern harbour cobalt 47');

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
