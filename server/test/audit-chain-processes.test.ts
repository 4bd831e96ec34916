/**
 * The audit chain stays one chain when several processes append to it at once, as several app
 * instances on one database do: child processes (server/test/audit-appender.ts), released
 * together, append single entries and batches in their own transactions; afterwards the chain
 * verifies from genesis to head, every entry is there once, and sequence numbers have no gap.
 * What serialises them is lockAuditChain (server/db/dialect.ts): an advisory lock on PostgreSQL,
 * the one write lock (BEGIN IMMEDIATE) on SQLite.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-log.js';
import { testDatabases } from './databases.js';
import { openTestDatabase, type TestDatabase } from './harness.js';

const PROCESSES = 4;
const PER_PROCESS = 30; // appends: 24 single entries and 6 batches of 3 → 42 entries each
const ENTRIES_EACH = 24 + 6 * 3;
const root = path.resolve(import.meta.dirname, '..', '..');

function appender(kind: string, target: string, tag: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/test/audit-appender.ts', kind, target, String(PER_PROCESS), tag],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`appender ${tag} exited ${code}:\n${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, ready, exited, output: () => out };
}

describe.each(testDatabases)('the audit chain appended by several processes on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('stays one intact chain with every entry once', async () => {
    const before = await verifyAuditChain(test.db.kysely);
    expect(before.ok).toBe(true);
    const target =
      test.config.database.kind === 'postgres'
        ? test.config.database.url
        : test.config.database.file;
    const tag = (i: number) => `p${i}-${Math.random().toString(36).slice(2, 8)}`;
    const children = Array.from({ length: PROCESSES }, (_, i) => appender(kind, target, tag(i)));
    try {
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.child.stdin.write('go\n');
      const codes = await Promise.all(children.map((c) => c.exited));
      for (const [i, code] of codes.entries()) {
        expect(code, children[i]!.output()).toBe(0);
        expect(children[i]!.output()).toContain(`done ${ENTRIES_EACH}`);
      }
    } finally {
      for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
    }

    const after = await verifyAuditChain(test.db.kysely);
    expect(after.firstBad).toBeUndefined();
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + PROCESSES * ENTRIES_EACH);
    const rows = await test.db.kysely
      .selectFrom('audit_log')
      .select(['seq', 'entity_id'])
      .where('action', '=', 'test.append')
      .orderBy('seq')
      .execute();
    expect(rows).toHaveLength(PROCESSES * ENTRIES_EACH);
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(rows.length);
    // On PostgreSQL the appends really interleaved: waiters queue on the advisory lock and take
    // turns, so entries of different processes alternate along the chain. (SQLite's busy handler
    // sleeps and retries, so there one process may well run through all its appends while the
    // others wait: blocks per process, which is just as correct.)
    if (kind === 'postgres') {
      const switches = rows.filter(
        (r, i) => i > 0 && r.entity_id!.split('-')[0] !== rows[i - 1]!.entity_id!.split('-')[0],
      ).length;
      expect(switches).toBeGreaterThan(PROCESSES);
    }
  }, 120_000);
});
