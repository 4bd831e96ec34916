import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Adds an item under a parent through the API, as the signed-in browser (cookie + CSRF token). */
async function addItem(page: Page, planId: string, parentId: string): Promise<string> {
  return page.evaluate(
    async ({ planId, parentId }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/plan-items', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify({
          planId,
          parentId,
          title: { en: 'Interoperability of signal units', sr: 'Interoperabilnost jedinica veze' },
        }),
      });
      if (response.status !== 201) throw new Error(`create answered ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    { planId, parentId },
  );
}

describe('action plans', () => {
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

  it('rolls a status changed inline up to the chapter', async () => {
    const { page, problems } = await watchedPage(browser);

    // The first administrator signs in and chooses their own password.
    await signInAsFirstAdministrator(page, server, 'quartz orbit maple lantern 47');

    // Plans → IPAP 2015.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Action plans', level: 1 }).waitFor();
    // Each card shows its plan's progress and how many items are implemented.
    const card = page
      .getByRole('listitem')
      .filter({ hasText: 'Individual Partnership Action Plan 2015' });
    await card.getByText(/^Progress [\d.]+ %$/).waitFor({ timeout: 15_000 });
    await card.getByText(/^\d+ of \d+ items implemented$/).waitFor();
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    const chapter = page.locator('tr[data-code="2"]');
    await chapter.waitFor({ timeout: 15_000 });
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    const chapterProgress = chapter.getByTestId('rollup-value');
    const before = await chapterProgress.innerText();

    // A new objective under chapter 2, added through the API; the page reloads the tree.
    const tree = await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/plans/${id}/tree`);
      return (await r.json()) as { items: { id: string; code: string }[] };
    }, planId);
    const chapterId = tree.items.find((i) => i.code === '2')!.id;
    const code = await addItem(page, planId, chapterId);
    await page.reload();
    await chapter.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Show the items under 2' }).click();
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor();
    // A new objective that has not started pulls the chapter's average down.
    await expect.poll(() => chapterProgress.innerText()).not.toBe(before);
    const withNew = await chapterProgress.innerText();
    const percent = (text: string) => Number(text.replace(/[^\d.,]/g, '').replace(',', '.'));

    // Set it implemented in place: the chapter's progress follows.
    await row.getByLabel(`Status of ${code}`).click();
    await page.getByRole('option', { name: 'Implemented', exact: true }).click();
    await visible(page, 'The status has been saved.');
    await expect.poll(() => chapterProgress.innerText(), { timeout: 15_000 }).not.toBe(withNew);
    expect(percent(await chapterProgress.innerText())).toBeGreaterThan(percent(withNew));

    // The explanation names the rule and what it counted.
    await chapterProgress.click();
    await visible(page, /^Average of \d+ items?$/);

    expect(problems).toEqual([]);
  });
});
