import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { setClearance } from '../../test/clearances.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };

const NATO_UNCLASSIFIED = { policy: 'NATO', level: 'NATO_UNCLASSIFIED', releasableTo: ['RS'] };

describe.each(testDatabases)('comments on plan items on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let contributor: Session;
  let viewer: Session;
  /** A reader without NATO clearance (rank 0): sees public records only under that policy. */
  let uncleared: Session;
  let restrictedItemId: string;
  let planId: string;
  let chapterId: string;

  const createItem = async (payload: object) => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      // Public by choice (an item without a label is not): the comments inherit it.
      payload: { planId, parentId: chapterId, label: PUBLIC, ...payload },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  /** An item of the test's own, so the comments each test counts are its own, in any order. */
  const freshItem = () => createItem({ title: { en: 'Hold a civil–military cooperation course' } });

  const comments = (item: string, session: Session, query = '') =>
    t.inject({
      method: 'GET',
      url: `/api/v1/plan-items/${item}/comments${query}`,
      headers: session.headers,
    });
  const post = (item: string, session: Session, payload: object) =>
    t.inject({
      method: 'POST',
      url: `/api/v1/plan-items/${item}/comments`,
      headers: session.headers,
      payload,
    });
  const auditOf = async (id: string) =>
    (
      await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('entity_type', '=', 'comment')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    editor = await t.signIn('editor');
    contributor = await t.signIn('contributor');
    viewer = await t.signIn('viewer');
    uncleared = await t.signIn('editor');
    await setClearance(t.db.kysely, { email: uncleared.email }, 'NATO', 0);
    const plan = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items[0];
    const chapter = (
      await t.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/items` })
    ).json().items[0];
    planId = plan.id;
    chapterId = chapter.id;
    restrictedItemId = await createItem({
      title: { en: 'Exchange liaison officers' },
      label: NATO_UNCLASSIFIED,
    });
  });
  afterAll(() => t.close());

  it('posts, lists oldest first, edits with If-Match and audits each step', async () => {
    const itemId = await freshItem();
    const first = await post(itemId, editor, { body: '  First line\r\nsecond line  ' });
    expect(first.statusCode).toBe(201);
    expect(first.headers.location).toBe(`/api/v1/comments/${first.json().id}`);
    expect(first.json()).toMatchObject({
      body: 'First line\nsecond line',
      entityType: 'plan_item',
      entityId: itemId,
      editedAt: null,
      deletedAt: null,
      abilities: { update: true, delete: true },
    });
    // Without a label of its own, a comment carries its item's.
    expect(first.json().label).toMatchObject({ policy: 'NONE', level: 'PUBLIC' });
    const second = await post(itemId, coordinator, { body: 'Agreed. <b>Not</b> HTML.' });
    expect(second.statusCode).toBe(201);

    const list = await comments(itemId, editor);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, page: 1, canComment: true });
    expect(list.json().items.map((c: { body: string }) => c.body)).toEqual([
      'First line\nsecond line',
      'Agreed. <b>Not</b> HTML.',
    ]);
    // The editor sees what it may do with each: its own, and only delete for nobody else's.
    expect(list.json().items[1].abilities).toEqual({ update: false, delete: false });
    const latest = await comments(itemId, editor, '?order=desc&pageSize=1');
    expect(latest.json().items.map((c: { id: string }) => c.id)).toEqual([second.json().id]);
    expect(latest.json().total).toBe(2);

    const id = first.json().id as string;
    const url = `/api/v1/comments/${id}`;
    const missing = await t.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { body: 'Changed' },
    });
    expect(missing.statusCode).toBe(428);
    const etag = first.headers.etag as string;
    const edited = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...editor.headers, 'if-match': etag },
      payload: { body: 'First line, corrected' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'First line, corrected', version: 2 });
    expect(edited.json().editedAt).not.toBeNull();
    const stale = await t.inject({
      method: 'PATCH',
      url,
      headers: { ...editor.headers, 'if-match': etag },
      payload: { body: 'Lost update' },
    });
    expect(stale.statusCode).toBe(412);
    const got = await t.inject({ method: 'GET', url, headers: editor.headers });
    expect(got.json().body).toBe('First line, corrected');
    expect(got.headers.etag).toBe(edited.headers.etag);
    expect(await auditOf(id)).toEqual(['comment.create', 'comment.update']);
  });

  it('refuses empty, oversized and control-character bodies, naming the field', async () => {
    const itemId = await freshItem();
    const empty = await post(itemId, editor, { body: '   \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0]).toMatchObject({
      field: 'body',
      message: expect.stringContaining('write something'),
    });
    const long = await post(itemId, editor, { body: 'x'.repeat(8001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.issues[0].field).toBe('body');
    expect(long.json().error.details.issues[0].message).toContain('8000');
    const control = await post(itemId, editor, { body: 'bell \u0007' });
    expect(control.statusCode).toBe(400);
    expect((await post(itemId, editor, { body: 'x'.repeat(8000) })).statusCode).toBe(201);
    const unknown = await post(itemId, editor, { body: 'hi', html: '<p>hi</p>' });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets only the author edit, and the author or a coordinator delete', async () => {
    const itemId = await freshItem();
    const mine = (await post(itemId, editor, { body: 'Mine to keep' })).json();
    const ifMatch = { 'if-match': `"${mine.version}"` };
    for (const other of [contributor, coordinator]) {
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/v1/comments/${mine.id}`,
        headers: { ...other.headers, ...ifMatch },
        payload: { body: 'Rewritten by someone else' },
      });
      expect(res.statusCode).toBe(403);
    }
    const byContributor = await t.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${mine.id}`,
      headers: { ...contributor.headers, ...ifMatch },
    });
    expect(byContributor.statusCode).toBe(403);
    const byCoordinator = await t.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${mine.id}`,
      headers: { ...coordinator.headers, ...ifMatch },
    });
    expect(byCoordinator.statusCode).toBe(204);
    expect(await auditOf(mine.id)).toEqual(['comment.create', 'comment.delete']);
  });

  it('keeps viewers and anonymous visitors from posting; viewers still read', async () => {
    const itemId = await freshItem();
    expect((await post(itemId, editor, { body: 'An editor’s remark' })).statusCode).toBe(201);
    const refused = await post(itemId, viewer, { body: 'A viewer’s remark' });
    expect(refused.statusCode).toBe(403);
    const read = await comments(itemId, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json().canComment).toBe(false);
    expect(read.json().total).toBe(1);
    const anonymousPost = await t.inject({
      method: 'POST',
      url: `/api/v1/plan-items/${itemId}/comments`,
      payload: { body: 'Hello' },
    });
    expect(anonymousPost.statusCode).toBe(401);
    const anonymousRead = await t.inject({
      method: 'GET',
      url: `/api/v1/plan-items/${itemId}/comments`,
    });
    expect(anonymousRead.statusCode).toBe(401);
  });

  it('deletes softly and restores, with the comment hidden meanwhile', async () => {
    const itemId = await freshItem();
    const created = (await post(itemId, contributor, { body: 'Delete me, then undo' })).json();
    const before = (await comments(itemId, contributor)).json().total as number;
    const gone = await t.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${created.id}`,
      headers: { ...contributor.headers, 'if-match': `"${created.version}"` },
    });
    expect(gone.statusCode).toBe(204);
    const after = (await comments(itemId, contributor)).json();
    expect(after.total).toBe(before - 1);
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    expect(
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/comments/${created.id}`,
          headers: contributor.headers,
        })
      ).statusCode,
    ).toBe(404);
    // The author finds it among deleted comments; others do not.
    const own = (await comments(itemId, contributor, '?includeDeleted=true')).json();
    expect(own.items.find((c: { id: string }) => c.id === created.id)?.deletedAt).not.toBeNull();
    const others = (await comments(itemId, editor, '?includeDeleted=true')).json();
    expect(others.items.map((c: { id: string }) => c.id)).not.toContain(created.id);

    const byOther = await t.inject({
      method: 'POST',
      url: `/api/v1/comments/${created.id}/restore`,
      headers: editor.headers,
    });
    expect(byOther.statusCode).toBe(403);
    const restored = await t.inject({
      method: 'POST',
      url: `/api/v1/comments/${created.id}/restore`,
      headers: contributor.headers,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: created.id, deletedAt: null, version: 3 });
    expect((await comments(itemId, contributor)).json().total).toBe(before);
    const again = await t.inject({
      method: 'POST',
      url: `/api/v1/comments/${created.id}/restore`,
      headers: contributor.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(await auditOf(created.id)).toEqual([
      'comment.create',
      'comment.delete',
      'comment.restore',
    ]);
  });

  it('answers 404 for the comments of an item the reader cannot see, and for a missing item', async () => {
    const itemId = await freshItem();
    const posted = await post(restrictedItemId, editor, { body: 'On a NATO UNCLASSIFIED item' });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().label).toMatchObject({ policy: 'NATO', level: 'NATO_UNCLASSIFIED' });
    expect((await comments(restrictedItemId, editor)).json().total).toBe(1);

    const hidden = await comments(restrictedItemId, uncleared);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('NATO UNCLASSIFIED item');
    expect((await post(restrictedItemId, uncleared, { body: 'Sneaking in' })).statusCode).toBe(404);
    const single = await t.inject({
      method: 'GET',
      url: `/api/v1/comments/${posted.json().id}`,
      headers: uncleared.headers,
    });
    expect(single.statusCode).toBe(404);
    const edit = await t.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${posted.json().id}`,
      headers: { ...uncleared.headers, 'if-match': '*' },
    });
    expect(edit.statusCode).toBe(404);

    // A deleted item takes its thread out of sight too.
    const plan = (await t.inject({ method: 'GET', url: `/api/v1/plan-items/${itemId}` })).json();
    const doomed = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: { planId: plan.planId, parentId: plan.parentId, title: { en: 'Soon deleted' } },
    });
    const onDoomed = (await post(doomed.json().id, editor, { body: 'Before the delete' })).json();
    const deleted = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${doomed.json().id}`,
      headers: { ...coordinator.headers, 'if-match': doomed.headers.etag as string },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await comments(doomed.json().id, editor)).statusCode).toBe(404);
    const orphan = await t.inject({
      method: 'GET',
      url: `/api/v1/comments/${onDoomed.id}`,
      headers: editor.headers,
    });
    expect(orphan.statusCode).toBe(404);

    const nowhere = await comments('0192d7a0-7c1e-7000-8000-000000000000', editor);
    expect(nowhere.statusCode).toBe(404);
    const badId = await comments('not-a-uuid', editor);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.issues[0].field).toBe('id');
  });

  it('neither lists nor counts a comment labelled above the reader’s clearance', async () => {
    const itemId = await freshItem();
    const open = await post(itemId, coordinator, { body: 'Visible to all readers of the item' });
    const marked = await post(itemId, coordinator, {
      body: 'For NATO UNCLASSIFIED readers only',
      label: NATO_UNCLASSIFIED,
    });
    expect(marked.statusCode).toBe(201);
    expect(marked.json().label.level).toBe('NATO_UNCLASSIFIED');

    const cleared = (await comments(itemId, editor, '?pageSize=200')).json();
    const low = (await comments(itemId, uncleared, '?pageSize=200')).json();
    const ids = (list: { items: { id: string }[] }) => list.items.map((c) => c.id);
    expect(ids(cleared)).toContain(marked.json().id);
    expect(ids(low)).toContain(open.json().id);
    expect(ids(low)).not.toContain(marked.json().id);
    expect(low.total).toBe(cleared.total - 1);
    expect(JSON.stringify(low)).not.toContain('NATO UNCLASSIFIED readers only');
    const single = await t.inject({
      method: 'GET',
      url: `/api/v1/comments/${marked.json().id}`,
      headers: uncleared.headers,
    });
    expect(single.statusCode).toBe(404);

    // A comment may be marked higher than its item, never lower.
    const lower = await post(restrictedItemId, coordinator, {
      body: 'Marked public on a NATO item',
      label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
    });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.details.field).toBe('label.level');
    // Nor above the writer's own clearance.
    const above = await post(itemId, uncleared, {
      body: 'Marked above my clearance',
      label: NATO_UNCLASSIFIED,
    });
    expect(above.statusCode).toBe(403);
  });
});
