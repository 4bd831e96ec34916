import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(testDatabases)('reporting periods on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let planId: string;
  let ledItem: string;
  let otherItem: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    const admin = await t.signIn('administrator');
    editor = await t.signIn('editor');
    const orgs = (await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=2' })).json()
      .items;
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
    ).json();
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [orgs[0].id] },
    });
    const plan = (await t.inject({ method: 'GET', url: '/api/v1/plans' }))
      .json()
      .items.find((p: { code: string }) => p.code === 'IPAP-2015');
    planId = plan.id;
    const chapter = (await t.inject({ method: 'GET', url: `/api/v1/plans/${planId}/items` })).json()
      .items[0];
    const create = async (title: string, lead: string) =>
      (
        await t.inject({
          method: 'POST',
          url: '/api/v1/plan-items',
          headers: coordinator.headers,
          payload: {
            planId,
            parentId: chapter.id,
            title: { en: title },
            leadOrganisationId: lead,
            status: 'ongoing',
          },
        })
      ).json().id as string;
    ledItem = await create('Led by the editor’s unit', orgs[0].id);
    otherItem = await create('Led elsewhere', orgs[1].id);
  });
  afterAll(() => t.close());

  const openPeriod = async (title: string) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/periods`,
      headers: coordinator.headers,
      payload: { kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', title },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const save = (
    periodId: string,
    itemId: string,
    session: Session,
    payload: object,
    ifMatch?: string,
  ) =>
    t.inject({
      method: 'PUT',
      url: `/api/v1/periods/${periodId}/items/${itemId}/report`,
      headers: { ...session.headers, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      payload,
    });

  it('shows each institution the reports it owes, and only coordinators open periods', async () => {
    const periodId = await openPeriod('Q1 2026');
    const due = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/periods/${periodId}/reports-due`,
        headers: editor.headers,
      })
    ).json();
    expect(due.items.map((i: { planItemId: string }) => i.planItemId)).toEqual([ledItem]);
    const all = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/periods/${periodId}/reports-due`,
        headers: coordinator.headers,
      })
    ).json();
    expect(all.items.map((i: { planItemId: string }) => i.planItemId)).toEqual(
      expect.arrayContaining([ledItem, otherItem]),
    );
    const refused = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/periods`,
      headers: editor.headers,
      payload: { kind: 'quarter', startsOn: '2026-04-01', endsOn: '2026-06-30', title: 'Q2' },
    });
    expect(refused.statusCode).toBe(403);
    const backwards = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/periods`,
      headers: coordinator.headers,
      payload: { kind: 'quarter', startsOn: '2026-04-01', endsOn: '2026-01-30', title: 'Wrong' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0].field).toBe('endsOn');
  });

  it('runs draft → submitted → returned → submitted → approved, and the item takes the approved status', async () => {
    const periodId = await openPeriod('Q1 2026 (workflow)');
    const draft = await save(periodId, ledItem, editor, {
      itemStatus: 'implemented',
      progress: 100,
      narrative: 'Course held in March.',
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().status).toBe('draft');
    expect(
      (await save(periodId, otherItem, editor, { itemStatus: 'implemented' })).statusCode,
    ).toBe(403);

    const reportId = draft.json().id;
    // Each transition sends the ETag of the report as last seen, and keeps the one it gets back.
    let etag = draft.headers.etag as string;
    const post = async (path: string, session: Session, payload?: object) => {
      const res = await t.inject({
        method: 'POST',
        url: `/api/v1/reports/${reportId}/${path}`,
        headers: { ...session.headers, 'if-match': etag },
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode === 200) etag = res.headers.etag as string;
      return res;
    };
    expect((await post('approve', coordinator)).statusCode).toBe(409);
    expect((await post('submit', editor)).json().status).toBe('submitted');
    // The coordinator's review list: every item with its current status and who submitted.
    const review = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/periods/${periodId}/reports-due`,
        headers: coordinator.headers,
      })
    ).json();
    const submittedRow = review.items.find((i: { planItemId: string }) => i.planItemId === ledItem);
    const editorName = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers })
    ).json().user.displayName;
    expect(submittedRow).toMatchObject({
      status: 'ongoing',
      dueOn: null,
      submittedBy: editorName,
      report: { status: 'submitted', itemStatus: 'implemented' },
    });
    expect(
      review.items.find((i: { planItemId: string }) => i.planItemId === otherItem),
    ).toMatchObject({ report: null, submittedBy: null });
    expect((await save(periodId, ledItem, editor, { itemStatus: 'ongoing' }, '*')).statusCode).toBe(
      409,
    );
    expect((await post('approve', editor)).statusCode).toBe(403);
    const returned = await post('return', coordinator, { comment: 'Attach the attendance list.' });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: 'Attach the attendance list.',
    });
    const edited = await save(
      periodId,
      ledItem,
      editor,
      {
        itemStatus: 'implemented',
        progress: 100,
        evidence: [{ title: 'Attendance list', url: 'https://example.org/list.pdf' }],
      },
      `"${returned.json().version}"`,
    );
    expect(edited.statusCode).toBe(200);
    etag = edited.headers.etag as string;
    await post('submit', editor);
    const approved = await post('approve', coordinator);
    expect(approved.json().status).toBe('approved');
    const item = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plan-items/${ledItem}`,
        headers: coordinator.headers,
      })
    ).json();
    expect(item).toMatchObject({ status: 'implemented', manualProgress: 100 });
    const history = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plan-items/${ledItem}/reports`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(
      history.map((h: { status: string; period: { title: string } }) => [h.period.title, h.status]),
    ).toContainEqual(['Q1 2026 (workflow)', 'approved']);
    const approvedEntry = history.find(
      (h: { period: { title: string } }) => h.period.title === 'Q1 2026 (workflow)',
    );
    expect(approvedEntry.submittedBy).toEqual(expect.any(String));
    expect(approvedEntry.reviewedBy).toEqual(expect.any(String));
    expect(approvedEntry.reviewedBy).not.toBe(approvedEntry.submittedBy);
    // The approval moved the item's status; the item's change history says so, and who did it.
    const changes = (
      await t.inject({
        method: 'GET',
        url: `/api/v1/plan-items/${ledItem}/changes`,
        headers: coordinator.headers,
      })
    ).json().items;
    expect(changes.at(-1)).toMatchObject({
      status: 'implemented',
      manualProgress: 100,
      by: approvedEntry.reviewedBy,
      deleted: false,
    });
    expect(changes[0].status).toBe('ongoing');
  });

  it('records the indicator values of a report only when the report is approved', async () => {
    const periodId = await openPeriod('Q2 2026 (indicator values)');
    const indicator = (kind: 'quantitative' | 'qualitative', name: string) =>
      t.inject({
        method: 'POST',
        url: `/api/v1/plan-items/${ledItem}/indicators`,
        headers: coordinator.headers,
        payload: {
          kind,
          name: { en: name },
          ...(kind === 'quantitative'
            ? {
                unit: 'persons',
                baseline: { value: 0, year: 2025 },
                target: { value: 40, year: 2027 },
              }
            : {}),
        },
      });
    const counted = (await indicator('quantitative', 'Officers trained')).json().id as string;
    const described = (await indicator('qualitative', 'Quality of the courses')).json()
      .id as string;
    const measurements = async () =>
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plan-items/${ledItem}/indicators`,
          headers: coordinator.headers,
        })
      )
        .json()
        .items.find((i: { id: string }) => i.id === counted).measurements as {
        measuredOn: string;
        value: number;
      }[];

    const refused = await save(periodId, ledItem, editor, {
      itemStatus: 'ongoing',
      indicatorValues: [{ indicatorId: described, value: 3 }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.field).toBe('indicatorValues');
    const text = await save(periodId, ledItem, editor, {
      itemStatus: 'ongoing',
      indicatorValues: [{ indicatorId: counted, value: 'twelve' }],
    });
    expect(text.statusCode).toBe(400);

    const draft = await save(periodId, ledItem, editor, {
      itemStatus: 'ongoing',
      indicatorValues: [{ indicatorId: counted, value: 12 }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json().indicatorValues).toEqual([{ indicatorId: counted, value: 12 }]);
    const reportUrl = `/api/v1/reports/${draft.json().id}`;
    const any = { 'if-match': '*' };
    await t.inject({
      method: 'POST',
      url: `${reportUrl}/submit`,
      headers: { ...editor.headers, ...any },
    });
    // Submitted and even returned, nothing is recorded yet.
    await t.inject({
      method: 'POST',
      url: `${reportUrl}/return`,
      headers: { ...coordinator.headers, ...any },
      payload: { comment: 'Say which courses.' },
    });
    expect(await measurements()).toEqual([]);
    const resaved = await save(
      periodId,
      ledItem,
      editor,
      { itemStatus: 'ongoing', indicatorValues: [{ indicatorId: counted, value: 14 }] },
      '*',
    );
    expect(resaved.statusCode, resaved.body).toBe(200);
    await t.inject({
      method: 'POST',
      url: `${reportUrl}/submit`,
      headers: { ...editor.headers, ...any },
    });
    const approved = await t.inject({
      method: 'POST',
      url: `${reportUrl}/approve`,
      headers: { ...coordinator.headers, ...any },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await measurements()).toMatchObject([{ measuredOn: '2026-03-31', value: 14 }]);
  });

  it('freezes a locked period', async () => {
    const periodId = await openPeriod('Q1 2026 (locked)');
    const draft = await save(periodId, otherItem, coordinator, { itemStatus: 'ongoing' });
    expect(
      (
        await t.inject({
          method: 'POST',
          url: `/api/v1/periods/${periodId}/lock`,
          headers: { ...coordinator.headers, 'if-match': '"1"' },
        })
      ).statusCode,
    ).toBe(200);
    const late = await save(periodId, otherItem, coordinator, { itemStatus: 'implemented' }, '*');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('locked');
    const submit = await t.inject({
      method: 'POST',
      url: `/api/v1/reports/${draft.json().id}/submit`,
      headers: { ...coordinator.headers, 'if-match': draft.headers.etag as string },
    });
    expect(submit.statusCode).toBe(409);
    const again = await t.inject({
      method: 'POST',
      url: `/api/v1/periods/${periodId}/lock`,
      headers: { ...coordinator.headers, 'if-match': '*' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('needs If-Match to change an existing draft', async () => {
    const periodId = await openPeriod('Q1 2026 (if-match)');
    const first = await save(periodId, ledItem, editor, { itemStatus: 'ongoing' });
    expect((await save(periodId, ledItem, editor, { itemStatus: 'implemented' })).statusCode).toBe(
      428,
    );
    expect(
      (await save(periodId, ledItem, editor, { itemStatus: 'implemented' }, '"7"')).statusCode,
    ).toBe(412);
    expect(
      (
        await save(
          periodId,
          ledItem,
          editor,
          { itemStatus: 'implemented' },
          `"${first.json().version}"`,
        )
      ).statusCode,
    ).toBe(200);
  });
  it('needs If-Match on every transition: 428 without, 412 when stale, nothing changed', async () => {
    const periodId = await openPeriod('Q1 2026 (transitions)');
    const draft = await save(periodId, ledItem, editor, { itemStatus: 'ongoing' });
    const reportUrl = `/api/v1/reports/${draft.json().id}`;
    const transition = (action: string, session: Session, ifMatch?: string) =>
      t.inject({
        method: 'POST',
        url: `${reportUrl}/${action}`,
        headers: ifMatch ? { ...session.headers, 'if-match': ifMatch } : session.headers,
        ...(action === 'return' ? { payload: { comment: 'More detail, please.' } } : {}),
      });
    expect((await transition('submit', editor)).statusCode).toBe(428);
    expect((await transition('submit', editor, '"9"')).statusCode).toBe(412);
    const submitted = await transition('submit', editor, draft.headers.etag as string);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.headers.etag).toBe(`"${submitted.json().version}"`);
    for (const action of ['approve', 'return']) {
      expect((await transition(action, coordinator)).statusCode).toBe(428);
      // The draft's tag is stale now that the report was submitted.
      const stale = await transition(action, coordinator, draft.headers.etag as string);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().error.code).toBe('precondition_failed');
    }
    const report = await t.db.kysely
      .selectFrom('progress_reports')
      .select(['status', 'version'])
      .where('id', '=', draft.json().id)
      .executeTakeFirstOrThrow();
    expect(report).toEqual({ status: 'submitted', version: submitted.json().version });

    const lockUrl = `/api/v1/periods/${periodId}/lock`;
    const lock = (ifMatch?: string) =>
      t.inject({
        method: 'POST',
        url: lockUrl,
        headers: ifMatch ? { ...coordinator.headers, 'if-match': ifMatch } : coordinator.headers,
      });
    expect((await lock()).statusCode).toBe(428);
    expect((await lock('"2"')).statusCode).toBe(412);
    const locked = await lock('"1"');
    expect(locked.statusCode).toBe(200);
    expect(locked.json()).toMatchObject({ status: 'locked', version: 2 });
    expect(locked.headers.etag).toBe('"2"');
  });
});
