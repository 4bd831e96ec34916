import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

describe('the plan item page', () => {
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

  it('opens from the drawer, takes a comment with Ctrl+Enter, and undoes its deletion', async () => {
    const { page, problems } = await watchedPage(browser);
    page.setDefaultTimeout(15_000);

    await signInAsFirstAdministrator(page, server, 'willow copper signal harbour 83');

    // Plans → IPAP 2015 → chapter 2 in the drawer → its full page.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    const chapter = page.locator('tr[data-code="2"]');
    await chapter.waitFor({ timeout: 15_000 });
    await chapter.getByRole('button', { name: /^Details of 2 / }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('No comments yet.').waitFor({ timeout: 15_000 });
    await drawer.getByRole('link', { name: 'Open full page' }).click();
    await page.waitForURL(/\/plans\/[^/]+\/items\/[^/]+$/);
    // The address changes before the (lazily loaded) item page replaces the plan's heading.
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.innerText(), { timeout: 15_000 }).toMatch(/^2\s/);
    await expect
      .poll(() => page.getByLabel('Breadcrumbs').innerText())
      .toMatch(/Action plans[\s\S]*Individual Partnership Action Plan 2015[\s\S]*2/);
    await visible(page, 'Ask a question or note progress');

    // A two-line comment, posted with Ctrl+Enter, shows with its line break and as text only.
    const box = field(page, 'Add a comment');
    await box.fill('Draft sent to the ministry on Monday.\n<b>Not bold</b>');
    await visible(page, /^53 of 8,000 characters$/);
    await box.press('Control+Enter');
    const comment = page.getByTestId('comment').filter({ hasText: 'Draft sent to the ministry' });
    await comment.waitFor({ timeout: 15_000 });
    expect(await comment.getByText('Not bold', { exact: false }).innerText()).toBe(
      'Draft sent to the ministry on Monday.\n<b>Not bold</b>',
    );
    expect(await comment.locator('b').count()).toBe(0);
    expect(await box.inputValue()).toBe('');
    await page.getByRole('heading', { name: 'Comments (1)' }).waitFor();

    // Delete, then Undo from the notification: the comment comes back.
    await comment.getByRole('button', { name: /^Delete the comment by / }).click();
    await visible(page, 'The comment has been deleted.');
    await expect.poll(() => comment.count()).toBe(0);
    await page.getByRole('heading', { name: 'Comments (0)' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await visible(page, 'The comment is back.');
    await comment.waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Comments (1)' }).waitFor();

    // Back in the plan, the drawer shows the comment and the count.
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    await chapter.waitFor({ timeout: 15_000 });
    await chapter.getByRole('button', { name: /^Details of 2 / }).click();
    await drawer.getByText(/Draft sent to the ministry/).waitFor({ timeout: 15_000 });

    expect(problems).toEqual([]);
  }, 90_000);
});
