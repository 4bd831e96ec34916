import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));

function liaison(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, LIAISON_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('the operator CLI (SQLite)', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, loads the reference data once, creates a user from stdin and verifies the audit chain', () => {
    expect(liaison(['migrate'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('0001_foundation'),
    });
    expect(liaison(['migrate']).out).toContain('up to date');

    const first = liaison(['seed', '--reference']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/\d+ timeline events/);
    expect(liaison(['seed', '--reference']).out).toContain('0 timeline events');

    const created = liaison(
      ['user', 'create', '--email', 'ana@example.org', '--role', 'coordinator', '--password-stdin'],
      'a long passphrase here\n',
    );
    expect(created).toMatchObject({
      code: 0,
      out: expect.stringContaining('Created coordinator ana@example.org'),
    });

    const weak = liaison(
      ['user', 'create', '--email', 'bo@example.org', '--role', 'viewer', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('at least 12 characters');

    const badRole = liaison(
      ['user', 'create', '--email', 'x@example.org', '--role', 'emperor', '--password-stdin'],
      'a long passphrase here\n',
    );
    expect(badRole).toMatchObject({
      code: 2,
      out: expect.stringContaining('Unknown role emperor'),
    });

    const verified = liaison(['audit', 'verify']);
    expect(verified.code).toBe(0);
    const head = /Head: (\d+:[0-9a-f]{64})/.exec(verified.out)?.[1];
    expect(head).toBeDefined();
    expect(liaison(['audit', 'verify', '--head', head!]).code).toBe(0);
    expect(
      liaison(['audit', 'verify', '--head', `${head!.split(':')[0]}:${'0'.repeat(64)}`]),
    ).toMatchObject({
      code: 1,
      out: expect.stringContaining('no longer in the log'),
    });
  }, 120_000); // five CLI processes, each starting Node with tsx

  it('explains its commands when given an unknown one', () => {
    const result = liaison(['fly']);
    expect(result.code).toBe(2);
    expect(result.out).toContain('seed --reference');
  });
});
