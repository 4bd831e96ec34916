/**
 * Containers (DESIGN.md "Trust by construction"): a plan item is visible only if its plan and
 * every item above it are; indicators, measurements, reports and comments follow their item. A
 * record in a hidden container answers every read and every write exactly like a random id, and
 * write errors say nothing about records the writer may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import { testDatabases } from '../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../test/harness.js';
import { deployment } from '../test/partner.js';

const PUBLIC = { policy: 'NONE', level: 'PUBLIC', releasableTo: ['PUBLIC'] };
/** Readable only inside the originating organisation (or with a grant). */
const ownedBy = (originatorId: string) => ({
  policy: 'NATO',
  level: 'NATO_UNCLASSIFIED',
  releasableTo: ['NATO'],
  originatorId,
});

interface Item {
  id: string;
  code: string;
  children?: Item[];
}

const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(i.children ?? [])]);

describe.each(testDatabases)('containers on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  /** Works in the originating organisation: sees everything. */
  let insider: Session;
  /** A coordinator of another organisation: sees only what is public. */
  let outsider: Session;
  /** An editor of another organisation, which leads the items inside the hidden plan. */
  let editor: Session;
  let ownOrg: string;
  let otherOrg: string;

  const inject = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    who: Session | null,
    payload?: object,
  ) =>
    t.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(who?.headers ?? {}), ...(method === 'GET' ? {} : { 'if-match': '*' }) },
      ...(payload ? { payload } : {}),
    });
  const ok = async (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    who: Session,
    payload: object,
  ) => {
    const res = await inject(method, url, who, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const userId = async (s: Session) =>
    (await inject('GET', '/auth/me', s)).json().user.id as string;
  const joinOrganisation = async (s: Session, organisationId: string) => {
    const res = await inject('PATCH', `/users/${await userId(s)}`, admin, {
      organisationIds: [organisationId],
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const newPlan = async (code: string, label: object) =>
    (
      await ok('POST', '/plans', insider, {
        code,
        title: { en: `Plan ${code}` },
        template: 'ipap',
        label,
      })
    ).id as string;
  const newItem = async (planId: string, parentId: string | null, label: object, extra = {}) =>
    (
      await ok('POST', '/plan-items', insider, {
        planId,
        ...(parentId ? { parentId } : {}),
        title: { en: `Item ${Math.random().toString(36).slice(2, 7)}` },
        label,
        ...extra,
      })
    ).id as string;

  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    admin = await t.signIn('administrator');
    const org = async (name: string) =>
      (
        await ok('POST', '/organisations', admin, {
          kind: 'ministry',
          side: 'partner',
          nation: deployment.nation,
          name: { en: name },
          label: PUBLIC,
        })
      ).id as string;
    ownOrg = await org('Originating ministry');
    otherOrg = await org('Other ministry');
    insider = await t.signIn('coordinator');
    outsider = await t.signIn('coordinator');
    editor = await t.signIn('editor');
    await joinOrganisation(insider, ownOrg);
    await joinOrganisation(outsider, otherOrg);
    await joinOrganisation(editor, otherOrg);
  });
  afterAll(() => t.close());

  /** The answer to a request about `id`, and to the same request about a random id. */
  const sameAsRandom = async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: (id: string) => string,
    id: string,
    who: Session | null,
    payload?: object,
  ) => {
    const hidden = await inject(method, url(id), who, payload);
    const random = await inject(method, url(uuidv7()), who, payload);
    expect(hidden.statusCode, `${method} ${url(id)}: ${hidden.body}`).toBe(random.statusCode);
    expect(hidden.body).toBe(random.body);
    return hidden;
  };

  describe('reads', () => {
    let planId: string;
    let hiddenPlanId: string;
    let hiddenChapter: string;
    let underHidden: string;
    let inHiddenPlan: string;
    let visibleChapter: string;
    let periodId: string;
    let reportId: string;

    beforeAll(async () => {
      planId = await newPlan('CONT-R', PUBLIC);
      hiddenPlanId = await newPlan('CONT-RH', ownedBy(ownOrg));
      visibleChapter = await newItem(planId, null, PUBLIC);
      hiddenChapter = await newItem(planId, null, ownedBy(ownOrg));
      underHidden = await newItem(planId, hiddenChapter, PUBLIC, { dueOn: '2020-01' });
      inHiddenPlan = await newItem(hiddenPlanId, null, PUBLIC);
      for (const id of [underHidden, inHiddenPlan]) {
        await ok('POST', `/plan-items/${id}/indicators`, insider, {
          kind: 'quantitative',
          name: { en: 'Share of posts filled' },
        });
        await ok('POST', `/plan-items/${id}/comments`, insider, { body: 'Inside a container' });
      }
      periodId = (
        await ok('POST', `/plans/${planId}/periods`, insider, {
          kind: 'quarter',
          startsOn: '2026-01-01',
          endsOn: '2026-03-31',
          title: 'Q1',
        })
      ).id;
      reportId = (
        await ok('PUT', `/periods/${periodId}/items/${underHidden}/report`, insider, {
          itemStatus: 'ongoing',
          narrative: 'Reported inside a hidden chapter',
        })
      ).id;
    });

    it('answers the workflow of a report on a hidden item exactly like a random report id', async () => {
      for (const action of ['submit', 'approve', 'return']) {
        const payload = action === 'return' ? { comment: 'Probe' } : undefined;
        for (const who of [outsider, editor]) {
          const res = await sameAsRandom(
            'POST',
            (x) => `/reports/${x}/${action}`,
            reportId,
            who,
            payload,
          );
          expect(res.statusCode).toBe(404);
        }
      }
    });

    it('lets the insider read the whole chain, so the records are really there', async () => {
      for (const id of [underHidden, inHiddenPlan]) {
        expect((await inject('GET', `/plan-items/${id}`, insider)).statusCode).toBe(200);
      }
      const items = (await inject('GET', `/plans/${planId}/items`, insider)).json();
      expect(items.items.map((i: Item) => i.id)).toContain(underHidden);
    });

    it('answers every detail read of an item in a hidden container exactly like a random id', async () => {
      for (const who of [outsider, null]) {
        for (const id of [underHidden, inHiddenPlan]) {
          for (const suffix of ['', '/changes', '/indicators', '/reports']) {
            const res = await sameAsRandom('GET', (x) => `/plan-items/${x}${suffix}`, id, who);
            expect(res.statusCode).toBe(404);
          }
        }
      }
      for (const id of [underHidden, inHiddenPlan]) {
        const res = await sameAsRandom('GET', (x) => `/plan-items/${x}/comments`, id, outsider);
        expect(res.statusCode).toBe(404);
        const comment = (await inject('GET', `/plan-items/${id}/comments`, insider)).json().items[0]
          .id as string;
        const one = await sameAsRandom('GET', (x) => `/comments/${x}`, comment, outsider);
        expect(one.statusCode).toBe(404);
      }
    });

    it('leaves the item out of every list, total, tree, as-of tree, dashboard and report list', async () => {
      for (const who of [outsider, null]) {
        const items = (await inject('GET', `/plans/${planId}/items`, who)).json();
        expect(items.items.map((i: Item) => i.id)).toEqual([visibleChapter]);
        expect(items.total).toBe(1);
        const tree = (await inject('GET', `/plans/${planId}/tree`, who)).json();
        expect(flatten(tree.items).map((i) => i.id)).toEqual([visibleChapter]);
        const today = new Date().toISOString().slice(0, 10);
        const asOf = (await inject('GET', `/plans/${planId}/tree?asOf=${today}`, who)).json();
        expect(flatten(asOf.items).map((i) => i.id)).toEqual([visibleChapter]);
        const dashboard = await inject('GET', `/plans/${planId}/dashboard`, who);
        expect(dashboard.statusCode).toBe(200);
        expect(dashboard.body).not.toContain(underHidden);
        expect(dashboard.json().overdue.total).toBe(0);
      }
      const due = await inject('GET', `/periods/${periodId}/reports-due`, outsider);
      expect(due.statusCode, due.body).toBe(200);
      expect(due.body).not.toContain(underHidden);
      expect(due.body).not.toContain(hiddenChapter);
    });
  });

  describe('writes into a hidden container', () => {
    let planId: string;
    let hiddenPlanId: string;
    let hiddenChapter: string;
    let underHidden: string;
    let inHiddenPlan: string;
    let indicatorInHiddenPlan: string;

    beforeAll(async () => {
      planId = await newPlan('CONT-W', PUBLIC);
      hiddenPlanId = await newPlan('CONT-WH', ownedBy(ownOrg));
      hiddenChapter = await newItem(planId, null, ownedBy(ownOrg));
      underHidden = await newItem(planId, hiddenChapter, PUBLIC);
      // Led by the editor's organisation: the editor rule would allow changes if it could see it.
      inHiddenPlan = await newItem(hiddenPlanId, null, PUBLIC, { leadOrganisationId: otherOrg });
      indicatorInHiddenPlan = (
        await ok('POST', `/plan-items/${inHiddenPlan}/indicators`, insider, {
          kind: 'quantitative',
          name: { en: 'Exercises held' },
        })
      ).id;
    });

    it('answers changes, deletes and additions on an item in a hidden container as for a random id', async () => {
      for (const who of [outsider, editor]) {
        for (const id of [underHidden, inHiddenPlan]) {
          const patched = await sameAsRandom('PATCH', (x) => `/plan-items/${x}`, id, who, {
            status: 'ongoing',
          });
          expect(patched.statusCode).toBe(404);
          await sameAsRandom('POST', (x) => `/plan-items/${x}/indicators`, id, who, {
            kind: 'quantitative',
            name: { en: 'Probe' },
          });
          await sameAsRandom('POST', (x) => `/plan-items/${x}/comments`, id, who, {
            body: 'Probe',
          });
        }
        await sameAsRandom('PATCH', (x) => `/indicators/${x}`, indicatorInHiddenPlan, who, {
          unit: 'exercises',
        });
        await sameAsRandom(
          'POST',
          (x) => `/indicators/${x}/measurements`,
          indicatorInHiddenPlan,
          who,
          {
            measuredOn: '2026-01-31',
            value: 3,
          },
        );
      }
      for (const id of [underHidden, inHiddenPlan]) {
        const deleted = await sameAsRandom('DELETE', (x) => `/plan-items/${x}`, id, outsider);
        expect(deleted.statusCode).toBe(404);
      }
      const period = await ok('POST', `/plans/${planId}/periods`, insider, {
        kind: 'quarter',
        startsOn: '2026-04-01',
        endsOn: '2026-06-30',
        title: 'Q2',
      });
      for (const who of [outsider, editor]) {
        const report = await sameAsRandom(
          'PUT',
          (x) => `/periods/${period.id}/items/${x}/report`,
          underHidden,
          who,
          { itemStatus: 'ongoing' },
        );
        expect(report.statusCode).toBe(404);
      }
      // Nothing changed.
      const item = (await inject('GET', `/plan-items/${inHiddenPlan}`, insider)).json();
      expect(item).toMatchObject({ status: 'not_started', version: 1 });
    });

    it('refuses a new item under a hidden parent or in a hidden plan as for a random one', async () => {
      const underParent = async (parentId: string) =>
        inject('POST', '/plan-items', outsider, { planId, parentId, title: { en: 'Probe' } });
      const hidden = await underParent(hiddenChapter);
      const random = await underParent(uuidv7());
      expect(hidden.statusCode).toBe(random.statusCode);
      expect(hidden.body).toBe(random.body);
      const inPlan = async (id: string) =>
        inject('POST', '/plan-items', outsider, { planId: id, title: { en: 'Probe' } });
      const a = await inPlan(hiddenPlanId);
      const b = await inPlan(uuidv7());
      expect(a.statusCode).toBe(404);
      expect(a.body).toBe(b.body);
    });

    it('restores a deleted item only for readers of its containers', async () => {
      const child = await newItem(planId, hiddenChapter, PUBLIC);
      const del = await inject('DELETE', `/plan-items/${child}`, insider);
      expect(del.statusCode, del.body).toBe(204);
      const res = await sameAsRandom('POST', (x) => `/plan-items/${x}/restore`, child, outsider);
      expect(res.statusCode).toBe(404);
      const back = await inject('POST', `/plan-items/${child}/restore`, insider);
      expect(back.statusCode, back.body).toBe(200);
    });
  });

  describe('write errors say nothing about hidden records', () => {
    it('deletes an item whose only items below are hidden exactly as an empty one, taking them along and back', async () => {
      const planId = await newPlan('CONT-D', PUBLIC);
      const chapter = await newItem(planId, null, PUBLIC);
      await newItem(planId, chapter, PUBLIC);
      const empty = await newItem(planId, null, PUBLIC);
      const holder = await newItem(planId, null, PUBLIC);
      const hidden = await newItem(planId, holder, ownedBy(ownOrg));
      const deeper = await newItem(planId, hidden, PUBLIC);
      // Visible items below: refused, and the message is about what the writer sees.
      const refused = await inject('DELETE', `/plan-items/${chapter}`, outsider);
      expect(refused.statusCode).toBe(409);
      const a = await inject('DELETE', `/plan-items/${empty}`, outsider);
      const b = await inject('DELETE', `/plan-items/${holder}`, outsider);
      expect([a.statusCode, b.statusCode]).toEqual([204, 204]);
      expect(b.body).toBe(a.body);
      for (const id of [hidden, deeper]) {
        expect((await inject('GET', `/plan-items/${id}`, insider)).statusCode).toBe(404);
      }
      const back = await inject('POST', `/plan-items/${holder}/restore`, insider);
      expect(back.statusCode, back.body).toBe(200);
      const codes = new Map(
        flatten((await inject('GET', `/plans/${planId}/tree`, insider)).json().items).map((i) => [
          i.id,
          i.code,
        ]),
      );
      expect(codes.get(hidden)).toBe(`${codes.get(holder)}.1`);
      expect(codes.get(deeper)).toBe(`${codes.get(holder)}.1.1`);
    });

    it('counts only the items the writer sees when refusing to delete a plan, and deletes a plan whose items are all hidden as an empty one', async () => {
      const planId = await newPlan('CONT-P', PUBLIC);
      await newItem(planId, null, PUBLIC);
      await newItem(planId, null, PUBLIC);
      const hidden = await newItem(planId, null, ownedBy(ownOrg));
      await newItem(planId, hidden, ownedBy(ownOrg));
      const refused = await inject('DELETE', `/plans/${planId}`, outsider);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('still has 2 items');
      expect(refused.body).not.toContain('4');

      const emptyPlan = await newPlan('CONT-P0', PUBLIC);
      const hiddenOnly = await newPlan('CONT-PH', PUBLIC);
      await newItem(hiddenOnly, null, ownedBy(ownOrg));
      const a = await inject('DELETE', `/plans/${emptyPlan}`, outsider);
      const b = await inject('DELETE', `/plans/${hiddenOnly}`, outsider);
      expect([a.statusCode, b.statusCode]).toEqual([204, 204]);
      expect(b.body).toBe(a.body);
    });

    it('refuses a code held by a plan the writer may not read with one sentence that says nothing more', async () => {
      await newPlan('CONT-HIDDEN-LIVE', ownedBy(ownOrg));
      const deleted = await newPlan('CONT-HIDDEN-DEL', ownedBy(ownOrg));
      expect((await inject('DELETE', `/plans/${deleted}`, insider)).statusCode).toBe(204);
      const attempt = (code: string) =>
        inject('POST', '/plans', outsider, { code, title: { en: 'Probe' }, template: 'ipap' });
      const live = await attempt('CONT-HIDDEN-LIVE');
      const gone = await attempt('CONT-HIDDEN-DEL');
      expect([live.statusCode, gone.statusCode]).toEqual([409, 409]);
      expect(live.json().error.message).toBe(
        'The code CONT-HIDDEN-LIVE is taken. Choose another code.',
      );
      expect(gone.body).toBe(live.body.replaceAll('CONT-HIDDEN-LIVE', 'CONT-HIDDEN-DEL'));
      expect(gone.body).not.toContain(deleted);
    });

    it('lists an item whose only items below are hidden as due for a report, like any leaf', async () => {
      const planId = await newPlan('CONT-DUE', PUBLIC);
      const parent = await newItem(planId, null, PUBLIC);
      const hidden = await newItem(planId, parent, ownedBy(ownOrg));
      const period = await ok('POST', `/plans/${planId}/periods`, insider, {
        kind: 'quarter',
        startsOn: '2026-01-01',
        endsOn: '2026-03-31',
        title: 'Q1',
      });
      const due = async (who: Session) =>
        (await inject('GET', `/periods/${period.id}/reports-due`, who))
          .json()
          .items.map((i: { planItemId: string }) => i.planItemId);
      expect(await due(outsider)).toEqual([parent]);
      expect(await due(insider)).toEqual([hidden]);
    });

    it('moves an item whose deepest items below are hidden exactly as an item without them', async () => {
      const planId = await newPlan('CONT-MV', PUBLIC);
      const target = await newItem(planId, null, PUBLIC);
      const plain = await newItem(planId, null, PUBLIC);
      const holder = await newItem(planId, null, PUBLIC);
      const hidden = await newItem(planId, holder, ownedBy(ownOrg));
      const deepest = await newItem(planId, hidden, ownedBy(ownOrg));
      const move = (id: string) =>
        inject('PATCH', `/plan-items/${id}`, outsider, { parentId: target });
      const a = await move(plain);
      const b = await move(holder);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      // Those who see the items below find them where the move took them, deeper than the levels.
      const moved = (await inject('GET', `/plan-items/${deepest}`, insider)).json();
      expect(moved.depth).toBe(3);
    });

    it('counts only the items the writer sees on levels being removed', async () => {
      const levelsOf = async (id: string) =>
        (await inject('GET', `/plans/${id}`, outsider)).json().levels as object[];
      const shorten = async (id: string) => {
        const levels = await levelsOf(id);
        return inject('PATCH', `/plans/${id}`, outsider, {
          levels: levels.slice(0, 1).map((l) => {
            const { name, rollupRule } = l as { name: object; rollupRule: string };
            return { name, rollupRule };
          }),
        });
      };
      const plain = await newPlan('CONT-L0', PUBLIC);
      const withHidden = await newPlan('CONT-LH', PUBLIC);
      const chapter = await newItem(withHidden, null, PUBLIC);
      await newItem(withHidden, chapter, ownedBy(ownOrg));
      const a = await shorten(plain);
      const b = await shorten(withHidden);
      expect(b.statusCode, b.body).toBe(a.statusCode);
      expect(b.statusCode).toBe(200);

      const withVisible = await newPlan('CONT-LV', PUBLIC);
      const top = await newItem(withVisible, null, PUBLIC);
      await newItem(withVisible, top, PUBLIC);
      await newItem(withVisible, top, ownedBy(ownOrg));
      const refused = await shorten(withVisible);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.message).toMatch(/^1 item sits on the levels you removed/);
    });
  });
});
