import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVEL_PRESETS, PLAN_TEMPLATES } from '../../../core/plans/templates.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface PlanBody {
  id: string;
  code: string;
  version: number;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  title: { en: string | null; sr: string | null };
  levels: { depth: number; name: { en: string; sr: string }; rollupRule: string }[];
  approvalSteps: {
    position: number;
    kind: string;
    label: { en: string | null; sr: string | null };
    date: { date: string; end: string | null; precision: string } | null;
    reference: string | null;
    note: { en: string | null; sr: string | null };
  }[];
  abilities: { update: boolean; delete: boolean };
}

describe.each(testDatabases)('plan set-up on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let admin: Session;
  let editor: Session;
  let viewer: Session;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [coordinator, admin, editor, viewer] = await Promise.all([
      t.signIn('coordinator'),
      t.signIn('administrator'),
      t.signIn('editor'),
      t.signIn('viewer'),
    ]);
  });
  afterAll(() => t.close());

  const create = (payload: object, session = coordinator) =>
    t.inject({ method: 'POST', url: '/api/v1/plans', headers: session.headers, payload });
  const newCode = () => `TEST-${kind}-${++counter}`;
  const createOk = async (payload: object = {}) => {
    const res = await create({
      code: newCode(),
      title: { en: 'A plan under test', sr: 'План под тестом' },
      template: 'national',
      // Read signed out below: public by choice (a plan without a label is not public).
      label: { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] },
      ...payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { body: res.json() as PlanBody, etag: res.headers.etag as string };
  };
  const patch = (id: string, payload: object, etag?: string, session = coordinator) =>
    t.inject({
      method: 'PATCH',
      url: `/api/v1/plans/${id}`,
      headers: { ...session.headers, ...(etag ? { 'if-match': etag } : {}) },
      payload,
    });
  const get = async (id: string) => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${id}`,
      headers: coordinator.headers,
    });
    return { body: res.json() as PlanBody, etag: res.headers.etag as string };
  };
  const auditOf = (id: string) =>
    t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before_state', 'after_state', 'actor_id'])
      .where('entity_type', '=', 'plan')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  it.each(PLAN_TEMPLATES)('creates a plan with the %s levels', async (template) => {
    const { body, etag } = await createOk({ template, periodStart: '2026-01-01' });
    expect(etag).toMatch(/^"1-/);
    expect(body.status).toBe('drafting');
    expect(body.abilities).toEqual({ update: true, delete: true });
    expect(body.levels).toEqual(
      LEVEL_PRESETS[template].map((l, depth) => ({
        depth,
        name: l.name,
        rollupRule: l.rollupRule,
      })),
    );
    const listed = (
      await t.inject({ method: 'GET', url: `/api/v1/plans?q=${encodeURIComponent(body.code)}` })
    ).json();
    expect(listed.items.map((p: PlanBody) => p.id)).toContain(body.id);
  });

  it('takes the levels as listed instead of a template, up to six', async () => {
    const levels = Array.from({ length: 6 }, (_, i) => ({
      name: { en: `Level ${i + 1}`, sr: `Ниво ${i + 1}` },
      rollupRule: i === 5 ? 'manual' : 'weighted',
    }));
    const { body } = await createOk({ template: undefined, levels });
    expect(body.levels.map((l) => l.rollupRule)).toEqual(levels.map((l) => l.rollupRule));
    const tooMany = await create({
      code: newCode(),
      title: { en: 'Too deep' },
      levels: [...levels, levels[0]],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues[0].field).toBe('levels');
    const none = await create({ code: newCode(), title: { en: 'No levels' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.issues[0].field).toBe('levels');
    const unnamed = await create({
      code: newCode(),
      title: { en: 'Half-named level' },
      levels: [{ name: { en: 'Goal', sr: ' ' }, rollupRule: 'average' }],
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details.issues[0].field).toBe('levels.0.name.sr');
  });

  it('refuses a code another plan holds, in any letter case, naming the code', async () => {
    const { body } = await createOk();
    const clash = await create({
      code: body.code.toLowerCase(),
      title: { en: 'Same code' },
      template: 'ipap',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.field).toBe('code');
    expect(clash.json().error.message).toContain(body.code.toLowerCase());
    const seeded = await create({ code: 'IPAP-2015', title: { en: 'Again' }, template: 'ipap' });
    expect(seeded.statusCode).toBe(409);
    const other = await createOk();
    const renamed = await patch(other.body.id, { code: body.code }, other.etag);
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.details.field).toBe('code');
    const bad = await create({ code: '  ', title: { en: 'Blank' }, template: 'ipap' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('code');
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await create({
      code: newCode(),
      title: { en: 'Backwards' },
      template: 'itpp',
      periodStart: '2026-06-01',
      periodEnd: '2026-05-31',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('periodEnd');
    const { body, etag } = await createOk({ periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    const moved = await patch(body.id, { periodStart: '2027-01-01' }, etag);
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.details.field).toBe('periodStart');
    const ended = await patch(body.id, { periodEnd: '2025-12-31' }, etag);
    expect(ended.statusCode).toBe(422);
    expect(ended.json().error.details.field).toBe('periodEnd');
    const same = await patch(body.id, { periodEnd: '2026-01-01' }, etag);
    expect(same.statusCode).toBe(200);
    expect(same.json().periodEnd).toBe('2026-01-01');
  });

  it('refuses an unknown mechanism, naming the field', async () => {
    const res = await create({
      code: newCode(),
      title: { en: 'Nowhere' },
      template: 'ipap',
      mechanismId: '0192d7a0-7c1e-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.field).toBe('mechanismId');
  });

  it('round-trips approval steps in order, and replaces them as a list', async () => {
    const steps = [
      {
        kind: 'government_adoption',
        date: { date: '2025-12', precision: 'month' },
        reference: '05 Број: 337-1234/2025',
        note: { en: 'Conclusion of the Government', sr: 'Закључак Владе' },
      },
      { kind: 'nac_approval', date: { date: '2026-01-15', precision: 'day' } },
      {
        kind: 'other',
        label: { en: 'Parliament informed', sr: 'Обавештена Скупштина' },
        date: { date: '2026-02-01', end: '2026-02-10', precision: 'range' },
      },
      { kind: 'implementation_start', date: null },
    ];
    const { body, etag } = await createOk({ approvalSteps: steps });
    expect(body.approvalSteps).toEqual([
      {
        position: 1,
        kind: 'government_adoption',
        label: { en: null, sr: null },
        date: { date: '2025-12', end: null, precision: 'month' },
        reference: '05 Број: 337-1234/2025',
        note: { en: 'Conclusion of the Government', sr: 'Закључак Владе' },
      },
      {
        position: 2,
        kind: 'nac_approval',
        label: { en: null, sr: null },
        date: { date: '2026-01-15', end: null, precision: 'day' },
        reference: null,
        note: { en: null, sr: null },
      },
      {
        position: 3,
        kind: 'other',
        label: { en: 'Parliament informed', sr: 'Обавештена Скупштина' },
        date: { date: '2026-02-01', end: '2026-02-10', precision: 'range' },
        reference: null,
        note: { en: null, sr: null },
      },
      {
        position: 4,
        kind: 'implementation_start',
        label: { en: null, sr: null },
        date: null,
        reference: null,
        note: { en: null, sr: null },
      },
    ]);
    expect((await get(body.id)).body.approvalSteps).toEqual(body.approvalSteps);

    const replaced = await patch(
      body.id,
      { approvalSteps: [{ kind: 'nac_approval', date: { date: '2026', precision: 'year' } }] },
      etag,
    );
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().approvalSteps).toHaveLength(1);
    expect(replaced.json().approvalSteps[0]).toMatchObject({ position: 1, kind: 'nac_approval' });
    // A change that does not mention the steps keeps them.
    const kept = await patch(body.id, { status: 'adopted' }, replaced.headers.etag as string);
    expect(kept.json().approvalSteps).toHaveLength(1);

    const unnamed = await create({
      code: newCode(),
      title: { en: 'Unnamed step' },
      template: 'ipap',
      approvalSteps: [{ kind: 'other', date: null }],
    });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details.issues[0].field).toBe('approvalSteps.0.label');
    const badDate = await create({
      code: newCode(),
      title: { en: 'Bad date' },
      template: 'ipap',
      approvalSteps: [{ kind: 'nac_approval', date: { date: '2026-02-30', precision: 'day' } }],
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.issues[0].field).toBe('approvalSteps.0.date.date');
  });

  it('renames a level and changes its rule, which the tree then rolls up by', async () => {
    const { body, etag } = await createOk({ template: 'ipap' });
    const chapter = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: { planId: body.id, title: { en: 'Chapter one' }, manualProgress: 40 },
    });
    expect(chapter.statusCode, chapter.body).toBe(201);
    const child = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: coordinator.headers,
      payload: {
        planId: body.id,
        parentId: chapter.json().id,
        title: { en: 'Objective one' },
        status: 'implemented',
      },
    });
    expect(child.statusCode, child.body).toBe(201);
    const tree = async () =>
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${body.id}/tree`,
          headers: coordinator.headers,
        })
      ).json();
    const before = await tree();
    expect(before.items[0].rollup).toMatchObject({ rule: 'manual', overridden: true });

    const levels = body.levels.map((l) => ({ name: l.name, rollupRule: l.rollupRule }));
    levels[0] = { name: { en: 'Area', sr: 'Област' }, rollupRule: 'manual' };
    const res = await patch(body.id, { levels }, etag);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().levels[0]).toEqual({
      depth: 0,
      name: { en: 'Area', sr: 'Област' },
      rollupRule: 'manual',
    });
    const after = await tree();
    expect(after.levels[0].name.en).toBe('Area');
    // Under the manual rule the typed value is the value, not an override of a computed one.
    expect(after.items[0].rollup).toMatchObject({
      rule: 'manual',
      overridden: false,
      progress: 40,
    });
  });

  it('appends a level, and removes levels only while no live item sits on them', async () => {
    const { body, etag } = await createOk({ template: 'custom' });
    expect(body.levels).toHaveLength(2);
    const three = [
      ...body.levels.map((l) => ({ name: l.name, rollupRule: l.rollupRule })),
      { name: { en: 'Task', sr: 'Задатак' }, rollupRule: 'from_status' },
    ];
    const appended = await patch(body.id, { levels: three }, etag);
    expect(appended.statusCode).toBe(200);
    expect(appended.json().levels.map((l: { depth: number }) => l.depth)).toEqual([0, 1, 2]);

    const goal = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId: body.id, title: { en: 'Goal' } },
      })
    ).json();
    for (const title of ['First activity', 'Second activity']) {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId: body.id, parentId: goal.id, title: { en: title } },
      });
      expect(res.statusCode).toBe(201);
    }
    let etagNow = appended.headers.etag as string;
    // Level 3 is empty: it can go.
    const dropped = await patch(body.id, { levels: three.slice(0, 2) }, etagNow);
    expect(dropped.statusCode, dropped.body).toBe(200);
    etagNow = dropped.headers.etag as string;
    // Level 2 holds two activities: refused, with the count, and nothing changes.
    const refused = await patch(body.id, { levels: three.slice(0, 1), status: 'adopted' }, etagNow);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toMatchObject({ field: 'levels', items: 2 });
    expect(refused.json().error.message).toMatch(/^2 items sit on the levels you removed/);
    const unchanged = await get(body.id);
    expect(unchanged.body.levels).toHaveLength(2);
    expect(unchanged.body.status).toBe('drafting');
    expect(unchanged.etag).toBe(etagNow);
  });

  it('needs If-Match to change or delete, and refuses a stale one', async () => {
    const { body, etag } = await createOk();
    const missing = await patch(body.id, { status: 'adopted' });
    expect(missing.statusCode).toBe(428);
    const first = await patch(body.id, { title: { en: 'Renamed' } }, etag);
    expect(first.statusCode).toBe(200);
    expect(first.json().title).toEqual({ en: 'Renamed', sr: 'План под тестом' });
    expect(first.json().version).toBe(2);
    const stale = await patch(body.id, { status: 'adopted' }, etag);
    expect(stale.statusCode).toBe(412);
    const staleDelete = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plans/${body.id}`,
      headers: { ...coordinator.headers, 'if-match': etag },
    });
    expect(staleDelete.statusCode).toBe(412);
    expect((await get(body.id)).body.status).toBe('drafting');
  });

  it('lets only coordinators and administrators set up plans', async () => {
    for (const session of [editor, viewer]) {
      const res = await create(
        { code: newCode(), title: { en: 'Not mine to make' }, template: 'ipap' },
        session,
      );
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await t.inject({
      method: 'POST',
      url: '/api/v1/plans',
      payload: { code: newCode(), title: { en: 'Anyone?' }, template: 'ipap' },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    const { body, etag } = await createOk();
    const byEditor = await patch(body.id, { status: 'adopted' }, etag, editor);
    expect(byEditor.statusCode).toBe(403);
    const asEditor = (
      await t.inject({ method: 'GET', url: `/api/v1/plans/${body.id}`, headers: editor.headers })
    ).json();
    expect(asEditor.abilities).toEqual({ update: false, delete: false });
    const byAdmin = await patch(body.id, { status: 'adopted' }, etag, admin);
    expect(byAdmin.statusCode).toBe(200);
  });

  it('deletes only an empty plan, restores it, and audits every change', async () => {
    const { body, etag } = await createOk({ template: 'ipap' });
    const item = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/plan-items',
        headers: coordinator.headers,
        payload: { planId: body.id, title: { en: 'In the way' } },
      })
    ).json();
    const refused = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plans/${body.id}`,
      headers: { ...coordinator.headers, 'if-match': etag },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.items).toBe(1);
    await t.inject({
      method: 'DELETE',
      url: `/api/v1/plan-items/${item.id}`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    const updated = await patch(body.id, { status: 'approved' }, etag);
    const deleted = await t.inject({
      method: 'DELETE',
      url: `/api/v1/plans/${body.id}`,
      headers: { ...coordinator.headers, 'if-match': updated.headers.etag as string },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: `/api/v1/plans/${body.id}` })).statusCode).toBe(
      404,
    );
    const list = (await t.inject({ method: 'GET', url: '/api/v1/plans?pageSize=100' })).json();
    expect(list.items.map((p: PlanBody) => p.id)).not.toContain(body.id);
    const restored = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${body.id}/restore`,
      headers: coordinator.headers,
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: body.id, status: 'approved', version: 4 });
    expect(restored.json().levels).toHaveLength(3);

    const entries = await auditOf(body.id);
    expect(entries.map((e) => e.action)).toEqual([
      'plan.create',
      'plan.update',
      'plan.delete',
      'plan.restore',
    ]);
    const update = entries[1]!;
    expect(JSON.parse(update.before_state!).status).toBe('drafting');
    expect(JSON.parse(update.after_state!).status).toBe('approved');
    expect(JSON.parse(entries[0]!.after_state!).levels).toHaveLength(3);
    expect(entries.every((e) => e.actor_id !== null)).toBe(true);
  });

  it('leaves no trace of a refused change: no plan, no levels, no audit entry', async () => {
    const code = newCode();
    const before = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await create({
      code,
      title: { en: 'Marked too high' },
      template: 'ipap',
      label: { policy: 'NATO', level: 'NATO_SECRET', releasableTo: ['RS'] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.field).toBe('label.level');
    const plan = await t.db.kysely
      .selectFrom('plans')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst();
    expect(plan).toBeUndefined();
    const after = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('ships the seeded plans with their approval steps', async () => {
    const list = (await t.inject({ method: 'GET', url: '/api/v1/plans?pageSize=100' })).json();
    const byCode = (code: string) => list.items.find((p: PlanBody) => p.code === code) as PlanBody;
    const first = byCode('IPAP-2015');
    expect(
      first.approvalSteps.map((s) => [s.kind, s.date?.date, s.date?.precision, s.position]),
    ).toEqual([
      ['government_adoption', '2014-12-14', 'day', 1],
      ['nac_approval', '2015-01-15', 'day', 2],
      ['implementation_start', '2015-03-18', 'day', 3],
    ]);
    expect(first.approvalSteps[0]!.note.en).toMatch(/reports/);
    expect(first.approvalSteps[2]!.note.en).toContain('18 April');
    const second = byCode('IPAP-2019-2021');
    expect(second.approvalSteps).toHaveLength(1);
    expect(second.approvalSteps[0]).toMatchObject({
      kind: 'government_adoption',
      date: { date: '2019-11-07', precision: 'day' },
    });
  });

  it('gives an older data directory the seeded steps once, leaving steps someone set', async () => {
    const { seedReferenceData } = await import('../../seed/load-reference.js');
    const { AuditLog } = await import('../../audit/audit-log.js');
    // This test removes and replaces the seeded plans' steps: it works on a data directory of its
    // own, so the shared one keeps the seeded steps whatever the order.
    const own = await startTestApp(kind);
    try {
      const ownCoordinator = await own.signIn('coordinator');
      const getOwn = async (id: string) => {
        const res = await own.inject({
          method: 'GET',
          url: `/api/v1/plans/${id}`,
          headers: ownCoordinator.headers,
        });
        return { body: res.json() as PlanBody, etag: res.headers.etag as string };
      };
      const plans = await own.db.kysely
        .selectFrom('plans')
        .select(['id', 'code'])
        .where('seed_key', 'is not', null)
        .execute();
      const first = plans.find((p) => p.code === 'IPAP-2015')!;
      const second = plans.find((p) => p.code === 'IPAP-2019-2021')!;
      // As if the data directory predates approval steps for the first plan, while a coordinator
      // has already set the second plan's own.
      await own.db.kysely
        .deleteFrom('plan_approval_steps')
        .where('plan_id', '=', first.id)
        .execute();
      const current = await getOwn(second.id);
      const set = await own.inject({
        method: 'PATCH',
        url: `/api/v1/plans/${second.id}`,
        headers: { ...ownCoordinator.headers, 'if-match': current.etag },
        payload: {
          approvalSteps: [{ kind: 'nac_approval', date: { date: '2019-12', precision: 'month' } }],
        },
      });
      expect(set.statusCode).toBe(200);
      const audit = new AuditLog(own.db.dialect);
      const counts = await seedReferenceData(own.db, audit);
      expect(counts['plan approval steps']).toBe(3);
      expect(counts.plans).toBe(0);
      expect((await getOwn(first.id)).body.approvalSteps).toHaveLength(3);
      expect((await getOwn(second.id)).body.approvalSteps.map((s) => s.kind)).toEqual([
        'nac_approval',
      ]);
      const again = await seedReferenceData(own.db, audit);
      expect(Object.values(again).every((n) => n === 0)).toBe(true);
    } finally {
      await own.close();
    }
  });
});
