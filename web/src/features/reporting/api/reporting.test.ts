import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator } from '../../../../../core/schemas/indicator.js';
import { reportedValue, saveReport, transitionBody } from './reporting.js';

const indicator = (id: string, measurements: Indicator['measurements']): Indicator => ({
  id,
  version: 1,
  planItemId: 'item',
  kind: 'quantitative',
  name: { en: id, sr: null } as unknown as Indicator['name'],
  unit: 'courses',
  baseline: { value: 0, year: 2025 },
  target: { value: 10, year: 2027 },
  sourceOfVerification: null,
  measurements,
  progressToTarget: null,
});
const measured = (measuredOn: string, value: number) => ({
  id: `${measuredOn}-${value}`,
  measuredOn,
  value,
  note: null,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('saving a report', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends If-Match once the report exists, with the indicator values inside the report', async () => {
    const calls: { url: string; method: string; headers: Record<string, string>; body: unknown }[] =
      [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        body: init.body ? JSON.parse(init.body as string) : undefined,
      });
      return new Response(JSON.stringify({ id: 'r1', version: 4 }), {
        status: 200,
        headers: { 'content-type': 'application/json', etag: '"4"' },
      });
    });
    const saved = await saveReport({
      periodId: 'p1',
      itemId: 'i1',
      version: 3,
      draft: {
        itemStatus: 'ongoing',
        progress: 40,
        indicatorValues: [{ indicatorId: '0192d7a0-7c1e-7000-8000-000000000001', value: 4 }],
      },
    });
    expect(saved).toEqual({ id: 'r1', version: 4 });
    // One request: nothing is recorded as a measurement until the report is approved.
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: '/api/v1/periods/p1/items/i1/report',
      method: 'PUT',
      headers: { 'If-Match': '"3"' },
      body: {
        itemStatus: 'ongoing',
        progress: 40,
        indicatorValues: [{ indicatorId: '0192d7a0-7c1e-7000-8000-000000000001', value: 4 }],
      },
    });
  });

  it('sends no If-Match for a first save', async () => {
    let headers: Record<string, string> = {};
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      headers = init.headers as Record<string, string>;
      return new Response(JSON.stringify({ id: 'r1', version: 1 }), { status: 201 });
    });
    await saveReport({
      periodId: 'p1',
      itemId: 'i1',
      version: null,
      draft: { itemStatus: 'ongoing' },
    });
    expect(headers).not.toHaveProperty('If-Match');
  });

  it('shows the value the report gives, else the latest recorded on the period’s last day', () => {
    const i = indicator('x', [measured('2026-12-31', 2), measured('2026-12-31', 6)]);
    expect(reportedValue(i, null, '2026-12-31')).toBe(6);
    expect(reportedValue(i, null, '2026-09-30')).toBeNull();
    expect(
      reportedValue(i, { indicatorValues: [{ indicatorId: 'x', value: 9 }] }, '2026-12-31'),
    ).toBe(9);
  });
});

describe('moving a report on', () => {
  it('sends the coordinator’s comment with an approval, and `early` only when confirmed', () => {
    expect(transitionBody('approve', { comment: '  Well done.  ' })).toEqual({
      comment: 'Well done.',
    });
    expect(transitionBody('approve', { comment: ' ' })).toBeUndefined();
    expect(transitionBody('approve', { comment: 'Fine', early: true })).toEqual({
      comment: 'Fine',
      early: true,
    });
    expect(transitionBody('submit', { early: true })).toEqual({ early: true });
    expect(transitionBody('submit', {})).toBeUndefined();
    expect(transitionBody('return', { comment: 'Add the list.', early: true })).toEqual({
      comment: 'Add the list.',
    });
  });
});
