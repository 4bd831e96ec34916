/**
 * Remembers, for the sign-in page, that the user was sent there because their session ended.
 * Kept in sessionStorage rather than in the navigation's state: several parts of the app may
 * redirect to sign-in at the same moment, and the notice must survive whichever one wins.
 */
const KEY = 'liaison.sessionEnded';

export function markSessionEnded(): void {
  try {
    window.sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage may be blocked; the user is still sent to sign in, only without the notice.
  }
}

/** Whether the last session ended by itself since the notice was last shown. */
export function sessionHasEnded(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Forgets it once the notice has been shown. */
export function forgetSessionEnded(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
