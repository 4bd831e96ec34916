import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, signInAsFirstAdministrator, visible } from './session.js';
import { launchChromium, startServer, type RunningServer, watchedPage } from './server.js';

/** Screenshots for people to look at; kept out of the repository. */
const SHOTS = process.env.LIAISON_SHOTS_DIR ?? '/tmp/shots';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

/** The codes of the rows on screen, and whether each is shown only as context of a match. */
async function rows(page: Page): Promise<{ code: string; context: boolean; text: string }[]> {
  return page.locator('tbody tr[data-code]').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute('data-code') ?? '',
      context: tr.hasAttribute('data-context'),
      text: (tr as HTMLElement).innerText,
    })),
  );
}

/** Opens the actions menu of a row and picks an action. */
async function rowAction(page: Page, code: string, action: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${code}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

describe('editing an action plan', () => {
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

  it('adds, filters, updates, moves, deletes and restores items from the tree', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.setViewportSize({ width: 1440, height: 900 });

    await signInAsFirstAdministrator(page, server, 'quartz orbit maple lantern 47');

    // Open the plan.
    await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
    await page.getByRole('link', { name: 'Individual Partnership Action Plan 2015' }).click();
    const chapter = page.locator('tr[data-code="2"]');
    await chapter.waitFor({ timeout: 15_000 });
    const planUrl = page.url().split('?')[0]!;
    const chapterProgress = chapter.getByTestId('rollup-value');
    const childrenBefore = (await rows(page)).length;

    // Add an objective under chapter 2 through the form, due in a quarter long past.
    await rowAction(page, '2', 'Add objective below');
    const form = page.getByRole('dialog', { name: 'Add objective' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.getByText('Give the title in English, Serbian or both.').waitFor();
    await field(form, 'Title in English').fill('Interoperability of signal units');
    await field(form, 'Title in Serbian').fill('Интероперабилност јединица везе');
    await form.getByText('Quarter', { exact: true }).click();
    await form.getByLabel('Year of the due quarter').fill('2016');
    await shot(page, 'plan-form-en');
    await field(form, 'Weight').fill('2');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await visible(page, /Interoperability of signal units has been added/);
    const added = page.locator('tr', { hasText: 'Interoperability of signal units' });
    await added.waitFor();
    const code = (await added.getAttribute('data-code'))!;
    expect(code).toMatch(/^2\.\d+$/);
    expect(await added.innerText()).toContain('overdue');
    const progressWithNew = await chapterProgress.innerText();

    // Overdue only: every row that matches is overdue; the address keeps the filter.
    await page.getByLabel('Overdue only').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('1');
    await expect.poll(() => page.getByLabel('Overdue only').isChecked()).toBe(true);
    const overdueRows = await rows(page);
    const matching = overdueRows.filter((r) => !r.context);
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.map((r) => r.code)).toContain(code);
    for (const row of matching) expect(row.text).toContain('overdue');
    expect(overdueRows.length).toBeLessThan(childrenBefore + 10);
    await shot(page, 'plan-filtered-en');
    await page.reload();
    await page.locator(`tr[data-code="${code}"]`).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);

    // Update it through the form: implemented, so it is no longer overdue and the chapter rolls up.
    await rowAction(page, code, 'Edit');
    const edit = page.getByRole('dialog', { name: 'Edit item' });
    await field(edit, 'Title in English').waitFor();
    await field(edit, 'Status').click();
    await page.getByRole('option', { name: 'Implemented', exact: true }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, `${code} has been saved.`);
    await expect.poll(() => page.locator(`tr[data-code="${code}"]`).count()).toBe(0);
    await page.getByLabel('Overdue only').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBeNull();
    await expect
      .poll(() => chapterProgress.innerText(), { timeout: 15_000 })
      .not.toBe(progressWithNew);

    // Someone else saves the item while the form is open: nothing is overwritten, the typed
    // title stays, their version can be loaded and the fields that differ are named.
    await rowAction(page, code, 'Edit');
    const stale = page.getByRole('dialog', { name: 'Edit item' });
    await field(stale, 'Title in English').fill('Interoperability of signal and EW units');
    await page.evaluate(
      async (id) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        const current = await fetch(`/api/v1/plan-items/${id}`);
        const response = await fetch(`/api/v1/plan-items/${id}`, {
          method: 'PATCH',
          headers: {
            'Content-Type': 'application/json',
            'X-CSRF-Token': me.csrfToken,
            'If-Match': current.headers.get('etag') ?? '',
          },
          body: JSON.stringify({ title: { en: 'Interoperability of signal units (agreed)' } }),
        });
        if (response.status !== 200) throw new Error(`PATCH answered ${response.status}`);
      },
      await page.locator(`tr[data-code="${code}"]`).getAttribute('data-item-id'),
    );
    await stale.getByRole('button', { name: 'Save changes' }).click();
    await stale.getByText('Someone changed this item meanwhile').waitFor();
    expect(await field(stale, 'Title in English').inputValue()).toBe(
      'Interoperability of signal and EW units',
    );
    await stale.getByRole('button', { name: 'Load their version' }).click();
    await stale.getByText(/differs from the saved version in: title/).waitFor();
    await shot(page, 'plan-form-conflict-en');
    expect(await field(stale, 'Title in English').inputValue()).toBe(
      'Interoperability of signal and EW units',
    );
    await stale.getByRole('button', { name: 'Save changes' }).click();
    await visible(page, `${code} has been saved.`);
    await expect
      .poll(() => page.locator(`tr[data-code="${code}"]`).innerText())
      .toContain('Interoperability of signal and EW units');

    // Open the item from the address (?item=), as the dashboard links to it.
    const itemId = (await page.locator(`tr[data-code="${code}"]`).getAttribute('data-item-id'))!;
    await page.goto(`${planUrl}?item=${itemId}`);
    await page
      .getByRole('dialog', { name: new RegExp(`^${code.replace('.', '\\.')} · `) })
      .waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('item')).toBeNull();

    // Add an activity below it with the keyboard: focus the row, press N.
    const objective = page.locator(`tr[data-code="${code}"]`);
    await objective.focus();
    await page.keyboard.press('n');
    const child = page.getByRole('dialog', { name: 'Add activity' });
    await field(child, 'Title in English').fill('Radio procedures course');
    await child.getByRole('button', { name: 'Add', exact: true }).click();
    await visible(page, /Radio procedures course has been added/);
    await page.locator(`tr[data-code="${code}.1"]`).waitFor();

    // Move the objective up with Alt+↑: codes renumber, the activity follows.
    const [chapterNo, place] = code.split('.');
    const upCode = `${chapterNo}.${Number(place) - 1}`;
    await objective.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await visible(page, `${code} has moved; it is now ${upCode}.`);
    const moved = page.locator(`tr[data-code="${upCode}"]`);
    await expect.poll(() => moved.innerText()).toContain('Interoperability of signal and EW units');
    await page.locator(`tr[data-code="${upCode}.1"]`).waitFor();

    // And back down through the menu's "Move to…", choosing the place at the end.
    await rowAction(page, upCode, 'Move to…');
    const moveDialog = page.getByRole('dialog', { name: `Move ${upCode}` });
    await field(moveDialog, 'Place').click();
    await page.getByRole('option', { name: 'At the end' }).click();
    await moveDialog.getByRole('button', { name: 'Move', exact: true }).click();
    await visible(page, `${upCode} has moved; it is now ${code}.`);
    await page.locator(`tr[data-code="${code}.1"]`).waitFor();

    // An item with items below it cannot be deleted; its activity can, and comes back on undo.
    await rowAction(page, code, 'Delete');
    await visible(page, /still has 1 item below it/);
    await page.getByRole('button', { name: 'Close', exact: true }).last().click();
    await rowAction(page, `${code}.1`, 'Delete');
    const confirm = page.getByRole('dialog', { name: `Delete ${code}.1?` });
    await confirm.getByText('“Radio procedures course”').waitFor();
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await visible(page, /Radio procedures course has been deleted/);
    await expect.poll(() => page.locator(`tr[data-code="${code}.1"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await visible(page, `The item is back as ${code}.1.`);
    await page.locator(`tr[data-code="${code}.1"]`).waitFor();

    // The same views in Serbian, both scripts.
    for (const language of ['sr-Latn', 'sr-Cyrl']) {
      await page.evaluate((l) => localStorage.setItem('liaison.language', l), language);
      await page.goto(`${planUrl}?overdue=1`);
      await page.locator('tr[data-code="2"]').waitFor({ timeout: 15_000 });
      await shot(page, `plan-filtered-${language}`);
      await page.goto(planUrl);
      await page.locator(`tr[data-code="2"]`).waitFor({ timeout: 15_000 });
      await page.locator('tr[data-code="2"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator(`tr[data-code="${code}"]`).focus();
      await page.keyboard.press('e');
      await page.getByRole('dialog').getByRole('textbox').first().waitFor();
      await shot(page, `plan-form-${language}`);
      await page.keyboard.press('Escape');
    }

    // The one refused save above is the 412 the browser logs; anything else is a problem.
    expect(problems.filter((p) => !p.includes('status of 412'))).toEqual([]);
    expect(problems.filter((p) => p.includes('status of 412'))).toHaveLength(1);
  });
});
