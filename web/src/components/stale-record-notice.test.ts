import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderForTest } from '@/components/render-for-test.js';
import { StaleRecordNotice } from '@/components/stale-record-notice.js';

const noop = () => undefined;

describe('StaleRecordNotice', () => {
  it('says nothing was overwritten and offers the saved version, in each language', async () => {
    const stale = createElement(StaleRecordNotice, {
      conflict: { state: 'stale' },
      onReload: noop,
    });
    const en = await renderForTest(stale, 'en');
    expect(en).toContain('role="alert"');
    expect(en).toContain('nothing was overwritten');
    expect(en).toContain('Load the saved version');
    expect(await renderForTest(stale, 'sr-Latn')).toContain('Učitaj sačuvanu verziju');
    expect(await renderForTest(stale, 'sr-Cyrl')).toContain('Учитај сачувану верзију');
  });

  it('after a refused delete says nothing was deleted, and offers no reload it was not given', async () => {
    const html = await renderForTest(
      createElement(StaleRecordNotice, { action: 'delete', conflict: { state: 'stale' } }),
    );
    expect(html).toContain('Nothing was deleted');
    expect(html).not.toContain('<button');
  });

  it('after the reload names the fields that differ and offers to take the saved values', async () => {
    const html = await renderForTest(
      createElement(StaleRecordNotice, {
        conflict: { state: 'reloaded', fields: ['Title', 'Due date'] },
        onUseSaved: noop,
        onKeepMine: noop,
      }),
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('differs from the saved version in: Title, Due date');
    expect(html).toContain('Discard mine and use the saved version');
    expect(html).toContain('Keep my values');
  });

  it('after the reload with nothing differing only says so', async () => {
    const html = await renderForTest(
      createElement(StaleRecordNotice, {
        conflict: { state: 'reloaded', fields: [] },
        onUseSaved: noop,
      }),
    );
    expect(html).toContain('agree on every field you changed');
    expect(html).not.toContain('<button');
  });
});
