import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../lib/i18n.js';
import { ListPager } from './list-pager.js';

async function render(language: string, totalIsLowerBound: boolean) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  const pager = createElement(ListPager, {
    page: 1,
    pageSize: 50,
    total: 10_000,
    totalIsLowerBound,
    onChange: () => undefined,
  });
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, pager)),
  );
}

describe('ListPager', () => {
  it('shows a capped total as "10,000+" and explains it, in each language', async () => {
    const en = await render('en', true);
    expect(en).toContain('1–50 of 10,000+');
    expect(en).toContain('More than 10,000 records match');
    expect(await render('sr-Latn', true)).toContain('1–50 od 10.000+');
    expect(await render('sr-Cyrl', true)).toContain('1–50 од 10.000+');
  });

  it('shows an exact total without the plus', async () => {
    const en = await render('en', false);
    expect(en).toContain('1–50 of 10,000<');
    expect(en).not.toContain('More than');
  });
});
