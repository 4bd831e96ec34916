/**
 * Every main page at a phone's width (390 × 844) and at 1440 px: nothing may stick out past the
 * right edge of the window — neither the page as a whole (a page that scrolls sideways) nor any
 * element that no scrolling box holds in. Each finding names the page, the language and the element.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  horizontalOverflow,
  openMainPage,
  prepareMainPages,
  useLanguage,
  type MainPage,
} from './main-pages.js';
import { launchChromium, startServer, type RunningServer } from './server.js';

describe('every main page fits the window', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pages: MainPage[];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    pages = await prepareMainPages(page, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function findingsAt(
    width: number,
    height: number,
    language: 'en' | 'sr-Latn' | 'sr-Cyrl',
  ): Promise<string[]> {
    await page.setViewportSize({ width, height });
    await useLanguage(page, language);
    const findings: string[] = [];
    for (const target of pages) {
      await openMainPage(page, server.baseUrl, target, language);
      for (const finding of await horizontalOverflow(page))
        findings.push(`${target.name} (${language}, ${width} px): ${finding}`);
    }
    if (findings.length > 0) console.log(findings.join('\n'));
    return findings;
  }

  it('on a phone, 390 px wide, in English', { timeout: 300_000 }, async () => {
    expect(await findingsAt(390, 844, 'en')).toEqual([]);
  });

  it('on a phone, 390 px wide, in Serbian Cyrillic', { timeout: 300_000 }, async () => {
    expect(await findingsAt(390, 844, 'sr-Cyrl')).toEqual([]);
  });

  it('on a wide screen, 1440 px, in English', { timeout: 300_000 }, async () => {
    expect(await findingsAt(1440, 900, 'en')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
