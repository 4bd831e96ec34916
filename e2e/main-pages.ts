/**
 * The main pages of the app, with the records they need, for the journeys that visit every page
 * (phone and wide-screen layout, accessibility): one signed-in administrator, a plan with
 * chapters, activities, a reporting period and a report, and the address of each page.
 */
import type { Page } from 'playwright-core';
import { signInAsFirstAdministrator } from './session.js';
import type { RunningServer } from './server.js';

/** Calls the API as the signed-in browser (cookie + CSRF token); throws unless it succeeds. */
export async function callApi<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
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
  if (status < 200 || status > 299)
    throw new Error(`${method} ${url} answered ${status}: ${JSON.stringify(json)}`);
  return json as T;
}

export interface MainPage {
  /** A short name printed with each finding. */
  name: string;
  path: string;
  /** Brings up what the page is about once it has loaded (a dialog, a section). */
  open?: (page: Page) => Promise<void>;
}

type Listed = { items: { id: string; code?: string }[] };

/**
 * Signs in as the first administrator, fills a plan through the API and answers every main page.
 * The plan's activities have long titles and lead institutions, so tables and charts carry
 * realistic text.
 */
export async function prepareMainPages(page: Page, server: RunningServer): Promise<MainPage[]> {
  await signInAsFirstAdministrator(page, server);
  const plans = await callApi<Listed>(page, 'GET', '/api/v1/plans');
  const planId = plans.items.find((p) => p.code === 'IPAP-2019-2021')!.id;
  const top = (
    await callApi<Listed>(page, 'GET', `/api/v1/plans/${planId}/items?pageSize=100`)
  ).items.filter((i) => !i.code!.includes('.'));
  const orgs = (await callApi<Listed>(page, 'GET', '/api/v1/organisations?pageSize=5')).items;
  const activities: [number, string, string, number, string][] = [
    [0, 'Annual defence policy dialogue with the Alliance', 'implemented', 0, '2026-Q1'],
    [0, 'Public information campaign on the Partnership for Peace', 'ongoing', 1, '2026-06'],
    [1, 'Interoperability of signal units in multinational exercises', 'ongoing', 2, '2026-09'],
    [1, 'Staff officer courses abroad', 'postponed', 3, '2027-Q2'],
    [2, 'Security of information training', 'not_implemented', 4, '2026-Q3'],
  ];
  const itemIds: string[] = [];
  for (const [chapter, title, status, lead, dueOn] of activities) {
    const item = await callApi<{ id: string }>(page, 'POST', '/api/v1/plan-items', {
      planId,
      parentId: top[chapter]!.id,
      title: { en: title },
      status,
      leadOrganisationId: orgs[lead]?.id ?? null,
      dueOn,
    });
    itemIds.push(item.id);
  }
  const period = await callApi<{ id: string }>(page, 'POST', `/api/v1/plans/${planId}/periods`, {
    kind: 'quarter',
    startsOn: '2026-01-01',
    endsOn: '2026-03-31',
    title: 'Q1 2026',
  });
  const report = await callApi<{ id: string; version: number }>(
    page,
    'PUT',
    `/api/v1/periods/${period.id}/items/${itemIds[1]}/report`,
    { itemStatus: 'ongoing', progress: 30 },
  );
  const submitted = await callApi<{ version: number }>(
    page,
    'POST',
    `/api/v1/reports/${report.id}/submit`,
    undefined,
    `"${report.version}"`,
  );
  await callApi(
    page,
    'POST',
    `/api/v1/reports/${report.id}/approve`,
    undefined,
    `"${submitted.version}"`,
  );

  const agreements = await callApi<Listed>(page, 'GET', '/api/v1/agreements?pageSize=1');
  const mechanisms = await callApi<Listed>(page, 'GET', '/api/v1/mechanisms');
  const users = await callApi<Listed>(page, 'GET', '/api/v1/users');

  return [
    { name: 'overview', path: '/' },
    { name: 'mechanism', path: `/#mechanism-${mechanisms.items[0]!.id}` },
    { name: 'timeline', path: '/timeline' },
    { name: 'agreements', path: '/agreements' },
    { name: 'agreement', path: `/agreements/${agreements.items[0]!.id}` },
    { name: 'organisations', path: '/organisations' },
    { name: 'plans', path: '/plans' },
    { name: 'plan', path: `/plans/${planId}` },
    { name: 'plan item drawer', path: `/plans/${planId}?item=${itemIds[1]}` },
    { name: 'plan item', path: `/plans/${planId}/items/${itemIds[1]}` },
    { name: 'dashboard', path: `/plans/${planId}/dashboard` },
    { name: 'reporting', path: `/plans/${planId}/reporting?period=${period.id}` },
    {
      name: 'import',
      path: `/plans/${planId}`,
      open: async (p) => {
        await p.locator('main button:has(.tabler-icon-file-import)').first().click();
        await p.getByRole('dialog').first().waitFor();
      },
    },
    { name: 'account', path: '/account' },
    { name: 'admin users', path: '/admin/users' },
    { name: 'admin user', path: `/admin/users/${users.items[0]!.id}` },
    { name: 'audit log', path: '/admin/audit-log' },
  ];
}

/** Opens a page and waits until its heading is shown, its requests are done and no loader spins. */
export async function openMainPage(
  page: Page,
  baseUrl: string,
  target: MainPage,
  language?: 'en' | 'sr-Latn' | 'sr-Cyrl',
): Promise<void> {
  await page.goto(`${baseUrl}${target.path}`);
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  if (language)
    await page.waitForFunction((l) => document.documentElement.lang === l, language, {
      timeout: 10_000,
    });
  await page.waitForLoadState('networkidle');
  await page
    .locator('main .mantine-Loader-root, main [aria-busy="true"]')
    .first()
    .waitFor({ state: 'hidden', timeout: 15_000 });
  if (target.open) {
    await target.open(page);
    await page.waitForLoadState('networkidle');
  }
  // Charts measure their boxes after the first paint.
  await page.waitForTimeout(300);
}

/**
 * Sets the interface language the way the language switcher does: on the account (which a page
 * load with a session applies) and in the browser.
 */
export async function useLanguage(page: Page, language: 'en' | 'sr-Latn' | 'sr-Cyrl') {
  await callApi(page, 'POST', '/api/v1/auth/locale', { locale: language });
  await page.evaluate((l) => localStorage.setItem('liaison.language', l), language);
}

/**
 * What sticks out past the right edge of the window: the page's own scroll width, and each
 * outermost visible element whose right edge is past the window and that no scrolling or clipping
 * box around it holds in (a wide table in its own scroll box is fine; a page that scrolls sideways
 * is not).
 */
export function horizontalOverflow(page: Page): Promise<string[]> {
  // A string, not a function: the test runner's transform would add helpers the page lacks.
  return page.evaluate(OVERFLOW_SCRIPT) as Promise<string[]>;
}

const OVERFLOW_SCRIPT = String.raw`(() => {
  const width = window.innerWidth;
  const found = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) found.push('the page is ' + scrollWidth + ' px wide in a ' + width + ' px window');
  function describe(el) {
    const id = el.id ? '#' + el.id : '';
    const classes = [...el.classList].filter((c) => !c.startsWith('m_')).slice(0, 3).map((c) => '.' + c).join('');
    const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().replace(/\s+/g, ' ');
    return '<' + el.tagName.toLowerCase() + id + classes + '> "' + label.slice(0, 60) + '"';
  }
  function past(el) {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > width + 1;
  }
  function heldIn(el) {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' && !past(a)) return true;
      if (style.position === 'fixed') return !past(a);
    }
    return false;
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (!past(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.position === 'fixed') continue;
    if (el.closest('.visually-hidden, .skip-link')) continue;
    if (heldIn(el)) continue;
    const parent = el.parentElement;
    if (parent && parent !== document.body && past(parent) && !heldIn(parent)) continue;
    found.push(describe(el) + ' reaches ' + Math.round(el.getBoundingClientRect().right) + ' px');
  }
  return found;
})()`;
