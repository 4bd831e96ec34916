import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTreeNode } from '../../../core/schemas/plan.js';
import type { ImportJob } from '../../../core/schemas/plan-import.js';
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HEAD =
  'Code;Parent code;Level;Title (English);Title (Serbian);Status;Start;Due;Lead organisation;Partner organisations;Weight;Budget amount';

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe.each(testDatabases)('plan imports on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  let editor: Session;
  let planId: string;
  let otherPlanId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    coordinator = await t.signIn('coordinator');
    editor = await t.signIn('editor');
    const plans = (await t.inject({ method: 'GET', url: '/api/v1/plans' })).json().items as {
      id: string;
      code: string;
    }[];
    planId = plans.find((p) => p.code === 'IPAP-2015')!.id;
    otherPlanId = plans.find((p) => p.code === 'IPAP-2019-2021')!.id;
  });
  afterAll(() => t.close());

  const tree = async (id = planId) =>
    flatten(
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${id}/tree`,
          headers: coordinator.headers,
        })
      ).json().items as PlanTreeNode[],
    );
  /** What a person sees of the plan: codes, titles, statuses, dates, owners, versions. */
  const shape = async (id = planId) =>
    (await tree(id)).map((n) => ({
      id: n.id,
      code: n.code,
      version: n.version,
      title: n.title,
      status: n.status,
      startOn: n.startOn,
      dueOn: n.dueOn,
      lead: n.leadOrganisationId,
      partners: n.partnerOrganisationIds,
      weight: n.weight,
      budget: n.budget,
    }));
  const upload = (session: Session, content: string | Buffer, fileName = 'plan.csv', id = planId) =>
    t.inject({
      method: 'POST',
      url: `/api/v1/plans/${id}/imports`,
      headers: session.headers,
      payload: { fileName, content: Buffer.from(content).toString('base64') },
    });
  const job = async (id: string, session = coordinator, query = 'pageSize=500') =>
    t.inject({ method: 'GET', url: `/api/v1/imports/${id}?${query}`, headers: session.headers });
  const settle = async (id: string, session = coordinator): Promise<ImportJob> => {
    for (let i = 0; i < 6000; i++) {
      const body = (await job(id, session)).json() as ImportJob;
      if (['validated', 'failed', 'committed'].includes(body.status)) return body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the import job never finished');
  };
  const dryRun = async (content: string | Buffer, fileName = 'plan.csv', id = planId) => {
    const res = await upload(coordinator, content, fileName, id);
    expect(res.statusCode, res.body).toBe(202);
    return settle(res.json().id);
  };
  const commit = async (jobId: string) => {
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/imports/${jobId}/commit`,
      headers: coordinator.headers,
    });
    return res;
  };
  const auditCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const chapter = async (code: string, id = planId) =>
    (await tree(id)).find((n) => n.code === code)!;

  it('lets only plan editors import, and shows a job to the person who started it only', async () => {
    const abilities = async (s: Session) =>
      (
        await t.inject({
          method: 'GET',
          url: `/api/v1/plans/${planId}/imports`,
          headers: s.headers,
        })
      ).json().abilities;
    expect(await abilities(coordinator)).toEqual({ import: true });
    expect(await abilities(editor)).toEqual({ import: false });
    const refused = await upload(editor, `${HEAD}\n;1;;Title;;;;;;;;`);
    expect(refused.statusCode).toBe(403);
    const started = await upload(coordinator, `${HEAD}\n;1;;Title;;;;;;;;`);
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    expect((await job(id, editor)).statusCode).toBe(404);
    const other = await t.signIn('coordinator');
    expect((await job(id, other)).statusCode).toBe(404);
    // Administrators included: the report names items as the uploader sees them.
    const admin = await t.signIn('administrator');
    const asAdmin = await job(id, admin);
    expect(asAdmin.statusCode).toBe(404);
    expect(asAdmin.body).toBe((await job(uuidv7(), admin)).body);
    await settle(id);
    const commitByEditor = await t.inject({
      method: 'POST',
      url: `/api/v1/imports/${id}/commit`,
      headers: editor.headers,
    });
    expect(commitByEditor.statusCode).toBe(404);
    const anonymous = await t.inject({ method: 'GET', url: `/api/v1/imports/${id}` });
    expect(anonymous.statusCode).toBe(404);
  });

  it('dry run names every bad row and column, and writes nothing', async () => {
    const before = await shape();
    const audits = await auditCount();
    const top = await chapter('1');
    const next = top.children.length + 1;
    const csv = [
      HEAD,
      `;1;2;Good objective;Dobar cilj;U toku;2026-01;2026-Q4;MoD;SAF;1;1000`,
      `;1;2;Bad status;;Finished;;;;;;`,
      `;1;2;Text weight;;;;;;;heavy;`,
      `;1;2;Text budget;;;;;;;;lots`,
      `;1;2;Due first;;;2026-06;2026-01-15;;;;`,
      `;99.9;;Unknown parent;;;;;;;;`,
      `;1;;Unknown lead;;;;;Ministry of Magic;;;`,
      `1.${next};1;;Duplicated A;;;;;;;;`,
      `1.${next};1;;Duplicated B;;;;;;;;`,
      `1.${next + 1};1;2;Objective;;;;;;;;`,
      `1.${next + 1}.1;;3;Activity;;;;;;;;`,
      `1.${next + 1}.1.1;;;Too deep;;;;;;;;`,
    ].join('\r\n');
    const report = await dryRun(`\uFEFF${csv}\r\n`);
    expect(report.status).toBe('validated');
    const byTitle = (title: string) => report.rows.find((r) => r.title === title)!;
    const columns = (title: string) => byTitle(title).errors.map((e) => e.column);
    expect(byTitle('Good objective').action).toBe('create');
    expect(byTitle('Good objective').errors).toEqual([]);
    expect(columns('Bad status')).toEqual(['status']);
    expect(byTitle('Bad status').errors[0]!.message).toContain('Finished');
    expect(columns('Text weight')).toEqual(['weight']);
    expect(byTitle('Text weight').errors[0]!.message).toContain('heavy');
    expect(columns('Text budget')).toEqual(['budgetAmount']);
    expect(columns('Due first')).toEqual(['dueOn']);
    expect(byTitle('Due first').errors[0]!.message).toMatch(/before the start/);
    expect(columns('Unknown parent')).toEqual(['parentCode']);
    expect(byTitle('Unknown parent').errors[0]!.message).toContain('99.9');
    expect(columns('Unknown lead')).toEqual(['leadOrganisation']);
    expect(columns('Duplicated B')).toEqual(['code']);
    expect(byTitle('Duplicated B').errors[0]!.message).toContain('row 9');
    expect(byTitle('Activity').action).toBe('create');
    expect(columns('Too deep')).toEqual(['parentCode']);
    expect(byTitle('Too deep').errors[0]!.message).toMatch(/3 levels/);
    // Errors come first, each with its spreadsheet row number (heading = row 1).
    expect(report.rows[0]!.action).toBe('error');
    expect(byTitle('Bad status').row).toBe(3);
    expect(report.counts).toMatchObject({ rows: 12, create: 4, errors: 8 });
    expect(await shape()).toEqual(before);
    // Only the upload itself is in the audit log.
    expect(await auditCount()).toBe(audits + 1);
    const refused = await commit(report.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/8 rows have errors/);
    expect(await shape()).toEqual(before);
  });

  it('commits creates and updates in one go, with codes in order and one audit entry per item', async () => {
    const top = await chapter('2');
    const n = top.children.length;
    const csv = [
      'Code,Parent code,Title (English),Title (Serbian),Status,Due,Lead organisation,Budget amount,Budget currency,Funding source',
      `2,,"Chapter two, renamed",,Postponed,,,,,`,
      `2.${n + 1},2,New objective,Нови циљ,,2027-Q2,MoD,"1.250,50",EUR,National budget`,
      `,2.${n + 1},First activity,,Realizovano,2026-12,SAF,,,`,
      `,2.${n + 1},Second activity,,,continuous,,,,`,
      `2.${n + 2},2,Another objective,,,,,,,`,
    ].join('\n');
    const before = await chapter('2');
    const report = await dryRun(csv);
    const audits = await auditCount();
    expect(report.counts).toMatchObject({ rows: 5, create: 4, update: 1, errors: 0 });
    const update = report.rows.find((r) => r.action === 'update')!;
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { column: 'titleEn', from: before.title.en ?? '', to: 'Chapter two, renamed' },
        { column: 'status', from: before.status, to: 'postponed' },
      ]),
    );
    expect(report.rows.find((r) => r.title === 'Second activity')!.finalCode).toBe(`2.${n + 1}.2`);
    const started = await commit(report.id);
    expect(started.statusCode, started.body).toBe(202);
    const done = await settle(report.id);
    expect(done.status, done.failure ?? '').toBe('committed');
    const items = await tree();
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(byCode.get('2')!.title.en).toBe('Chapter two, renamed');
    expect(byCode.get('2')!.status).toBe('postponed');
    // The file has a Serbian title column and its cell is empty: the title is cleared, as the
    // dry run said it would be.
    expect(update.changes).toContainEqual({ column: 'titleSr', from: before.title.sr, to: '' });
    expect(byCode.get('2')!.title.sr).toBeNull();
    const objective = byCode.get(`2.${n + 1}`)!;
    expect(objective.title).toEqual({ en: 'New objective', sr: 'Нови циљ' });
    expect(objective.dueOn).toBe('2027-Q2');
    expect(objective.budget).toEqual({
      amount: 1250.5,
      currency: 'EUR',
      fundingSource: 'national_budget',
    });
    expect(byCode.get(`2.${n + 1}.1`)!.title.en).toBe('First activity');
    expect(byCode.get(`2.${n + 1}.1`)!.status).toBe('implemented');
    expect(byCode.get(`2.${n + 1}.2`)!.dueOn).toBe('continuous');
    expect(byCode.get(`2.${n + 2}`)!.title.en).toBe('Another objective');
    // Four creates, one update, one summary of the import.
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .orderBy('seq')
      .offset(audits)
      .limit(100)
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'plan_import.commit',
        'plan_item.create',
        'plan_item.create',
        'plan_item.create',
        'plan_item.create',
        'plan_item.update',
      ].sort(),
    );
    // The same file again: the updates are now unchanged rows, committing twice is refused.
    expect((await commit(report.id)).statusCode).toBe(409);
  });

  it('refuses a commit when the plan changed after the dry run', async () => {
    const item = await chapter('3');
    const report = await dryRun(`Code;Title (English)\n3;Chapter three, imported`);
    expect(report.counts).toMatchObject({ update: 1, errors: 0 });
    const current = await t.inject({ method: 'GET', url: `/api/v1/plan-items/${item.id}` });
    const changed = await t.inject({
      method: 'PATCH',
      url: `/api/v1/plan-items/${item.id}`,
      headers: { ...coordinator.headers, 'if-match': current.headers.etag as string },
      payload: { status: 'postponed' },
    });
    expect(changed.statusCode).toBe(200);
    const refused = await commit(report.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/changed since the dry run/);
    expect((await chapter('3')).title.en).toBe(item.title.en);
  });

  it('answers a parent code of an item the importer may not see exactly like a missing one', async () => {
    // Someone of another organisation keeps a chapter only their organisation may read.
    const admin = await t.signIn('administrator');
    const insider = await t.signIn('coordinator');
    const organisations = (
      await t.inject({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })
    ).json().items as { id: string }[];
    const me = (
      await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: insider.headers })
    ).json();
    const joined = await t.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.user.id}`,
      headers: { ...admin.headers, 'if-match': '*' },
      payload: { organisationIds: [organisations[0]!.id] },
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const hidden = await t.inject({
      method: 'POST',
      url: '/api/v1/plan-items',
      headers: insider.headers,
      payload: {
        planId,
        title: { en: 'A chapter the importer may not see' },
        label: {
          policy: 'NATO',
          level: 'NATO_UNCLASSIFIED',
          releasableTo: ['NATO'],
          originatorId: organisations[0]!.id,
        },
      },
    });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const code = hidden.json().code as string;
    const seen = await t.inject({
      method: 'GET',
      url: `/api/v1/plan-items/${hidden.json().id}`,
      headers: coordinator.headers,
    });
    expect(seen.statusCode).toBe(404);

    const asParent = async (parentCode: string) => {
      const report = await dryRun(`Code;Parent code;Title (English)\n;${parentCode};Child`);
      const outcomes = (await job(report.id)).json().rows as {
        action: string;
        errors: { column: string; message: string }[];
      }[];
      return {
        counts: report.counts,
        outcomes: outcomes.map((o) => ({
          action: o.action,
          errors: o.errors.map((e) => ({ ...e, message: e.message.replace(parentCode, 'N') })),
        })),
      };
    };
    const missing = await asParent('999');
    expect(missing.counts).toMatchObject({ errors: 1, create: 0 });
    expect(await asParent(code)).toEqual(missing);
    const children = await t.db.kysely
      .selectFrom('plan_items')
      .select('id')
      .where('parent_id', '=', hidden.json().id)
      .execute();
    expect(children).toEqual([]);
  });

  it('leaves the plan exactly as it was when the commit fails half-way', async () => {
    const top = await chapter('4');
    const n = top.children.length;
    const rows = [`Code;Parent code;Title (English)`];
    for (let i = 1; i <= 250; i++) rows.push(`4.${n + i};4;Objective ${i}`);
    rows.push(`1;;Boom`);
    const report = await dryRun(rows.join('\n'));
    expect(report.counts).toMatchObject({ create: 250, update: 1, errors: 0 });
    // The database refuses the last write (the update, after 250 inserts and their audit).
    if (kind === 'postgres') {
      await sql`create function import_boom() returns trigger language plpgsql as $$
        begin if new.title_en = 'Boom' then raise exception 'boom'; end if; return new; end $$`.execute(
        t.db.kysely,
      );
      await sql`create trigger import_boom before update on plan_items for each row execute function import_boom()`.execute(
        t.db.kysely,
      );
    } else {
      await sql`create trigger import_boom before update on plan_items when new.title_en = 'Boom'
        begin select raise(abort, 'boom'); end`.execute(t.db.kysely);
    }
    const before = await shape();
    const audits = await auditCount();
    try {
      expect((await commit(report.id)).statusCode).toBe(202);
      const done = await settle(report.id);
      expect(done.status).toBe('failed');
      expect(done.failure).toMatch(/nothing was changed/);
    } finally {
      await sql`drop trigger import_boom${sql.raw(kind === 'postgres' ? ' on plan_items' : '')}`.execute(
        t.db.kysely,
      );
    }
    expect(await shape()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('reads formula-looking cells as text, and the exported apostrophe is dropped', async () => {
    const top = await chapter('1', otherPlanId);
    const n = top ? top.children.length : 0;
    const csv = [
      'Code;Parent code;Title (English);Title (Serbian)',
      `1.${n + 1};1;=SUM(A1:A3);@cmd`,
      `1.${n + 2};1;'+1 plus;-2 minus`,
    ].join('\n');
    const report = await dryRun(csv, 'f.csv', otherPlanId);
    expect(report.counts).toMatchObject({ create: 2, errors: 0 });
    await commit(report.id);
    expect((await settle(report.id)).status).toBe('committed');
    const items = await tree(otherPlanId);
    expect(items.find((i) => i.code === `1.${n + 1}`)!.title).toEqual({
      en: '=SUM(A1:A3)',
      sr: '@cmd',
    });
    expect(items.find((i) => i.code === `1.${n + 2}`)!.title).toEqual({
      en: '+1 plus',
      sr: '-2 minus',
    });
  });

  it('round-trips the XLSX template with its example row, formulas staying text', async () => {
    const res = await t.inject({
      method: 'GET',
      url: `/api/v1/plans/${otherPlanId}/import-template`,
      headers: coordinator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const items = book.getWorksheet('Items')!;
    expect(String(items.getCell('A1').value)).toMatch(/^Marking: /);
    expect(items.getRow(2).getCell(4).value).toBe('Title (English)');
    expect(book.getWorksheet('Lists')!.getCell('B3').value).toBe('Ongoing');
    const report = await dryRun(res.rawPayload, 'template.xlsx', otherPlanId);
    expect(report.format).toBe('xlsx');
    expect(report.counts).toMatchObject({ rows: 1, create: 1, errors: 0, warnings: 0 });
    expect(report.rows[0]!.title).toMatch(/^Example/);
    // A formula typed into the template is read as its text.
    items.getCell('D3').value = { formula: '1+2', result: 3 } as never;
    const withFormula = Buffer.from(await book.xlsx.writeBuffer());
    const second = await dryRun(withFormula, 'template.xlsx', otherPlanId);
    expect(second.rows[0]!.title).toBe('=1+2');
    // A date typed into a date-formatted cell arrives as the day it shows.
    items.getCell('I3').value = new Date(Date.UTC(2026, 2, 15));
    const withDate = Buffer.from(await book.xlsx.writeBuffer());
    const third = await dryRun(withDate, 'template.xlsx', otherPlanId);
    expect(third.counts, JSON.stringify(third.rows[0])).toMatchObject({ errors: 0, create: 1 });
    expect(items.getRow(2).getCell(9).value).toBe('Start');
  });

  it('takes the raw file as the body too, and says how when the body is not a file', async () => {
    const top = await chapter('2', otherPlanId);
    const res = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${otherPlanId}/imports/file?fileName=raw.csv`,
      headers: { ...coordinator.headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: Buffer.from(`\uFEFFCode;Parent code;Title (English)\n;2;Raw upload\n`),
    });
    expect(res.statusCode, res.body).toBe(202);
    const report = await settle(res.json().id);
    expect(report).toMatchObject({ fileName: 'raw.csv', format: 'csv' });
    expect(report.rows[0]).toMatchObject({
      action: 'create',
      finalCode: `2.${top.children.length + 1}`,
    });
    const notAFile = await t.inject({
      method: 'POST',
      url: `/api/v1/plans/${otherPlanId}/imports/file`,
      headers: coordinator.headers,
      payload: { fileName: 'x.csv' },
    });
    expect(notAFile.statusCode).toBe(400);
    expect(notAFile.json().error.message).toMatch(/Content-Type/);
    const broken = await upload(
      coordinator,
      'PK\u0003\u0004 not really a zip',
      'broken.xlsx',
      otherPlanId,
    );
    expect(broken.statusCode).toBe(202);
    const failed = await settle(broken.json().id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/could not be opened/);
  });

  it('imports 10,000 rows as a job with progress', async () => {
    const top = await chapter('3', otherPlanId);
    const n = top.children.length;
    const rows = ['Code;Parent code;Title (English);Status;Weight'];
    for (let o = 1; o <= 100; o++) {
      rows.push(`3.${n + o};3;Objective ${o};;`);
      for (let a = 1; a <= 99; a++) rows.push(`;3.${n + o};Activity ${o}.${a};Ongoing;1`);
    }
    const csv = rows.join('\n');
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const report = await dryRun(csv, 'big.csv', otherPlanId);
    const checked = performance.now();
    expect(report.counts).toMatchObject({ rows: 10_000, create: 10_000, errors: 0 });
    // The report is paged: one page, not 10,000 rows.
    expect(report.rows).toHaveLength(500);
    expect(report.rowsPage.total).toBe(10_000);
    expect((await commit(report.id)).statusCode).toBe(202);
    const done = await settle(report.id);
    const committed = performance.now();
    loop.disable();
    expect(done.status, done.failure ?? '').toBe('committed');
    expect(done.progress).toEqual({ done: 10_000, total: 10_000 });
    const items = await tree(otherPlanId);
    expect(items.filter((i) => i.code.startsWith(`3.${n + 100}.`))).toHaveLength(99);
    expect(items.find((i) => i.code === `3.${n + 100}.99`)!.title.en).toBe('Activity 100.99');
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true);
    console.log(
      `[plan import, ${kind}] 10,000 rows: dry run ${Math.round(checked - started)} ms, commit ${Math.round(committed - checked)} ms, longest event-loop stall ${Math.round(loop.max / 1e6)} ms`,
    );
  }, 120_000);
});
