/**
 * The coordinator's day on the plan page (issue #10): a status that comes through reports is
 * overridden with a reason; several pasted lines become several items; "Save and add another"
 * keeps the place and the lead organisation; the responsible person is chosen and shown.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

const SHOTS = process.env.LIAISON_SHOTS_DIR ?? '/tmp/shots';
async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** Calls the API as the signed-in page does (session cookie and CSRF token). */
async function apiAs(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await fetch('/api/v1/auth/me').then((r) => r.json());
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          ...(method === 'PATCH' ? { 'if-match': '*' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

/** Pastes text into the focused field as a person's paste would (a ClipboardEvent). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

const rowCodes = (page: Page) =>
  page
    .locator('tbody tr[data-code]')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          `${tr.getAttribute('data-code')} ${(tr as HTMLElement).innerText.split('\n')[1] ?? ''}`,
      ),
    );

describe('the coordinator’s workflow on a plan', () => {
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

  it('overrides a reported status with a reason, pastes lines as items, adds another and names a responsible person', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAsFirstAdministrator(page, server, 'quartz orbit maple lantern 48');

    // A fresh IPAP plan (statuses through reports by default), a chapter, and a person of the
    // ministry that leads it.
    const orgs = (await apiAs(page, 'GET', '/organisations?pageSize=100')).body.items as {
      id: string;
      name: { en: string | null };
    }[];
    const ministry = orgs.find((o) => o.name.en)!;
    const person = await apiAs(page, 'POST', '/users', {
      email: 'milica.petrovic@example.test',
      displayName: 'Milica Petrović',
      role: 'editor',
      organisationIds: [ministry.id],
      currentPassword: 'quartz orbit maple lantern 48',
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    const plan = await apiAs(page, 'POST', '/plans', {
      code: 'IPAP-E2E',
      title: { en: 'Workflow plan' },
      template: 'ipap',
    });
    expect(plan.body.statusViaReports).toBe(true);
    const chapter = await apiAs(page, 'POST', '/plan-items', {
      planId: plan.body.id,
      title: { en: 'Defence reform' },
      leadOrganisationId: ministry.id,
    });
    expect(chapter.status, JSON.stringify(chapter.body)).toBe(201);

    await page.goto(`${server.baseUrl}/plans/${plan.body.id}`);
    const row = page.locator('tr[data-code="1"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('treegrid').count()).toBe(1);
    expect(await row.getAttribute('aria-level')).toBe('1');
    expect(await row.getAttribute('aria-posinset')).toBe('1');

    // 1. The status comes through reports; the administrator overrides it with a reason.
    const override = row.getByRole('button', { name: /^Override the status of 1 / });
    await override.click();
    const dialog = page.getByRole('dialog', { name: 'Override the status of 1' });
    await dialog.waitFor();
    await field(dialog, 'New status').click();
    await page.getByRole('option', { name: 'Ongoing' }).click();
    await dialog.getByRole('button', { name: 'Override status' }).click();
    await dialog.getByText('Give the reason for setting the status by hand.').waitFor();
    await field(dialog, 'Reason').fill('Confirmed by the ministry’s letter of 3 March');
    await shot(page, 'plan-override-en');
    await dialog.getByRole('button', { name: 'Override status' }).click();
    await visible(page, 'The status has been saved.');
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Ongoing').waitFor();
    const audit = await apiAs(page, 'GET', `/audit-log?entityId=${chapter.body.id}`);
    expect(JSON.stringify(audit.body)).toContain('Confirmed by the ministry’s letter of 3 March');

    // 2. Three pasted lines become three objectives, in order ("Add" is on the row itself).
    await row.getByRole('button', { name: 'Add objective below 1' }).click();
    const form = page.getByRole('dialog', { name: 'Add objective' });
    await form.waitFor();
    await field(form, 'Title in English').focus();
    await paste(page, 'Planning and budgeting\nHuman resources\n• Logistics');
    await form.getByText('Create 3 items, one per line?').waitFor();
    await shot(page, 'plan-paste-en');
    await form.getByRole('button', { name: 'Create 3 items' }).click();
    await visible(page, '3 items created.');
    await page.locator('tr[data-code="1.3"]').waitFor();
    const codes = await rowCodes(page);
    expect(codes.filter((c) => c.startsWith('1.'))).toEqual([
      expect.stringContaining('1.1'),
      expect.stringContaining('1.2'),
      expect.stringContaining('1.3'),
    ]);
    expect(await page.locator('tr[data-code="1.1"]').innerText()).toContain(
      'Planning and budgeting',
    );
    expect(await page.locator('tr[data-code="1.3"]').innerText()).toContain('Logistics');

    // 3. An activity with a responsible person, then "Save and add another".
    await page
      .locator('tr[data-code="1.1"]')
      .getByRole('button', { name: 'Add activity below 1.1' })
      .click();
    const activity = page.getByRole('dialog', { name: 'Add activity' });
    await activity.waitFor();
    await field(activity, 'Title in English').fill('Revise the budget manual');
    await field(activity, 'Responsible person').click();
    await page.getByRole('option', { name: 'Milica Petrović' }).click();
    await shot(page, 'plan-responsible-en');
    await activity.getByRole('button', { name: 'Save and add another' }).click();
    await visible(page, /Revise the budget manual has been added/);
    // The form stays, empty, for the next activity under the same parent, title focused.
    expect(await field(activity, 'Title in English').inputValue()).toBe('');
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.lang),
    ).toBe('en');
    await field(activity, 'Title in English').fill('Train the budget officers');
    await activity.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('tr[data-code="1.1.2"]').waitFor();
    expect(await page.locator('tr[data-code="1.1.1"]').innerText()).toContain(
      'Revise the budget manual',
    );
    expect(await page.locator('tr[data-code="1.1.2"]').innerText()).toContain(
      'Train the budget officers',
    );

    // 4. The responsible person is shown with the item.
    await page
      .locator('tr[data-code="1.1.1"]')
      .getByRole('button', { name: /^Details of 1\.1\.1/ })
      .click();
    await visible(page, 'Responsible person: Milica Petrović');
    await shot(page, 'plan-drawer-responsible-en');
    await page.keyboard.press('Escape');

    // The same screens in Serbian, Latin and Cyrillic, and on a phone.
    for (const [language, name] of [
      ['Latinica', 'sr-latn'],
      ['Ћирилица', 'sr-cyrl'],
    ] as const) {
      await page.getByText(language, { exact: true }).first().click();
      await page.locator('tr[data-code="1"]').getByRole('button').last().waitFor();
      await shot(page, `plan-tree-${name}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'plan-tree-sr-cyrl-390');

    expect(problems).toEqual([]);
  });
});
