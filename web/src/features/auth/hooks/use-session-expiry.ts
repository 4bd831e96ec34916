import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { paths } from '../../../config/paths.js';
import { onUnauthenticated, setCsrfToken } from '../../../lib/api-client.js';
import { meQueryKey, type Me } from '../api/get-me.js';
import { markSessionEnded } from '../utils/session-ended.js';

/** 401 from these is an answer about the credentials typed, not about the session. */
const NOT_ABOUT_THE_SESSION = new Set(['/auth/login']);

/**
 * A signed-in user whose session ends on the server (idle too long, signed out elsewhere, account
 * disabled) learns it from the next API call that answers 401: the app forgets the user and what
 * only they could see, and opens the sign-in page, which brings them back here afterwards.
 */
export function useSessionExpiry(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;

  useEffect(
    () =>
      onUnauthenticated((path) => {
        if (NOT_ABOUT_THE_SESSION.has(path)) return;
        const me = queryClient.getQueryData<Me | null>(meQueryKey);
        if (!me) return;
        setCsrfToken(null);
        queryClient.setQueryData(meQueryKey, null);
        void queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
        markSessionEnded();
        void navigate(paths.signInThen(here), { replace: true });
      }),
    [queryClient, navigate, here],
  );
}
