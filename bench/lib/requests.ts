/**
 * What the benchmark sends: signing in as the bench user (session cookie + CSRF token, as the web
 * app does) and the request shapes of each scenario, drawing ids from the pools in rotation.
 */
import type autocannon from 'autocannon';
import { SYNTHETIC_COMMON_WORD } from '../../server/seed/synthetic.js';
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

const STATUSES = ['ongoing', 'partially_implemented', 'implemented', 'postponed'] as const;

/** The request shapes the scenarios send, each drawing from the id pools in rotation. */
export function requestFactory(p: Pools, session: Session) {
  const auth = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const json = { ...auth, 'content-type': 'application/json' };
  let page = 0;
  let read = 0;
  let parent = 0;
  let created = 0;
  let update = 0;
  /** Current ETag per item in the update pool; items that answered 412 leave the rotation. */
  const etags = new Map<string, string>();
  const updatable: string[] = [];

  const list: autocannon.Request = {
    method: 'GET',
    headers: auth,
    setupRequest: (req) => ({
      ...req,
      path: `/api/v1/plans/${p.planId}/items?page=${1 + (page++ % 20)}&pageSize=50`,
    }),
  };
  const single: autocannon.Request = {
    method: 'GET',
    headers: auth,
    setupRequest: (req) => ({
      ...req,
      path: `/api/v1/plan-items/${p.readIds[read++ % p.readIds.length]}`,
    }),
  };
  const selective: autocannon.Request = {
    method: 'GET',
    headers: auth,
    path: `/api/v1/timeline-events?q=${encodeURIComponent(p.rareWord)}`,
  };
  const common: autocannon.Request = {
    method: 'GET',
    headers: auth,
    path: `/api/v1/timeline-events?q=${SYNTHETIC_COMMON_WORD}`,
  };
  const createBody = () => {
    created += 1;
    return JSON.stringify({
      planId: p.planId,
      parentId: p.parentIds[parent++ % p.parentIds.length],
      title: { en: `Benchmark activity ${created}`, sr: `Активност за мерење ${created}` },
      status: 'not_started',
      dueOn: '2027-Q2',
    });
  };
  const create: autocannon.Request = {
    method: 'POST',
    path: '/api/v1/plan-items',
    headers: json,
    setupRequest: (req) => ({ ...req, body: createBody() }),
  };
  const patch: autocannon.Request = {
    method: 'PATCH',
    setupRequest: (req, context) => {
      const id = updatable[update++ % updatable.length]!;
      (context as { id?: string }).id = id;
      return {
        ...req,
        path: `/api/v1/plan-items/${id}`,
        headers: { ...json, 'if-match': etags.get(id)! },
        body: JSON.stringify({ status: STATUSES[update % STATUSES.length] }),
      };
    },
    onResponse: (status, _body, context, headers) => {
      const id = (context as { id?: string }).id;
      if (!id) return;
      const etag = headers?.etag;
      if (status === 200 && typeof etag === 'string') etags.set(id, etag);
      else if (status === 412 && updatable.length > 1) updatable.splice(updatable.indexOf(id), 1);
    },
  };

  return {
    list,
    single,
    selective,
    common,
    create,
    patch,
    createBody,
    json,
    /** Reads the current ETag of every item in the update pool (10 at a time). */
    async loadEtags(base: string) {
      for (let i = 0; i < p.updateIds.length; i += 10) {
        await Promise.all(
          p.updateIds.slice(i, i + 10).map(async (id) => {
            const response = await fetch(`${base}/api/v1/plan-items/${id}`, { headers: auth });
            await response.arrayBuffer();
            const etag = response.headers.get('etag');
            if (response.status === 200 && etag) {
              etags.set(id, etag);
              updatable.push(id);
            }
          }),
        );
      }
      if (updatable.length === 0) {
        const probe = await fetch(`${base}/api/v1/plan-items/${p.updateIds[0]}`, { headers: auth });
        throw new Error(
          `No item of the update pool (${p.updateIds.length}) could be read: ${probe.status} ${await probe.text()}`,
        );
      }
    },
  };
}
