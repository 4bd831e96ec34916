import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsFirstAdministrator } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Screenshots go here when LIAISON_SHOTS names a directory (never into the repository). */
const shots = process.env.LIAISON_SHOTS;

/** Calls the API as the signed-in browser (cookie + CSRF token); throws unless `expected`. */
async function call<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
  expected = [200, 201],
  ifMatch?: string,
): Promise<T> {
  const { status, json } = await page.evaluate(
    async ({ method, url, body, ifMatch }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: {
          'X-CSRF-Token': me.csrfToken,
          ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json().catch(() => null) };
    },
    { method, url, body, ifMatch },
  );
  if (!expected.includes(status))
    throw new Error(`${method} ${url} answered ${status}: ${JSON.stringify(json)}`);
  return json as T;
}

/** Dates relative to today, so "overdue" and "due soon" stay true whenever the journey runs. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A plan with activities, three reporting periods and approved reports, through the API. */
async function fillPlan(page: Page, planId: string): Promise<void> {
  const top = (
    await call<{ items: { id: string; code: string }[] }>(
      page,
      'GET',
      `/api/v1/plans/${planId}/items?pageSize=100`,
    )
  ).items.filter((i) => !i.code.includes('.'));
  const orgs = (
    await call<{ items: { id: string }[] }>(page, 'GET', '/api/v1/organisations?pageSize=5')
  ).items.map((o) => o.id);
  const activities: [number, string, string, number | null, string | null][] = [
    // chapter index, title, status, lead index, due
    [0, 'Annual defence policy dialogue', 'implemented', 0, '2026-Q1'],
    [0, 'Public information campaign on PfP', 'ongoing', 1, day(-40)],
    [0, 'Parliamentary committee briefing', 'not_started', 2, day(12)],
    [1, 'Interoperability of signal units', 'ongoing', 0, day(25)],
    [1, 'Staff officer courses abroad', 'implemented', 3, '2026-06'],
    [1, 'Logistics standards review', 'postponed', 0, '2027-Q2'],
    [1, 'Military medicine exchange', 'partially_implemented', 3, day(-120)],
    [2, 'Security of information training', 'not_implemented', 1, '2026-Q3'],
    [2, 'Accreditation of classified systems', 'ongoing', null, 'continuous'],
    [3, 'Science for Peace project proposals', 'cancelled', 4, '2026-05'],
    [3, 'Civil emergency exercise', 'implemented', 2, '2026-09-15'],
  ];
  const ids: string[] = [];
  for (const [chapter, title, status, lead, due] of activities) {
    const item = await call<{ id: string }>(page, 'POST', '/api/v1/plan-items', {
      planId,
      parentId: top[chapter]!.id,
      title: { en: title },
      status,
      leadOrganisationId: lead === null ? null : orgs[lead],
      dueOn: due,
    });
    ids.push(item.id);
  }
  const open = async (title: string, startsOn: string, endsOn: string) =>
    (
      await call<{ id: string }>(page, 'POST', `/api/v1/plans/${planId}/periods`, {
        kind: 'quarter',
        startsOn,
        endsOn,
        title,
      })
    ).id;
  const report = async (
    periodId: string,
    item: number,
    itemStatus: string,
    progress: number | null,
    outcome: 'approve' | 'return',
  ) => {
    const r = await call<{ id: string; version: number }>(
      page,
      'PUT',
      `/api/v1/periods/${periodId}/items/${ids[item]}/report`,
      { itemStatus, progress },
    );
    // Transitions carry If-Match with the version of the report they act on.
    const submitted = await call<{ version: number }>(
      page,
      'POST',
      `/api/v1/reports/${r.id}/submit`,
      undefined,
      undefined,
      `"${r.version}"`,
    );
    await call(
      page,
      'POST',
      `/api/v1/reports/${r.id}/${outcome}`,
      outcome === 'return' ? { comment: 'Add the attendance list.' } : undefined,
      undefined,
      `"${submitted.version}"`,
    );
  };
  const q1 = await open('Q1 2026', '2026-01-01', '2026-03-31');
  await report(q1, 0, 'ongoing', 60, 'approve');
  await report(q1, 1, 'ongoing', 20, 'approve');
  await report(q1, 4, 'ongoing', 30, 'approve');
  await report(q1, 7, 'not_started', null, 'approve');
  const q2 = await open('Q2 2026', '2026-04-01', '2026-06-30');
  await report(q2, 0, 'implemented', null, 'approve');
  await report(q2, 4, 'implemented', null, 'approve');
  await report(q2, 3, 'ongoing', 40, 'approve');
  await report(q2, 6, 'partially_implemented', null, 'approve');
  const q3 = await open('Q3 2026', '2026-07-01', '2026-09-30');
  await report(q3, 10, 'implemented', null, 'approve');
  await report(q3, 7, 'not_implemented', null, 'approve');
  await report(q3, 3, 'ongoing', 50, 'return');
}

describe('plan dashboard', () => {
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

  it('opens from the plan, shows counts, lists and the trend, and links to the items', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.setViewportSize({ width: 1360, height: 900 });

    await signInAsFirstAdministrator(page, server, 'quartz orbit maple lantern 47');

    const plans = await call<{ items: { id: string; code: string }[] }>(
      page,
      'GET',
      '/api/v1/plans',
    );
    const planId = plans.items.find((p) => p.code === 'IPAP-2019-2021')!.id;
    const emptyPlanId = plans.items.find((p) => p.code === 'IPAP-2015')!.id;
    await fillPlan(page, planId);

    // From the plan page to its dashboard.
    await page.goto(`${server.baseUrl}/plans/${planId}`);
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page
      .getByRole('heading', { name: /: dashboard$/, level: 1 })
      .waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe(`/plans/${planId}/dashboard`);

    const overdue = page.getByRole('region', { name: /^Overdue/ });
    await expect.poll(() => overdue.getByRole('heading').first().innerText()).toMatch(/\(\d+\)/);
    const overdueLink = overdue.getByRole('link', { name: /Military medicine exchange/ });
    await overdueLink.waitFor();
    const atRisk = page.getByRole('region', { name: /^At risk/ });
    // Due within 25 days and its report was returned: two reasons on one row.
    const returned = atRisk.getByRole('row', { name: /Interoperability of signal units/ });
    await returned.getByText('Report returned', { exact: true }).waitFor();
    await returned.getByText('Due soon', { exact: true }).waitFor();
    await atRisk.getByText(/within the next 30 days/).waitFor();
    const periods = page.getByRole('region', { name: 'Progress across reporting periods' });
    for (const title of ['Q1 2026', 'Q2 2026', 'Q3 2026'])
      await periods.getByRole('rowheader', { name: new RegExp(title) }).waitFor();
    // Charts are drawn (SVG) next to their tables.
    expect(await page.locator('.recharts-surface').count()).toBeGreaterThanOrEqual(4);

    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'dashboard-en.png'), fullPage: true });
      // The account's language wins on a page load with a session.
      await call(page, 'POST', '/api/v1/auth/locale', { locale: 'sr-Cyrl' }, [204]);
      await page.evaluate(() => localStorage.setItem('liaison.language', 'sr-Cyrl'));
      await page.reload();
      await page.getByRole('heading', { name: /: контролна табла$/, level: 1 }).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      await page.screenshot({ path: path.join(shots, 'dashboard-sr-cyrl.png'), fullPage: true });
      // The account's language wins on a page load with a session.
      await call(page, 'POST', '/api/v1/auth/locale', { locale: 'en' }, [204]);
      await page.evaluate(() => localStorage.setItem('liaison.language', 'en'));
      await page.reload();
      await page.getByRole('heading', { name: /: dashboard$/, level: 1 }).waitFor();
    }

    // An overdue item opens in its plan, with its details drawer.
    await page
      .getByRole('region', { name: /^Overdue/ })
      .getByRole('link', { name: /Military medicine exchange/ })
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/plans/${planId}`);
    expect(new URL(page.url()).searchParams.get('item')).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('dialog').getByText('Military medicine exchange').first().waitFor();

    // A plan without reporting periods says so instead of drawing an empty chart.
    await page.goto(`${server.baseUrl}/plans/${emptyPlanId}/dashboard`);
    await page.getByText('No reporting periods yet').waitFor({ timeout: 20_000 });
    if (shots)
      await page.screenshot({ path: path.join(shots, 'dashboard-empty-en.png'), fullPage: true });

    expect(problems).toEqual([]);
  });
});
