/**
 * The audit log a security officer can read: the administrator changes a plan item (status, due
 * date, a long description), then finds the change in the log by choosing who and which action
 * from lists, reads the record by its title and the time with its zone, and opens the diff: each
 * changed field in words, values formatted, the long text compared word by word. Seen in the three
 * languages.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

const SHOTS = '/tmp/shots-d';

async function api(page: Page, path: string, method = 'GET', body?: unknown, ifMatch?: string) {
  return page.evaluate(
    async ({ path, method, body, ifMatch }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { path, method, body, ifMatch },
  );
}

/** Chooses an option of a Mantine select by the select's label and the option's words. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

describe('the audit log', () => {
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

  it('finds a change by who and which action, and shows it field by field in words', async () => {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await signInAsFirstAdministrator(page, server, 'cobalt harbour violet stone 52');

    // A plan with one item, changed once: status, due date and a long description.
    const plan = await api(page, '/plans', 'POST', {
      code: 'AUD-1',
      title: { en: 'Audit journey plan', sr: 'Plan za proveru dnevnika' },
      levels: [{ name: { en: 'Activity', sr: 'Aktivnost' }, rollupRule: 'manual' }],
      approvalSteps: [],
      statusViaReports: false,
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const description = 'Train twelve officers of the logistics command in NATO standards. ';
    const item = await api(page, '/plan-items', 'POST', {
      planId: plan.body.id,
      parentId: null,
      title: { en: 'Logistics training', sr: 'Obuka u logistici' },
      description: { en: description.repeat(2) },
      status: 'not_started',
      dueOn: '2027-06-30',
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    const changed = await api(
      page,
      `/plan-items/${item.body.id}`,
      'PATCH',
      {
        status: 'implemented',
        dueOn: '2027-03-31',
        description: { en: description.replace('twelve', 'fourteen').repeat(2) },
      },
      '*',
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    await page.goto(`${server.baseUrl}/admin/audit-log`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    // Actions in words, records by their titles, times with their zone.
    await visible(page, 'Item added');
    await visible(page, '1 Logistics training');
    await visible(page, /\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);

    // Who and which action, chosen from lists; the filters go into the address.
    await choose(page, 'Who', /^Administrator/);
    await choose(page, 'Action', 'Item changed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/action=plan_item\.update/);
    expect(page.url()).toMatch(/actorId=[0-9a-f-]{36}/);
    const rows = page.locator('tbody tr[data-action]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-action')).toBe('plan_item.update');
    await page.screenshot({ path: `${SHOTS}/audit-filtered-en.png`, fullPage: true });

    // The diff: fields in words, values formatted, the long text compared word by word.
    await rows
      .first()
      .getByRole('button', { name: /Show what entry \d+ recorded/ })
      .click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const status = diff.locator('tr[data-field="status"]');
    expect(await status.locator('th').innerText()).toBe('Status');
    expect(await status.locator('td').allInnerTexts()).toEqual(['Not started', 'Implemented']);
    expect(await diff.locator('tr[data-field="dueOn"] td').allInnerTexts()).toEqual([
      '30 June 2027',
      '31 March 2027',
    ]);
    const words = diff.locator('tr[data-field="description"]');
    expect(await words.locator('th').innerText()).toBe('Description');
    expect(await words.locator('del').first().innerText()).toBe('twelve');
    expect(await words.locator('ins').first().innerText()).toBe('fourteen');
    expect(await diff.locator('tr[data-field="version"]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/audit-diff-en.png`, fullPage: true });

    // The record's whole history, from its row: its creation and its change.
    await rows
      .first()
      .getByRole('button', { name: 'Show only the history of 1 Logistics training' })
      .click();
    await page.waitForURL(/entityId=[0-9a-f-]{36}/);
    await visible(page, 'Only the history of: 1 Logistics training');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.search.includes('entityId'));
    await choose(page, 'Action', 'Item changed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    // The entry opened before stays open while the filters change.
    if (!(await diff.isVisible()))
      await rows
        .first()
        .getByRole('button', { name: /Show what entry \d+ recorded/ })
        .click();
    await diff.waitFor();

    // The same in Serbian, both scripts: words, not codes.
    for (const [language, switcher, statusWords, action] of [
      ['sr-Latn', 'Latinica', ['Nije započeto', 'Realizovano'], 'Stavka izmenjena'],
      ['sr-Cyrl', 'Ћирилица', ['Није започето', 'Реализовано'], 'Ставка измењена'],
    ] as const) {
      await page.getByText(switcher, { exact: true }).first().click();
      await visible(page, action);
      await diff.waitFor();
      expect(await diff.locator('tr[data-field="status"] td').allInnerTexts()).toEqual(statusWords);
      await page.screenshot({ path: `${SHOTS}/audit-diff-${language}.png`, fullPage: true });
    }

    // At 390 px the page does not overflow sideways.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: `${SHOTS}/audit-390-sr-Cyrl.png`, fullPage: true });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    expect(problems).toEqual([]);
  });
});
