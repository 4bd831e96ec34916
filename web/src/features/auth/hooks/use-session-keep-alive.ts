import { useEffect } from 'react';
import { useMe } from '../api/get-me.js';
import { keepSessionAlive } from '../api/keep-alive.js';

/** At most one keep-alive per interval, however busy the user is. */
const INTERVAL_MS = 5 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'scroll'] as const;

/**
 * Sessions end after a period of inactivity on the server. Reading pages makes few requests, so
 * while a signed-in user is active (clicks, keys, scrolling) the session is refreshed now and then.
 * When the server says the session has ended, useSessionExpiry sends the user to sign in again.
 */
export function useSessionKeepAlive(): void {
  const signedIn = Boolean(useMe().data);

  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      // A 401 is handled by useSessionExpiry; other failures only mean trying again later.
      keepSessionAlive().catch(() => undefined);
    };
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, onActivity, { passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity);
    };
  }, [signedIn]);
}
