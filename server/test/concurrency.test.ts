/**
 * Concurrency suite: the real app LISTENING on a loopback port, on both databases, hit by real
 * parallel HTTP requests (fetch), so PostgreSQL's pool runs them in separate transactions at the
 * same time. Each test checks an invariant that a read-modify-write race would break: codes and
 * positions unique and dense, exactly one winner of an If-Match race, exactly one import commit,
 * exactly one report transition, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/audit-log.js';
import { createUser } from '../auth/users.js';
import { testDatabases } from './databases.js';
import { startTestApp, type Session, type TestApp } from './harness.js';

interface ItemOut {
  id: string;
  code: string;
  parentId: string | null;
  position: number;
  depth: number;
  version: number;
  status: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  etag: string | null;
}

const N = 10;

describe.each(testDatabases)('concurrent writers on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let coordinator: Session;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the app is not listening');
    base = `http://127.0.0.1:${address.port}/api/v1`;
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  /** One real HTTP request over the loopback interface. */
  async function call(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
    session: Session = coordinator,
  ): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...session.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      etag: response.headers.get('etag'),
    };
  }

  /** A fresh plan of three levels with one chapter, so each test starts from its own data. */
  async function newPlan() {
    counter += 1;
    const plan = await call('POST', '/plans', {
      code: `CONC-${kind}-${counter}`,
      title: { en: `Concurrency plan ${counter}` },
      template: 'national',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    return plan.body.id as string;
  }

  async function createItem(planId: string, parentId: string | null, title: string) {
    const res = await call('POST', '/plan-items', {
      planId,
      ...(parentId ? { parentId } : {}),
      title: { en: title },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as ItemOut;
  }

  /** Every live item of the plan, straight from the table (hidden ones included). */
  async function liveItems(planId: string) {
    return t.db.kysely
      .selectFrom('plan_items')
      .select(['id', 'parent_id', 'position', 'code', 'depth', 'version'])
      .where('plan_id', '=', planId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** Codes unique in the plan; under every parent, positions 1..n and codes parent.code + n. */
  async function expectDenseAndUnique(planId: string) {
    const rows = await liveItems(planId);
    const codes = rows.map((r) => r.code);
    expect(new Set(codes).size, `duplicate codes: ${codes.sort().join(' ')}`).toBe(codes.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const groups = new Map<string, typeof rows>();
    for (const r of rows)
      groups.set(r.parent_id ?? '', [...(groups.get(r.parent_id ?? '') ?? []), r]);
    for (const [parentId, children] of groups) {
      const parent = parentId ? byId.get(parentId) : undefined;
      const sorted = [...children].sort((a, b) => a.position - b.position);
      expect(sorted.map((c) => c.position)).toEqual(sorted.map((_, i) => i + 1));
      expect(sorted.map((c) => c.code)).toEqual(
        sorted.map((_, i) => (parent ? `${parent.code}.${i + 1}` : String(i + 1))),
      );
      for (const c of children) expect(c.depth).toBe(parent ? parent.depth + 1 : 0);
    }
    return rows;
  }

  const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();

  it(`${N} concurrent creates under one parent get ${N} distinct codes`, async () => {
    const planId = await newPlan();
    const chapter = await createItem(planId, null, 'Chapter');
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call('POST', '/plan-items', {
          planId,
          parentId: chapter.id,
          title: { en: `Objective ${i}` },
        }),
      ),
    );
    expect(statuses(answers)).toEqual(Array(N).fill(201));
    const codes = answers.map((a) => a.body.code as string).sort();
    expect(new Set(codes).size).toBe(N);
    expect(codes).toEqual(Array.from({ length: N }, (_, i) => `${chapter.code}.${i + 1}`).sort());
    await expectDenseAndUnique(planId);
  });

  it('concurrent top-level creates in one plan get distinct codes', async () => {
    const planId = await newPlan();
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call('POST', '/plan-items', { planId, title: { en: `Chapter ${i}` } }),
      ),
    );
    expect(statuses(answers)).toEqual(Array(N).fill(201));
    await expectDenseAndUnique(planId);
  });

  it('concurrent moves, reorders, deletes and restores keep codes and positions unique and dense', async () => {
    const planId = await newPlan();
    const a = await createItem(planId, null, 'Chapter A');
    const b = await createItem(planId, null, 'Chapter B');
    const children: ItemOut[] = [];
    for (let i = 0; i < 8; i++) children.push(await createItem(planId, a.id, `A child ${i}`));
    // Grandchildren follow their parent's code when it is renumbered.
    for (const child of children.slice(0, 4)) await createItem(planId, child.id, 'Activity');
    const gone = await createItem(planId, b.id, 'Deleted, then restored');
    const del = await call('DELETE', `/plan-items/${gone.id}`, undefined, { 'if-match': '*' });
    expect(del.status).toBe(204);

    const answers = await Promise.all([
      // Moves to the other chapter, at the front or the end.
      call(
        'PATCH',
        `/plan-items/${children[0]!.id}`,
        { parentId: b.id, position: 1 },
        { 'if-match': '*' },
      ),
      call('PATCH', `/plan-items/${children[1]!.id}`, { parentId: b.id }, { 'if-match': '*' }),
      call(
        'PATCH',
        `/plan-items/${children[2]!.id}`,
        { parentId: b.id, position: 1 },
        { 'if-match': '*' },
      ),
      // Reorders among the siblings.
      call('PATCH', `/plan-items/${children[7]!.id}`, { position: 1 }, { 'if-match': '*' }),
      call('PATCH', `/plan-items/${children[5]!.id}`, { position: 2 }, { 'if-match': '*' }),
      call('PATCH', `/plan-items/${children[3]!.id}`, { position: 8 }, { 'if-match': '*' }),
      // A delete and a restore, and creates on both sides.
      call('DELETE', `/plan-items/${children[6]!.id}`, undefined, { 'if-match': '*' }),
      call('POST', `/plan-items/${gone.id}/restore`),
      call('POST', '/plan-items', { planId, parentId: a.id, title: { en: 'New in A' } }),
      call('POST', '/plan-items', { planId, parentId: b.id, title: { en: 'New in B' } }),
      // A move of a chapter's whole subtree under the other chapter's child is refused by depth,
      // but a swap of the chapters' order renumbers both subtrees at once.
      call('PATCH', `/plan-items/${b.id}`, { position: 1 }, { 'if-match': '*' }),
    ]);
    for (const answer of answers)
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    const rows = await expectDenseAndUnique(planId);
    expect(rows.filter((r) => r.parent_id === b.id)).toHaveLength(5);
    expect(rows.filter((r) => r.parent_id === a.id)).toHaveLength(5);
  });

  it('concurrent status updates with the same If-Match: exactly one 200, the rest 412', async () => {
    const planId = await newPlan();
    const chapter = await createItem(planId, null, 'Chapter');
    const item = await createItem(planId, chapter.id, 'Objective');
    const etag = `"${item.version}"`;
    const answers = await Promise.all(
      ['ongoing', 'implemented', 'postponed', 'not_implemented', 'cancelled', 'continuous'].map(
        (s) => call('PATCH', `/plan-items/${item.id}`, { status: s }, { 'if-match': etag }),
      ),
    );
    expect(statuses(answers)).toEqual([200, 412, 412, 412, 412, 412]);
    const winner = answers.find((a) => a.status === 200)!;
    expect(winner.body.version).toBe(item.version + 1);
  });

  it('concurrent indicator changes and deletes with the same If-Match: exactly one wins', async () => {
    const planId = await newPlan();
    const chapter = await createItem(planId, null, 'Chapter');
    const item = await createItem(planId, chapter.id, 'Objective');
    const created = await call('POST', `/plan-items/${item.id}/indicators`, {
      kind: 'quantitative',
      name: { en: 'Officers trained' },
      unit: 'people',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const etag = created.etag ?? `"${created.body.version}"`;
    const changes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('PATCH', `/indicators/${id}`, { unit: `unit ${i}` }, { 'if-match': etag }),
      ),
    );
    expect(statuses(changes)).toEqual([200, 412, 412, 412, 412, 412]);
    const current = changes.find((a) => a.status === 200)!;
    const tag = current.etag ?? `"${current.body.version}"`;
    const deletes = await Promise.all(
      Array.from({ length: 4 }, () =>
        call('DELETE', `/indicators/${id}`, undefined, { 'if-match': tag }),
      ),
    );
    // The losers find it deleted (404), or — when they read it before the winner committed —
    // changed since their If-Match (412).
    expect(deletes.filter((a) => a.status === 204)).toHaveLength(1);
    for (const a of deletes) expect([204, 404, 412]).toContain(a.status);
  });

  it('a burst of wrong passwords in parallel still locks the account', async () => {
    const email = `burst.${kind}@example.test`;
    const password = 'a long and correct passphrase';
    await createUser(t.db, new AuditLog(t.db.dialect), { email, role: 'viewer', password });
    const login = (pw: string) =>
      fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: pw }),
      }).then((r) => r.status);
    const wrong = await Promise.all(Array.from({ length: 8 }, (_, i) => login(`wrong ${i}`)));
    expect(wrong).toEqual(Array(8).fill(401));
    // Five failures lock the account: the right password is refused for a while.
    expect(await login(password)).toBe(401);
  });

  it('two crossing moves in the organisation tree: one passes, the other would loop', async () => {
    const admin = await t.signIn('administrator');
    const organisation = async (name: string) => {
      const res = await call(
        'POST',
        '/organisations',
        {
          kind: 'ministry',
          side: 'partner',
          nation: 'RS',
          name: { en: name },
          label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
        },
        {},
        admin,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    for (let round = 0; round < 3; round++) {
      const a = await organisation(`Crossing A ${round}`);
      const b = await organisation(`Crossing B ${round}`);
      const answers = await Promise.all([
        call('PATCH', `/organisations/${a}`, { parentId: b }, { 'if-match': '*' }, admin),
        call('PATCH', `/organisations/${b}`, { parentId: a }, { 'if-match': '*' }, admin),
      ]);
      expect(statuses(answers)).toEqual([200, 422]);
      const rows = await t.db.kysely
        .selectFrom('organisations')
        .select(['id', 'parent_id'])
        .where('id', 'in', [a, b])
        .execute();
      expect(rows.filter((r) => r.parent_id !== null)).toHaveLength(1);
    }
  });

  it('a unit added while its parent is deleted: never a live unit below a deleted organisation', async () => {
    const admin = await t.signIn('administrator');
    const body = (name: string, parentId?: string) => ({
      kind: 'ministry',
      side: 'partner',
      nation: 'RS',
      name: { en: name },
      label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
      ...(parentId ? { parentId } : {}),
    });
    for (let round = 0; round < 4; round++) {
      const created = await call('POST', '/organisations', body(`Parent ${round}`), {}, admin);
      expect(created.status).toBe(201);
      const parent = created.body.id as string;
      const answers = await Promise.all([
        call('DELETE', `/organisations/${parent}`, undefined, { 'if-match': '*' }, admin),
        call('POST', '/organisations', body(`Unit ${round}`, parent), {}, admin),
      ]);
      // Either the delete came first (the unit's parent is gone: 422) or the unit did (409).
      expect([
        [201, 409],
        [204, 422],
      ]).toContainEqual(statuses(answers));
      const orphans = await t.db.kysely
        .selectFrom('organisations as c')
        .innerJoin('organisations as p', 'p.id', 'c.parent_id')
        .select('c.id')
        .where('p.id', '=', parent)
        .where('c.deleted_at', 'is', null)
        .where('p.deleted_at', 'is not', null)
        .execute();
      expect(orphans).toEqual([]);
    }
  });

  it('concurrent import commits into one plan: exactly one succeeds, the others get 409', async () => {
    const planId = await newPlan();
    await createItem(planId, null, 'Chapter');
    const csv = (title: string) =>
      `Code;Parent code;Level;Title (English)\n;1;2;${title} one\n;1;2;${title} two\n`;
    const upload = async (title: string) => {
      const res = await call('POST', `/plans/${planId}/imports`, {
        fileName: 'plan.csv',
        content: Buffer.from(csv(title)).toString('base64'),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body.id as string;
    };
    const settle = async (id: string) => {
      for (let i = 0; i < 2000; i++) {
        const res = await call('GET', `/imports/${id}`);
        if (['validated', 'failed', 'committed'].includes(res.body.status as string))
          return res.body;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the import never finished');
    };
    const jobs = [];
    for (const title of ['First', 'Second', 'Third', 'Fourth']) jobs.push(await upload(title));
    for (const id of jobs) expect((await settle(id)).status).toBe('validated');

    const answers = await Promise.all(jobs.map((id) => call('POST', `/imports/${id}/commit`)));
    expect(statuses(answers)).toEqual([202, 409, 409, 409]);
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect((loser.body.error as { message: string }).message).toMatch(/dry run/);
    }
    const winner = jobs[answers.findIndex((a) => a.status === 202)]!;
    expect((await settle(winner)).status).toBe('committed');
    // The others stay checked but uncommitted; committing one now is refused: the plan changed.
    const losers = jobs.filter((id) => id !== winner);
    for (const id of losers) expect((await settle(id)).status).toBe('validated');
    expect((await call('POST', `/imports/${losers[0]}/commit`)).status).toBe(409);
    const rows = await expectDenseAndUnique(planId);
    expect(rows).toHaveLength(3);
  });

  it('concurrent report transitions on one report: exactly one wins, no 5xx', async () => {
    const planId = await newPlan();
    const chapter = await createItem(planId, null, 'Chapter');
    const item = await createItem(planId, chapter.id, 'Objective');
    const period = await call('POST', `/plans/${planId}/periods`, {
      kind: 'quarter',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      title: 'Q1 2026',
    });
    expect(period.status).toBe(201);
    const draft = await call('PUT', `/periods/${period.body.id}/items/${item.id}/report`, {
      itemStatus: 'ongoing',
      progress: 40,
    });
    expect(draft.status).toBe(201);
    const reportId = draft.body.id as string;
    const etag = draft.etag ?? `"${draft.body.version}"`;

    const submits = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('POST', `/reports/${reportId}/submit`, undefined, { 'if-match': etag }),
      ),
    );
    expect(submits.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of submits) expect([200, 409, 412]).toContain(a.status);
    const submitted = submits.find((a) => a.status === 200)!;
    const submittedTag = submitted.etag ?? `"${submitted.body.version}"`;

    const reviews = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        call('POST', `/reports/${reportId}/approve`, undefined, { 'if-match': submittedTag }),
      ),
      call(
        'POST',
        `/reports/${reportId}/return`,
        { comment: 'Say more' },
        { 'if-match': submittedTag },
      ),
    ]);
    expect(reviews.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of reviews) expect([200, 409, 412]).toContain(a.status);
    const report = await t.db.kysely
      .selectFrom('progress_reports')
      .select(['status', 'version'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(report.version).toBe((draft.body.version as number) + 2);
    // An approval writes the item's status once, with one version step.
    const after = await t.db.kysely
      .selectFrom('plan_items')
      .select(['status', 'version'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    if (report.status === 'approved') {
      expect(after).toEqual({ status: 'ongoing', version: item.version + 1 });
    } else {
      expect(after).toEqual({ status: item.status, version: item.version });
    }
  });
});
