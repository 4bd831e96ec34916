import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client.js';
import { renderForTest } from '@/components/render-for-test.js';
import { PlanPageShell, planPageState, type ShellQuery } from '@/components/plan-page-shell.js';

const ready: ShellQuery = { isPending: false, error: null, refetch: () => undefined };
const pending: ShellQuery = { isPending: true, error: null, refetch: () => undefined };
const failing = (error: unknown): ShellQuery => ({
  isPending: false,
  error,
  refetch: () => undefined,
});
const missing = failing(new ApiError(404, 'not_found', 'Plan was not found.'));
const down = failing(new ApiError(0, 'network_error', 'down'));

describe('planPageState', () => {
  it('is ready only when every query has its data', () => {
    expect(planPageState([ready, ready])).toBe('ready');
    expect(planPageState([ready, pending])).toBe('loading');
  });

  it('says not found as soon as one query does, even while another still loads or fails', () => {
    expect(planPageState([pending, missing])).toBe('not-found');
    expect(planPageState([down, missing])).toBe('not-found');
    expect(planPageState([ready, failing(new ApiError(400, 'validation_failed', 'id'))])).toBe(
      'not-found',
    );
    expect(planPageState([ready, ready], true)).toBe('not-found');
  });

  it('shows a failure rather than loading forever', () => {
    expect(planPageState([pending, down])).toBe('error');
  });
});

const shell = (props: Partial<Parameters<typeof PlanPageShell>[0]>) =>
  createElement(PlanPageShell, {
    planId: 'p-1',
    planTitle: 'National programme 2027',
    queries: [ready],
    children: () => createElement('p', null, 'PAGE BODY'),
    ...props,
  });

describe('PlanPageShell', () => {
  it('shows Plans › plan › page as breadcrumbs, the page last and current, and the page body', async () => {
    const html = await renderForTest(shell({ current: 'Reporting' }));
    expect(html).toMatch(
      /href="\/plans"[^>]*>Action plans<.*href="\/plans\/p-1"[^>]*>National programme 2027<.*aria-current="page"[^>]*>Reporting</s,
    );
    expect(html).toContain('PAGE BODY');
  });

  it("on the plan's own page makes the plan the current crumb", async () => {
    const html = await renderForTest(shell({}));
    expect(html).toMatch(/aria-current="page"[^>]*>National programme 2027</);
    expect(html).not.toContain('href="/plans/p-1"');
  });

  it('shows "…" for what is still loading, and not the page body', async () => {
    const html = await renderForTest(shell({ planTitle: null, current: null, queries: [pending] }));
    expect(html).toMatch(/href="\/plans\/p-1"[^>]*>…</);
    expect(html).not.toContain('PAGE BODY');
  });

  it('says not found with a way back to the plan, in each language', async () => {
    const page = shell({ current: 'Dashboard', queries: [missing] });
    const en = await renderForTest(page, 'en');
    expect(en).toContain('This plan was not found');
    expect(en).toMatch(/href="\/plans\/p-1"[^>]*>.*Back to the plan/s);
    expect(en).not.toContain('PAGE BODY');
    expect(await renderForTest(page, 'sr-Latn')).toContain('Ovaj plan nije pronađen');
    expect(await renderForTest(page, 'sr-Cyrl')).toContain('Овај план није пронађен');
  });

  it("takes the page's own not-found sentence", async () => {
    const html = await renderForTest(
      shell({ current: '1.2', notFound: true, notFoundTitle: 'This item was not found.' }),
    );
    expect(html).toContain('This item was not found.');
  });

  it("says a failure with a retry, in the reader's words", async () => {
    const html = await renderForTest(shell({ current: 'Dashboard', queries: [ready, down] }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('The plan could not be loaded.');
    expect(html).toContain('Try again');
    expect(html).not.toContain('PAGE BODY');
  });
});
