import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface ItemOut {
  id: string;
  code: string;
  depth: number;
  position: number;
  status: string;
  version: number;
}
interface TreeNode extends ItemOut {
  title: { en: string };
  rollup: { progress: number | null; rule: string; inputs: { counted: boolean }[] };
  children: TreeNode[];
}

describe.each(testDatabases)('plan items on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let planId: string;
  let chapter2: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    const plans = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items;
    planId = plans.find((p: { code: string }) => p.code === 'IPAP-2019-2021').id;
    const items = (await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/items` })).json()
      .items;
    chapter2 = items.find((i: ItemOut) => i.code === '2').id;
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      // Read signed out below: public by choice (an item without a label is not public).
      payload: {
        planId,
        label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
        ...payload,
      },
    });
  const patch = (id: string, payload: object, etag = '*') =>
    t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${id}`,
      headers: { ...coordinator.headers, 'if-match': etag },
      payload,
    });
  const tree = async () =>
    (await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/tree` })).json()
      .items as TreeNode[];

  /** A chapter of the test's own at the end of the plan: the codes below it are the test's alone. */
  const freshChapter = async () => {
    const res = await create({ title: { en: 'A chapter of one test' } });
    expect(res.statusCode).toBe(201);
    return res.json() as ItemOut;
  };

  it('numbers new items automatically under their parent', async () => {
    const chapter = await freshChapter();
    const a = await create({ parentId: chapter.id, title: { en: 'Defence planning objective' } });
    const b = await create({
      parentId: chapter.id,
      title: { en: 'Human resources objective', sr: 'Циљ: људски ресурси' },
    });
    expect(a.statusCode).toBe(201);
    expect([a.json().code, b.json().code]).toEqual([`${chapter.code}.1`, `${chapter.code}.2`]);
    const activity = await create({
      parentId: b.json().id,
      title: { en: 'Revise the career guide' },
      dueOn: '2026-Q3',
    });
    expect(activity.json()).toMatchObject({
      code: `${chapter.code}.2.1`,
      depth: 2,
      dueOn: '2026-Q3',
      status: 'not_started',
    });
  });

  it('renumbers codes when an item moves or is reordered', async () => {
    const chapter = await freshChapter();
    const c = chapter.code;
    await create({ parentId: chapter.id, title: { en: 'Defence planning objective' } });
    const hr = (
      await create({ parentId: chapter.id, title: { en: 'Human resources objective' } })
    ).json();
    await create({ parentId: hr.id, title: { en: 'Revise the career guide' } });
    const objective = (
      await create({ parentId: chapter.id, title: { en: 'Logistics objective' } })
    ).json();
    expect(objective.code).toBe(`${c}.3`);
    const first = await patch(objective.id, { position: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().code).toBe(`${c}.1`);
    const children = (await tree()).find((n) => n.id === chapter.id)!.children;
    expect(children.map((n) => [n.title.en, n.code])).toEqual([
      ['Logistics objective', `${c}.1`],
      ['Defence planning objective', `${c}.2`],
      ['Human resources objective', `${c}.3`],
    ]);
    // Its grandchild follows the renumbering.
    expect(children[2]!.children[0]!.code).toBe(`${c}.3.1`);
  });

  it('refuses loops, levels the plan does not have, and a due date before the start, naming the field', async () => {
    const chapter = await freshChapter();
    const objective = (await create({ parentId: chapter.id, title: { en: 'Objective' } })).json();
    const activity = (await create({ parentId: objective.id, title: { en: 'Activity' } })).json();
    const loop = await patch(chapter.id, { parentId: activity.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().error.details.field).toBe('parentId');
    const tooDeep = await create({ parentId: activity.id, title: { en: 'Sub-activity' } });
    expect(tooDeep.statusCode).toBe(422);
    expect(tooDeep.json().error.message).toContain('3 levels');
    const backwards = await create({
      parentId: objective.id,
      title: { en: 'Late' },
      startOn: '2026-10-01',
      dueOn: '2026-Q2',
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.details.field).toBe('dueOn');
    const badStatus = await create({
      parentId: objective.id,
      title: { en: 'x' },
      status: 'finished',
    });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.details.issues[0].field).toBe('status');
    const textWeight = await create({
      parentId: objective.id,
      title: { en: 'x' },
      weight: 'heavy',
    });
    expect(textWeight.statusCode).toBe(400);
    expect(textWeight.json().error.details.issues[0].field).toBe('weight');
    const badDue = await create({ parentId: objective.id, title: { en: 'x' }, dueOn: '2026-Q5' });
    expect(badDue.statusCode).toBe(400);
  });

  it('rolls progress up the tree by each level’s rule and shows the inputs', async () => {
    const objective = (
      await create({ parentId: chapter2, title: { en: 'Roll-up objective' } })
    ).json();
    const done = (
      await create({ parentId: objective.id, title: { en: 'Done' }, status: 'implemented' })
    ).json();
    await create({ parentId: objective.id, title: { en: 'Not yet' }, status: 'not_started' });
    await create({ parentId: objective.id, title: { en: 'Dropped' }, status: 'cancelled' });
    const node = () =>
      tree().then((all) =>
        all.find((c) => c.id === chapter2)!.children.find((c) => c.id === objective.id)!,
      );
    let rolled = await node();
    expect(rolled.rollup).toMatchObject({ progress: 50, rule: 'average' });
    expect(rolled.rollup.inputs.map((i) => i.counted)).toEqual([true, true, false]);

    const etag = (await t.inject({ method: 'GET', url: `/api/v1/plan-items/${done.id}` })).headers
      .etag as string;
    expect((await patch(done.id, { status: 'not_implemented' }, etag)).statusCode).toBe(200);
    expect((await patch(done.id, { status: 'implemented' }, etag)).statusCode).toBe(412);
    rolled = await node();
    expect(rolled.rollup.progress).toBe(0);
  });

  it('deletes only leaves, closes the gap in the codes, and restores', async () => {
    const objective = (
      await create({ parentId: chapter2, title: { en: 'Short-lived objective' } })
    ).json();
    const a = (await create({ parentId: objective.id, title: { en: 'A' } })).json();
    const b = (await create({ parentId: objective.id, title: { en: 'B' } })).json();
    const blocked = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${objective.id}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    expect(blocked.statusCode).toBe(409);
    const removed = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${a.id}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    expect(removed.statusCode).toBe(204);
    const bNow = (await t.inject({ method: 'GET', url: `/api/v1/plan-items/${b.id}` })).json();
    expect(bNow.code).toBe(`${objective.code}.1`);
    const restored = await t.inject({
      method: 'POST',
      url: `/api/v1/plan-items/${a.id}/restore`,
      headers: coordinator.headers,
    });
    expect(restored.statusCode).toBe(200);
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((x) => x.action)).toEqual([
      'plan_item.create',
      'plan_item.delete',
      'plan_item.restore',
    ]);
  });

  it('lets an editor change the items their organisation leads, and no others', async () => {
    const organisations = (
      await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=2' })
    ).json().items;
    const led = (
      await create({
        parentId: chapter2,
        title: { en: 'Led by the unit' },
        leadOrganisationId: organisations[0].id,
      })
    ).json();
    const other = (
      await create({
        parentId: chapter2,
        title: { en: 'Led by someone else' },
        leadOrganisationId: organisations[1].id,
      })
    ).json();
    const admin = await t.signIn('administrator');
    const editor = await t.signIn('editor');
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
    ).json();
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [organisations[0].id] },
    });
    const edit = (id: string) =>
      t.inject({
        method: 'PATCH',
        url: `/api/v1/plan-items/${id}`,
        headers: { ...editor.headers, 'if-match': '*' },
        payload: { status: 'ongoing' },
      });
    expect((await edit(led.id)).statusCode).toBe(200);
    expect((await edit(other.id)).statusCode).toBe(403);
    expect(
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/plan-items',
          headers: editor.headers,
          payload: { planId, parentId: chapter2, title: { en: 'x' } },
        })
      ).statusCode,
    ).toBe(403);
  });
});
