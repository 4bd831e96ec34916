/**
 * The interface language follows the account: on sign-in (or a page load with a session) the
 * language saved on the account is applied, and a language chosen while signed in is saved on the
 * account (POST /auth/locale), so it follows the user to another browser.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api-client.js';
import { isLanguage, toLanguage, type Language } from './locale.js';

/** POST /auth/locale — saves the interface language on the signed-in account. */
export function saveAccountLanguage(locale: Language): Promise<unknown> {
  return api.post('/auth/locale', { locale });
}

/** The language saved on an account as /auth/me reports it, if it is one of ours. */
export function savedLanguageOf(user: object | null | undefined): Language | null {
  const locale = (user as { locale?: unknown } | null | undefined)?.locale;
  return isLanguage(locale) ? locale : null;
}

/** Keeps the interface language and the account's saved language in step while signed in. */
export function useAccountLanguage(user: { id: string } | null | undefined): void {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  // Which account the saved language was applied for, and what the account holds now.
  const appliedFor = useRef<string | null>(null);
  const saved = useRef<Language | null>(null);
  const userId = user?.id ?? null;
  const savedLanguage = savedLanguageOf(user);

  useEffect(() => {
    if (!userId) {
      appliedFor.current = null;
      saved.current = null;
      return;
    }
    if (appliedFor.current === userId) return;
    appliedFor.current = userId;
    saved.current = savedLanguage;
    if (savedLanguage && savedLanguage !== toLanguage(i18n.language)) {
      void i18n.changeLanguage(savedLanguage);
    }
  }, [userId, savedLanguage, i18n]);

  useEffect(() => {
    const onChange = (tag: string) => {
      const language = toLanguage(tag);
      if (!appliedFor.current || saved.current === language) return;
      saved.current = language;
      saveAccountLanguage(language)
        .then(() => queryClient.invalidateQueries({ queryKey: ['auth', 'me'] }))
        // Not saved (offline, signed out meanwhile): the browser still remembers the choice.
        .catch(() => {
          saved.current = null;
        });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n, queryClient]);
}
