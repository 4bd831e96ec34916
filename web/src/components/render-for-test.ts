/** Renders a component to HTML for unit tests, inside the app's Mantine and i18next providers. */
import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { resources } from '@/lib/i18n.js';

/** The markup of `element` in `language` (en, sr-Latn, sr-Cyrl), with a router around it. */
export async function renderForTest(element: ReactElement, language = 'en'): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(MantineProvider, null, createElement(MemoryRouter, null, element)),
    ),
  );
}
