/**
 * Marking schemes and the deployment's settings are data: the marking tables hold NATO, the
 * unmarked policy and the deployment's own national scheme (and no other nation's); labels are
 * checked against them; the default label comes from deployment_settings, overridable by the
 * environment at start-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../audit/audit-log.js';
import { loadConfig } from '../../config.js';
import { testDatabases } from '../../test/databases.js';
import { startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { deployment } from '../../test/partner.js';
import { applyDeploymentOverrides, deploymentSettings } from './deployment.js';

describe.each(testDatabases)('marking schemes and deployment settings on %s', (kind) => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
    coordinator = await t.signIn('coordinator');
  });
  afterAll(() => t.close());

  it('lists NATO, the unmarked policy and the deployment’s own scheme, and nothing else', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/marking-levels' });
    expect(res.statusCode).toBe(200);
    const policies = [...new Set(res.json().items.map((l: { policy: string }) => l.policy))];
    expect(policies.sort()).toEqual(['NATO', 'NONE', deployment.nationalPolicy].sort());
    const national = res
      .json()
      .items.filter((l: { policy: string }) => l.policy === deployment.nationalPolicy)
      .map((l: { code: string }) => l.code);
    expect(national).toEqual(deployment.dataSet.markingPolicies[0]!.levels.map((l) => l.code));
  });

  it('stores the partner nation and default label of the data set', async () => {
    const settings = await deploymentSettings(t.db.kysely);
    expect(settings).toEqual({
      partnerNation: deployment.nation,
      defaultOwner: deployment.defaultOwner,
      defaultLabel: deployment.defaultLabel,
    });
  });

  const event = (label?: object, app: TestApp = t, session: Session = coordinator) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/timeline-events',
      headers: session.headers,
      payload: {
        when: { date: '2026', precision: 'year' },
        category: 'other',
        title: { en: 'Labelled event' },
        sources: [{ citation: 'n/a' }],
        ...(label ? { label } : {}),
      },
    });

  it('checks labels against the marking tables, whatever the policy', async () => {
    const national = await event({
      policy: deployment.nationalPolicy,
      level: deployment.nationalLevel,
      releasableTo: [deployment.nation],
    });
    expect(national.statusCode, national.body).toBe(201);
    expect(national.json().label).toMatchObject({
      policy: deployment.nationalPolicy,
      level: deployment.nationalLevel,
      owner: deployment.defaultOwner,
    });
    const unknown = await event({ policy: 'ZZ', level: 'SOMETHING', releasableTo: [] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details.field).toBe('label.level');
    const lower = await event({ policy: 'nato', level: 'NATO_UNCLASSIFIED', releasableTo: [] });
    expect(lower.statusCode).toBe(400);
  });

  it('takes the default label from the environment when it overrides the data set, audited', async () => {
    // The override changes the deployment's settings: it runs on a deployment of its own, so the
    // other tests keep reading the data set's settings whatever the order.
    const own = await startTestApp(kind, { seed: false });
    try {
      const ownCoordinator = await own.signIn('coordinator');
      const config = loadConfig({
        LIAISON_DEFAULT_LABEL: `NATO:NATO_UNCLASSIFIED:NATO,${deployment.nation}`,
        LIAISON_DEFAULT_OWNER: 'NATO',
      });
      const audit = new AuditLog(own.db.dialect);
      await applyDeploymentOverrides(own.db, audit, config);
      await applyDeploymentOverrides(own.db, audit, config);
      const created = await event(undefined, own, ownCoordinator);
      expect(created.statusCode).toBe(201);
      expect(created.json().label).toMatchObject({
        policy: 'NATO',
        level: 'NATO_UNCLASSIFIED',
        releasableTo: ['NATO', deployment.nation].sort(),
        owner: 'NATO',
      });
      const entries = await own.db.kysely
        .selectFrom('audit_log')
        .select('after_state')
        .where('action', '=', 'deployment.settings')
        .orderBy('seq')
        .execute();
      // One from the data set, one from the override; the second identical override wrote nothing.
      expect(entries).toHaveLength(2);
      expect(JSON.parse(entries[1]!.after_state!).partnerNation).toBe(deployment.nation);
      // The shared deployment is untouched.
      expect((await deploymentSettings(t.db.kysely)).defaultOwner).toBe(deployment.defaultOwner);
    } finally {
      await own.close();
    }
    expect(() => loadConfig({ LIAISON_DEFAULT_LABEL: 'NONE:PUBLIC:PUBLIC' })).toThrow(
      /may not be public/,
    );
  });
});
