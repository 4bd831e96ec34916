/**
 * Signing in as the bench user (session cookie + CSRF token, as the web app does) and the bodies
 * the write scenarios send.
 */
import type { Pools } from './prepare.js';

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('liaison_session='));
  if (response.status !== 200 || !cookie || !body.csrfToken) {
    throw new Error(`Sign-in failed (${response.status}): ${JSON.stringify(body)}`);
  }
  return { cookie, csrfToken: body.csrfToken };
}

export const STATUSES = ['ongoing', 'partially_implemented', 'implemented', 'postponed'] as const;

/** Headers of a signed-in request (reads) and of a JSON write. */
export function headersOf(session: Session) {
  const auth = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  return { auth, json: { ...auth, 'content-type': 'application/json' } };
}

/** Bodies of new activities, under the visible objectives in rotation. */
export function createBodies(p: Pools) {
  let created = 0;
  return () => {
    created += 1;
    return JSON.stringify({
      planId: p.planId,
      parentId: p.parentIds[created % p.parentIds.length],
      title: { en: `Benchmark activity ${created}`, sr: `Активност за мерење ${created}` },
      status: 'not_started',
      dueOn: '2027-Q2',
    });
  };
}
