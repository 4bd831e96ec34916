/**
 * Codes and positions: every row a renumbering moves — hidden ones included — takes its next
 * version and an audit entry; the database refuses two live items in one place; a restored item
 * takes its old place back; migration 0014's repair numbers a damaged plan densely.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import * as migration0014 from '../../db/migrations/0014_plan_item_unique_order.js';

const { denseNumbering } = migration0014;

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

describe('the repair of migration 0014', () => {
  const row = (
    id: string,
    parent_id: string | null,
    position: number,
    code: string,
    depth = 0,
  ) => ({
    id,
    parent_id,
    position,
    code,
    depth,
    version: 1,
    created_at: `2026-01-01T00:00:0${id.length}Z`,
  });

  it('numbers duplicates and gaps densely, children following their parent', () => {
    const changes = denseNumbering([
      row('a', null, 1, '1'),
      row('b', null, 1, '1'),
      row('c', null, 4, '4'),
      row('a1', 'a', 1, '1.1', 1),
      row('b1', 'b', 1, '1.1', 1),
      row('b2', 'b', 1, '1.1', 1),
    ]);
    const after = new Map(changes.map((c) => [c.id, `${c.position}:${c.code}`]));
    expect(Object.fromEntries(after)).toEqual({
      b: '2:2',
      c: '3:3',
      b1: '1:2.1',
      b2: '2:2.2',
    });
  });

  it('leaves a well-numbered plan alone', () => {
    expect(
      denseNumbering([row('a', null, 1, '1'), row('b', null, 2, '2'), row('a1', 'a', 1, '1.1', 1)]),
    ).toEqual([]);
  });
});

describe.each(testDatabases)('renumbering on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let insider: Session;
  let outsider: Session;
  let ownOrg: string;
  let counter = 0;

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: Session,
    payload?: object,
  ) =>
    t.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        ...who.headers,
        ...(method === 'GET' || method === 'POST' ? {} : { 'if-match': '*' }),
      },
      ...(payload ? { payload } : {}),
    });
  const ok = async (method: 'POST' | 'PATCH', url: string, who: Session, payload: object) => {
    const res = await call(method, url, who, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const userId = async (s: Session) => (await call('GET', '/auth/me', s)).json().user.id as string;
  const row = (id: string) =>
    t.db.kysely
      .selectFrom('plan_items')
      .select(['code', 'position', 'version', 'updated_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audits = (id: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before_state', 'after_state'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    ownOrg = (
      await ok('POST', '/organisations', admin, {
        kind: 'ministry',
        side: 'partner',
        nation: 'RS',
        name: { en: 'Originating ministry' },
        label: PUBLIC,
      })
    ).id;
    insider = await t.signIn('coordinator');
    outsider = await t.signIn('coordinator');
    const joined = await call('PATCH', `/users/${await userId(insider)}`, admin, {
      organisationIds: [ownOrg],
    });
    expect(joined.statusCode, joined.body).toBe(200);
  });
  afterAll(() => t.close());

  /** A public plan with one public chapter; returns their ids. */
  async function planWithChapter() {
    counter += 1;
    const planId = (
      await ok('POST', '/plans', insider, {
        code: `RENUM-${counter}`,
        title: { en: 'Renumbering' },
        template: 'national',
        label: PUBLIC,
      })
    ).id as string;
    const chapter = (
      await ok('POST', '/plan-items', insider, { planId, title: { en: 'Chapter' }, label: PUBLIC })
    ).id as string;
    return { planId, chapter };
  }
  const item = async (planId: string, parentId: string, label: object, who = insider) =>
    (
      await ok('POST', '/plan-items', who, {
        planId,
        parentId,
        title: { en: `Item ${Math.random().toString(36).slice(2, 7)}` },
        label,
      })
    ).id as string;

  it('a reorder versions and audits the hidden sibling it renumbers', async () => {
    const { planId, chapter } = await planWithChapter();
    const hidden = await item(planId, chapter, {
      policy: 'NATO',
      level: 'NATO_UNCLASSIFIED',
      releasableTo: ['NATO'],
      originatorId: ownOrg,
    });
    const visible = await item(planId, chapter, PUBLIC);
    expect((await call('GET', `/plan-items/${hidden}`, outsider)).statusCode).toBe(404);
    const before = await row(hidden);
    expect(before).toMatchObject({ code: '1.1', position: 1 });

    const moved = await call('PATCH', `/plan-items/${visible}`, outsider, { position: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ code: '1.1', position: 1 });
    expect(await row(hidden)).toMatchObject({
      code: '1.2',
      position: 2,
      version: before.version + 1,
      updated_by: await userId(outsider),
    });
    const last = (await audits(hidden)).at(-1)!;
    expect(last.action).toBe('plan_item.renumber');
    expect(JSON.parse(last.before_state!)).toMatchObject({ code: '1.1', position: 1 });
    expect(JSON.parse(last.after_state!)).toMatchObject({
      code: '1.2',
      position: 2,
      version: before.version + 1,
    });
    // The moved item itself has one entry, its update, and one version step.
    const own = await audits(visible);
    expect(own.map((a) => a.action)).toEqual(['plan_item.create', 'plan_item.update']);
    expect(moved.json().version).toBe(2);
  });

  it('versions every row whose code follows a moved parent, and the siblings left behind', async () => {
    const { planId, chapter } = await planWithChapter();
    const other = (
      await ok('POST', '/plan-items', insider, {
        planId,
        title: { en: 'Chapter 2' },
        label: PUBLIC,
      })
    ).id as string;
    const a = await item(planId, chapter, PUBLIC);
    const b = await item(planId, chapter, PUBLIC);
    const b1 = await item(planId, b, PUBLIC);
    const before = await row(b1);
    const moved = await call('PATCH', `/plan-items/${a}`, insider, { parentId: other });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().code).toBe('2.1');
    expect(await row(b)).toMatchObject({ code: '1.1', position: 1 });
    expect(await row(b1)).toMatchObject({ code: '1.1.1', version: before.version + 1 });
    expect((await audits(b1)).at(-1)!.action).toBe('plan_item.renumber');
  });

  it('a restored item takes its old place back, its siblings making room', async () => {
    const { planId, chapter } = await planWithChapter();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await item(planId, chapter, PUBLIC));
    const del = await call('DELETE', `/plan-items/${ids[0]}`, insider);
    expect(del.statusCode).toBe(204);
    expect(await row(ids[1]!)).toMatchObject({ code: '1.1' });
    // A new item takes the next code meanwhile.
    const added = await item(planId, chapter, PUBLIC);
    expect(await row(added)).toMatchObject({ code: '1.3' });
    const restored = await call('POST', `/plan-items/${ids[0]}/restore`, insider);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ code: '1.1', position: 1 });
    expect((await Promise.all([...ids.slice(1), added].map(row))).map((r) => r.code)).toEqual([
      '1.2',
      '1.3',
      '1.4',
    ]);
  });

  it('migration 0014 renumbers a plan left with duplicate codes, then builds its indexes', async () => {
    const { planId, chapter } = await planWithChapter();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await item(planId, chapter, PUBLIC));
    const child = await item(planId, ids[2]!, PUBLIC);
    // What racing writers left behind before the indexes: two items numbered 1.1, a gap at 1.2.
    await migration0014.down(t.db.kysely as never);
    try {
      await t.db.kysely
        .updateTable('plan_items')
        .set({ position: 1, code: '1.1' })
        .where('id', '=', ids[1]!)
        .execute();
      await migration0014.up(t.db.kysely as never, kind);
    } catch (error) {
      await migration0014.up(t.db.kysely as never, kind).catch(() => undefined);
      throw error;
    }
    const rows = await Promise.all([...ids, child].map(row));
    expect(rows.map((r) => r.code)).toEqual(['1.1', '1.2', '1.3', '1.3.1']);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 1]);
  });

  it('the database refuses two live items with one code or place, but not a deleted one', async () => {
    const { planId, chapter } = await planWithChapter();
    const a = await item(planId, chapter, PUBLIC);
    const source = await t.db.kysely
      .selectFrom('plan_items')
      .selectAll()
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    const copy = (changes: object) =>
      t.db.kysely
        .insertInto('plan_items')
        .values({ ...source, id: `${a.slice(0, -4)}beef`, ...changes })
        .execute();
    await expect(copy({ position: 2 })).rejects.toThrow();
    await expect(copy({ code: '1.2' })).rejects.toThrow();
    await copy({ deleted_at: new Date().toISOString() });
  });
});
