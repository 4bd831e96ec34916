/**
 * The reporting workflow in a browser: the first administrator opens a period on IPAP 2015, writes
 * and submits a report on one item, approves it with a comment the institution sees, and the plan
 * tree shows the item's new status; a signed-out visitor is asked to sign in and brought back.
 */
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Waits for text inside a part of the page (a dialog, a row) or the whole page. */
async function visible(scope: Page | Locator, text: string | RegExp): Promise<void> {
  await scope.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

const SHOTS = '/tmp/shots';

describe('reporting on a plan', () => {
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

  it('opens a period, submits a report, approves it and the item takes its status', async () => {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1400, height: 1000 });
    fs.mkdirSync(SHOTS, { recursive: true });

    await signInAsFirstAdministrator(page, server, 'amber kettle north ridge 61');

    // Plans → IPAP 2015 → Reporting: no period yet, and the way to open one.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    await page.getByRole('link', { name: 'Reporting', exact: true }).click();
    await page.waitForURL(/\/plans\/[^/]+\/reporting$/);
    const planUrl = page.url().replace(/\/reporting$/, '');
    await visible(page, 'No period is open yet');
    await page.screenshot({ path: `${SHOTS}/reporting-empty-en.png` });

    // Open a period: the name follows the kind and the dates; a backwards range is refused.
    await page.getByRole('button', { name: 'Open a period' }).click();
    const dialog = page.getByRole('dialog');
    // The proposal lies inside the plan's own period (2015), not around today.
    await expect.poll(() => field(dialog, 'Name').inputValue()).toBe('Q1 2015');
    await field(dialog, 'First day').fill('2026-10-01');
    await field(dialog, 'Last day').fill('2026-12-31');
    await expect.poll(() => field(dialog, 'Name').inputValue()).toBe('Q4 2026');
    await field(dialog, 'Last day').fill('2026-09-30');
    await dialog.getByRole('button', { name: 'Open the period' }).click();
    await visible(dialog, 'The last day cannot be before the first day.');
    await page.screenshot({ path: `${SHOTS}/reporting-open-en.png` });
    await field(dialog, 'Last day').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Open the period' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\?period=/);
    await visible(page, 'Open');

    // The first item due: write its report.
    const firstRow = page.locator('tr[data-item-code]').first();
    await firstRow.waitFor();
    const code = (await firstRow.getAttribute('data-item-code'))!;
    // Every item has no report yet; the report state is not worded like an item status.
    const allBefore = await page.getByText(/^All items: \d+$/).innerText();
    expect(await page.getByText(/^No report yet: \d+$/).innerText()).toBe(
      allBefore.replace('All items', 'No report yet'),
    );
    await visible(page, /^Due in this period: \d+$/);
    // Give the item a quantitative indicator (through the API, as its own screen would).
    const itemHref = (await firstRow.getByRole('link', { name: code }).getAttribute('href'))!;
    const itemId = decodeURIComponent(itemHref.split('/').at(-1)!);
    const api = (path: string, method = 'GET', body?: unknown) =>
      page.evaluate(
        async ({ path, method, body }) => {
          const me = await (await fetch('/api/v1/auth/me')).json();
          const res = await fetch(`/api/v1${path}`, {
            method,
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: res.status, body: await res.json() };
        },
        { path, method, body },
      );
    const created = await api(`/plan-items/${itemId}/indicators`, 'POST', {
      kind: 'quantitative',
      name: { en: 'Laws adopted', sr: 'Usvojeni zakoni' },
      unit: 'laws',
      target: { value: 3, year: 2027 },
    });
    expect(created.status).toBe(201);

    await page.getByRole('button', { name: `Write report: ${code}` }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: `${code} — report for Q4 2026` }).waitFor();
    await field(drawer, 'Item status').click();
    await page.getByRole('option', { name: 'Implemented', exact: true }).click();
    await field(drawer, 'Progress').fill('100');
    await field(drawer, 'What was done').fill(
      'The law was adopted.\nPublished in the Official Gazette.',
    );
    await field(drawer, 'Laws adopted').fill('2');
    await drawer.getByRole('button', { name: 'Add evidence' }).click();
    await field(drawer, 'Evidence 1: address (optional)').fill('not a link');
    await drawer.getByRole('button', { name: 'Save draft' }).click();
    await visible(drawer, 'Give the evidence a title, or remove the row.');
    await visible(drawer, 'Enter a full web address (https://…), or leave it empty.');
    await field(drawer, 'Evidence 1: title').fill('Official Gazette 12/2026');
    await field(drawer, 'Evidence 1: address (optional)').fill('https://example.org/gazette-12');
    await drawer.getByRole('button', { name: 'Save draft' }).click();
    await visible(drawer, 'Draft saved.');
    // The indicator value travels in the report: nothing is recorded until the report is approved.
    const measurements = async () =>
      (await api(`/plan-items/${itemId}/indicators`)).body.items[0].measurements.map(
        (m: { measuredOn: string; value: number }) => [m.measuredOn, m.value],
      );
    expect(await measurements()).toEqual([]);
    expect(await field(drawer, 'Laws adopted').inputValue()).toBe('2');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/report') && r.request().method() === 'PUT',
    );
    await drawer.getByRole('button', { name: 'Save draft' }).click();
    expect((await saved).status()).toBe(200);
    await visible(drawer, 'Draft saved.');
    expect(await measurements()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/reporting-form-en.png` });
    await drawer.getByRole('button', { name: 'Submit', exact: true }).click();
    await visible(drawer, 'This report is submitted and waits for the coordinator');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The coordinator's review list shows it, with who submitted; a return needs a comment.
    await visible(page, 'Waiting for your review (1)');
    await visible(page, /^Submitted: 1$/);
    await page.screenshot({ path: `${SHOTS}/reporting-review-en.png`, fullPage: false });
    await page
      .getByRole('button', { name: `Review: ${code}` })
      .first()
      .click();
    await drawer.getByRole('button', { name: 'Return with comment' }).click();
    await visible(drawer, 'Say what must change before returning the report.');
    await field(drawer, 'Comment for the institution').fill('Attach the law itself, please.');
    await drawer.getByRole('button', { name: 'Return with comment' }).click();
    await visible(drawer, 'Returned by the coordinator');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await visible(page, /^Returned: 1$/);
    await visible(page.locator(`tr[data-item-code="${code}"]`).last(), 'Attach the law itself');

    // The institution edits the returned report and submits it again.
    await page.getByRole('button', { name: `Edit report: ${code}` }).click();
    await visible(drawer, 'Attach the law itself, please.');
    await drawer.getByRole('button', { name: 'Add evidence' }).click();
    await field(drawer, 'Evidence 2: title').fill('Law on defence, consolidated text');
    await drawer.getByRole('button', { name: 'Submit again' }).click();
    await visible(drawer, 'This report is submitted and waits for the coordinator');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page
      .getByRole('button', { name: `Review: ${code}` })
      .first()
      .click();
    expect(await field(drawer, 'Evidence 2: title').inputValue()).toBe(
      'Law on defence, consolidated text',
    );
    // Approve with a comment: it is kept, and shown with the report in the drawer and the table.
    await field(drawer, 'Comment for the institution').fill('Well done; keep the gazette link.');
    await drawer.getByRole('button', { name: 'Approve' }).click();
    await visible(drawer, 'This report is approved; the item took its status and progress.');
    await visible(drawer, 'Approved with a comment from the coordinator');
    await visible(drawer, 'Well done; keep the gazette link.');
    // The item's progress now comes from this report, and says so.
    await visible(drawer, /from the report for Q4 2026, approved on/);
    await page.screenshot({ path: `${SHOTS}/reporting-approved-en.png` });
    await page.keyboard.press('Escape');
    await visible(page, /^Approved: 1$/);
    const row = page.locator(`tr[data-item-code="${code}"]`).last();
    await visible(row, 'Implemented');
    await visible(row, 'Well done; keep the gazette link.');
    // Approved: the reported value is now recorded, once, on the period's last day.
    expect(await measurements()).toEqual([['2026-12-31', 2]]);

    // Serbian Cyrillic screenshot of the same page (the language is the account's: chosen in the
    // header's switch, not only in this browser).
    await page.getByText('Ћирилица', { exact: true }).first().click();
    await visible(page, 'Извештавање');
    await visible(page, /^Одобрен: 1$/);
    await page.screenshot({ path: `${SHOTS}/reporting-sr-cyrl.png` });
    await page.getByText('EN', { exact: true }).first().click();
    await visible(page, /^Approved: 1$/);

    // In the plan tree the item now shows the approved status.
    await page.goto(`${planUrl}?q=${encodeURIComponent(code)}`);
    const treeRow = page.locator(`tr[data-code="${code}"]`);
    await treeRow.waitFor();
    // The administrator may change the status there, so it shows in the row's status field.
    await expect
      .poll(() => treeRow.getByLabel(`Status of ${code}`).first().inputValue())
      .toBe('Implemented');

    // Lock the period: the confirmation says it cannot be undone; afterwards all is read-only.
    await page.goto(`${planUrl}/reporting`);
    await page.getByRole('button', { name: 'Lock period' }).click();
    await visible(page, /This cannot be undone/);
    await page.getByRole('button', { name: 'Lock the period' }).click();
    await visible(page, 'This period is locked: its reports can no longer change.');
    expect(await page.getByRole('button', { name: 'Lock period' }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/reporting-locked-en.png` });
    await page.getByRole('button', { name: `View: ${code}` }).click();
    await drawer.getByRole('heading', { name: `${code} — report for Q4 2026` }).waitFor();
    expect(await drawer.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await field(drawer, 'What was done').getAttribute('readonly')).not.toBeNull();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A period that has not begun: submitting warns first, and goes through only when confirmed.
    const future = await api(`/plans/${planUrl.split('/').at(-1)}/periods`, 'POST', {
      kind: 'quarter',
      startsOn: '2099-01-01',
      endsOn: '2099-03-31',
      title: 'Q1 2099',
    });
    expect(future.status).toBe(201);
    await page.goto(`${planUrl}/reporting?period=${future.body.id}`);
    await page.getByRole('button', { name: `Write report: ${code}` }).click();
    await visible(drawer, 'This period has not begun');
    await drawer.getByRole('button', { name: 'Submit', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: /before the period begins/ });
    await visible(confirm, 'The period has not begun yet');
    await page.screenshot({ path: `${SHOTS}/reporting-early-en.png` });
    await confirm.getByRole('button', { name: 'Submit anyway' }).click();
    await visible(page.getByRole('dialog').first(), 'Report submitted for review.');
    await page.keyboard.press('Escape');

    // Signed out, the reporting page asks the visitor to sign in — and brings them back.
    const reportingUrl = page.url();
    await page.context().clearCookies();
    await page.goto(reportingUrl);
    await visible(page, 'Sign in to report');
    expect(await page.getByText(/ask an administrator/).count()).toBe(0);
    const signIn = page.getByRole('link', { name: 'Sign in', exact: true }).last();
    const href = (await signIn.getAttribute('href'))!;
    expect(decodeURIComponent(href)).toContain(new URL(reportingUrl).pathname);
    await page.screenshot({ path: `${SHOTS}/reporting-signed-out-en.png` });

    expect(problems).toEqual([]);
  }, 120_000);
});
