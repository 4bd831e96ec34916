/**
 * Reporting rules that must hold (issue #10): the review comment is kept on approve and on return;
 * an institution reports on the items of its units too (per plan); a period that has not begun
 * takes reports only when the caller says it knows; "due in the period" counts only items due
 * within it; an approved report's progress is the item's, until someone enters one by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface DueRow {
  planItemId: string;
  code: string;
  dueInPeriod: boolean;
  progress: number | null;
  progressSource:
    | { kind: 'report'; periodTitle: string; approvedAt: string }
    | { kind: 'hand'; by: string | null; at: string | null }
    | { kind: 'none' };
  report: { status: string; reviewComment: string | null } | null;
}

describe.each(testDatabases)('reporting workflow rules on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let editor: Session;
  let planId: string;
  let chapterId: string;
  const org: Record<'mod' | 'army' | 'brigade' | 'staff' | 'other', string> = {
    mod: '',
    army: '',
    brigade: '',
    staff: '',
    other: '',
  };
  const item: Record<string, string> = {};

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    session: Session,
    payload?: object,
    ifMatch?: string,
  ) =>
    t.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...session.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.signIn('administrator');
    coordinator = await t.signIn('coordinator');
    editor = await t.signIn('editor');
    const newOrg = async (name: string, parentId: string | null) => {
      const res = await inject('POST', '/organisations', admin, {
        parentId,
        kind: 'ministry',
        side: 'partner',
        nation: 'RS',
        name: { en: name },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    org.mod = await newOrg('Ministry of Defence (test)', null);
    org.army = await newOrg('Army (test)', org.mod);
    org.staff = await newOrg('General Staff (test)', org.mod);
    org.brigade = await newOrg('Brigade (test)', org.army);
    org.other = await newOrg('Ministry of Interior (test)', null);
    const me = (await inject('GET', '/auth/me', editor)).json();
    const joined = await inject(
      'PATCH',
      `/users/${me.user.id}`,
      admin,
      { organisationIds: [org.mod] },
      '*',
    );
    expect(joined.statusCode, joined.body).toBe(200);

    const plan = (await inject('GET', '/plans', coordinator))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2015');
    planId = plan.id;
    const chapter = await inject('POST', '/plan-items', coordinator, {
      planId,
      title: { en: 'Chapter for the reporting rules' },
    });
    expect(chapter.statusCode, chapter.body).toBe(201);
    chapterId = chapter.json().id;
    const create = async (key: string, lead: string, dueOn: string | null) => {
      const res = await inject('POST', '/plan-items', coordinator, {
        planId,
        parentId: chapterId,
        title: { en: `Activity ${key}` },
        leadOrganisationId: lead,
        status: 'ongoing',
        ...(dueOn ? { dueOn } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      item[key] = res.json().id;
    };
    await create('mod', org.mod, '2026-02-15');
    await create('army', org.army, '2026-Q1');
    await create('staff', org.staff, 'continuous');
    await create('brigade', org.brigade, '2026-Q3');
    await create('brigadeLate', org.brigade, '2025-12');
    await create('other', org.other, '2026-03');
  });
  afterAll(() => t.close());

  const openPeriod = async (title: string, startsOn = '2026-01-01', endsOn = '2026-03-31') => {
    const res = await inject('POST', `/plans/${planId}/periods`, coordinator, {
      kind: 'quarter',
      startsOn,
      endsOn,
      title,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const due = async (periodId: string, session: Session) => {
    const res = await inject('GET', `/periods/${periodId}/reports-due`, session);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as DueRow[]).filter((i) => Object.values(item).includes(i.planItemId));
  };
  const keyOf = (id: string) => Object.entries(item).find(([, v]) => v === id)![0];
  /** A report on the item written, submitted and (unless told) approved. */
  const reportOn = async (
    periodId: string,
    key: string,
    draft: object,
    review: { approve?: object | false } = {},
  ) => {
    const saved = await inject('PUT', `/periods/${periodId}/items/${item[key]}/report`, editor, {
      itemStatus: 'ongoing',
      ...draft,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;
    const submitted = await inject(
      'POST',
      `/reports/${id}/submit`,
      editor,
      undefined,
      saved.headers.etag as string,
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    if (review.approve === false) return { id, etag: submitted.headers.etag as string };
    const approved = await inject(
      'POST',
      `/reports/${id}/approve`,
      coordinator,
      review.approve ?? {},
      submitted.headers.etag as string,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    return { id, etag: approved.headers.etag as string, approved: approved.json() };
  };

  it('keeps the coordinator’s comment on approval, shows it to the institution and audits it', async () => {
    const periodId = await openPeriod('Q1 2026 (comment)');
    const { id, approved } = await reportOn(
      periodId,
      'mod',
      { narrative: 'Done.' },
      { approve: { comment: 'Well documented; keep the list for the next period.' } },
    );
    expect(approved).toMatchObject({
      status: 'approved',
      reviewComment: 'Well documented; keep the list for the next period.',
    });
    const row = (await due(periodId, editor)).find((i) => i.planItemId === item.mod)!;
    expect(row.report?.reviewComment).toBe('Well documented; keep the list for the next period.');
    const history = (await inject('GET', `/plan-items/${item.mod}/reports`, editor)).json().items;
    expect(history.at(-1).reviewComment).toBe(
      'Well documented; keep the list for the next period.',
    );
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['after_state'])
      .where('action', '=', 'report.approve')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_state!).reviewComment).toBe(
      'Well documented; keep the list for the next period.',
    );
    // An approval without a comment stays possible; a blank one is no comment.
    const plain = await reportOn(periodId, 'army', {}, { approve: { comment: '   ' } });
    expect(plain.approved.reviewComment).toBeNull();
  });

  it('lets an institution report on the items its units lead, unless the plan says otherwise', async () => {
    const periodId = await openPeriod('Q1 2026 (units)');
    const seen = (await due(periodId, editor)).map((i) => keyOf(i.planItemId)).sort();
    expect(seen).toEqual(['army', 'brigade', 'brigadeLate', 'mod', 'staff']);
    const draft = await inject('PUT', `/periods/${periodId}/items/${item.brigade}/report`, editor, {
      itemStatus: 'ongoing',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const refused = await inject('PUT', `/periods/${periodId}/items/${item.other}/report`, editor, {
      itemStatus: 'ongoing',
    });
    expect(refused.statusCode).toBe(403);

    await t.db.kysely
      .updateTable('plans')
      .set({ reporting_includes_units: 0 })
      .where('id', '=', planId)
      .execute();
    try {
      expect((await due(periodId, editor)).map((i) => keyOf(i.planItemId))).toEqual(['mod']);
      const unit = await inject('PUT', `/periods/${periodId}/items/${item.staff}/report`, editor, {
        itemStatus: 'ongoing',
      });
      expect(unit.statusCode).toBe(403);
    } finally {
      await t.db.kysely
        .updateTable('plans')
        .set({ reporting_includes_units: 1 })
        .where('id', '=', planId)
        .execute();
    }
  });

  it('counts as due in a period only the items due within it, or continuous', async () => {
    const periodId = await openPeriod('Q1 2026 (due)');
    const rows = await due(periodId, coordinator);
    const dueIn = Object.fromEntries(rows.map((r) => [keyOf(r.planItemId), r.dueInPeriod]));
    expect(dueIn).toEqual({
      mod: true, // 2026-02-15
      army: true, // 2026-Q1
      staff: true, // continuous
      brigade: false, // 2026-Q3, after the period
      brigadeLate: false, // 2025-12, before it
      other: true, // 2026-03
    });
  });

  it('takes a report for a period that has not begun only when the caller says so', async () => {
    const periodId = await openPeriod('Q1 2099 (early)', '2099-01-01', '2099-03-31');
    const saved = await inject('PUT', `/periods/${periodId}/items/${item.staff}/report`, editor, {
      itemStatus: 'implemented',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const url = `/reports/${saved.json().id}`;
    const early = await inject('POST', `${url}/submit`, editor, undefined, '*');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details).toMatchObject({
      reason: 'period_not_begun',
      startsOn: '2099-01-01',
    });
    const submitted = await inject('POST', `${url}/submit`, editor, { early: true }, '*');
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approveEarly = await inject('POST', `${url}/approve`, coordinator, {}, '*');
    expect(approveEarly.statusCode).toBe(409);
    expect(approveEarly.json().error.details.reason).toBe('period_not_begun');
    const approved = await inject('POST', `${url}/approve`, coordinator, { early: true }, '*');
    expect(approved.statusCode, approved.body).toBe(200);
    // Returning a report is always possible: it asks for more, it does not record anything.
  });

  it('makes an approved report’s progress the item’s, until someone enters one by hand', async () => {
    const periodId = await openPeriod('Q1 2026 (progress)');
    await reportOn(periodId, 'staff', { progress: 60 });
    const fromReport = (await due(periodId, editor)).find((i) => i.planItemId === item.staff)!;
    expect(fromReport.progress).toBe(60);
    expect(fromReport.progressSource).toMatchObject({
      kind: 'report',
      periodTitle: 'Q1 2026 (progress)',
    });
    expect((await inject('GET', `/plan-items/${item.staff}/reports`, editor)).json()).toMatchObject(
      { progress: 60, progressSource: { kind: 'report', periodTitle: 'Q1 2026 (progress)' } },
    );
    const current = await inject('GET', `/plan-items/${item.staff}`, coordinator);
    const edited = await inject(
      'PATCH',
      `/plan-items/${item.staff}`,
      coordinator,
      { manualProgress: 70 },
      current.headers.etag as string,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const coordinatorName = (await inject('GET', '/auth/me', coordinator)).json().user.displayName;
    const byHand = (await due(periodId, editor)).find((i) => i.planItemId === item.staff)!;
    expect(byHand.progress).toBe(70);
    expect(byHand.progressSource).toMatchObject({ kind: 'hand', by: coordinatorName });
    // The item's report history says the same, for the item's own page.
    const history = (await inject('GET', `/plan-items/${item.staff}/reports`, editor)).json();
    expect(history).toMatchObject({
      progress: 70,
      progressSource: { kind: 'hand', by: coordinatorName },
    });
    const untouched = (await due(periodId, editor)).find((i) => i.planItemId === item.brigade)!;
    expect(untouched.progressSource).toEqual({ kind: 'none' });
  });

  it('changes the item’s status through an approved report when the plan says so, audited', async () => {
    await t.db.kysely
      .updateTable('plans')
      .set({ status_via_reports: 1 })
      .where('id', '=', planId)
      .execute();
    const periodId = await openPeriod('Q1 2026 (status)');
    const { id } = await reportOn(periodId, 'brigade', { itemStatus: 'implemented' });
    const after = (await inject('GET', `/plan-items/${item.brigade}`, coordinator)).json();
    expect(after.status).toBe('implemented');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_state', 'after_state'])
      .where('action', '=', 'plan_item.update')
      .where('entity_id', '=', item.brigade!)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_state!).status).toBe('ongoing');
    expect(JSON.parse(entry.after_state!)).toMatchObject({ status: 'implemented', fromReport: id });
  });
});
