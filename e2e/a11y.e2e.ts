/**
 * axe-core on every main page in English and in Serbian Cyrillic: no serious or critical
 * violation. Each violation is printed with its rule, the page and the elements it names.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMainPage, prepareMainPages, useLanguage, type MainPage } from './main-pages.js';
import { launchChromium, startServer, type RunningServer } from './server.js';

describe('accessibility of every main page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pages: MainPage[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    // axe-core's Playwright runner needs a page of an explicit browser context.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    pages = await prepareMainPages(page, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function violationsIn(language: 'en' | 'sr-Cyrl'): Promise<string[]> {
    await useLanguage(page, language);
    const found: string[] = [];
    for (const target of pages) {
      await openMainPage(page, server.baseUrl, target, language);
      const result = await new AxeBuilder({ page }).analyze();
      for (const violation of result.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        const targets = violation.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 140)}`);
        found.push(
          `${target.name} (${language}): ${violation.id} [${violation.impact}] ${violation.help} — ${targets.join(' | ')}`,
        );
      }
    }
    if (found.length > 0) console.log(found.join('\n'));
    return found;
  }

  it('has no serious or critical violation in English', { timeout: 300_000 }, async () => {
    expect(await violationsIn('en')).toEqual([]);
  });

  it('has no serious or critical violation in Serbian Cyrillic', { timeout: 300_000 }, async () => {
    expect(await violationsIn('sr-Cyrl')).toEqual([]);
  });
});
