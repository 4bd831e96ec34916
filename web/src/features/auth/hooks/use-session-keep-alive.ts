import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../../../lib/api-client.js';
import { meQueryKey, useMe } from '../api/get-me.js';
import { keepSessionAlive } from '../api/keep-alive.js';

/** At most one keep-alive per interval, however busy the user is. */
const INTERVAL_MS = 5 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll'] as const;

/**
 * Sessions end after a period of inactivity on the server. Reading pages makes few requests, so
 * while a signed-in user is active (clicks, keys, scrolling) the session is refreshed now and then.
 * When the server says the session has ended, the app shows the user as signed out.
 */
export function useSessionKeepAlive(): void {
  const queryClient = useQueryClient();
  const signedIn = Boolean(useMe().data);

  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      keepSessionAlive().catch((error: unknown) => {
        if (isApiError(error) && error.status === 401) {
          queryClient.setQueryData(meQueryKey, null);
        }
      });
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity);
    };
  }, [signedIn, queryClient]);
}
