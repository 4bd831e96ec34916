/**
 * A child process of the audit-chain test (audit-chain-processes.test.ts): opens the database
 * named on the command line, says "ready", waits for "go" on stdin, then appends entries to the
 * audit chain in transactions of its own, as an app instance does: one entry at a time, and now
 * and then a batch of three (recordMany). Prints "done N" and exits 0, or prints the error and
 * exits 1.
 *   node --import tsx server/test/audit-appender.ts <sqlite|postgres> <file|url> <count> <tag>
 */
import { AuditLog } from '../audit/audit-log.js';
import { createDb } from '../db/database.js';

const [kind, target, countArg, tag] = process.argv.slice(2);
const count = Number(countArg);
const db = createDb(
  kind === 'postgres' ? { kind: 'postgres', url: target! } : { kind: 'sqlite', file: target! },
);
const audit = new AuditLog(db.dialect);
const ctx = { actor: null, ip: '127.0.0.1' };

async function main(): Promise<number> {
  await new Promise<void>((resolve) => {
    process.stdin.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('go')) resolve();
    });
    console.log('ready');
  });
  let appended = 0;
  for (let i = 0; i < count; i += 1) {
    const entry = { action: 'test.append', entityType: 'test', entityId: `${tag}-${i}` };
    if (i % 5 === 4) {
      await db.write((trx) =>
        audit.recordMany(trx, ctx, [
          entry,
          { ...entry, entityId: `${tag}-${i}-b` },
          { ...entry, entityId: `${tag}-${i}-c` },
        ]),
      );
      appended += 3;
    } else {
      await db.write((trx) => audit.record(trx, ctx, entry));
      appended += 1;
    }
  }
  console.log(`done ${appended}`);
  return 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    return 1;
  })
  .then(async (code) => {
    await db.close();
    process.exit(code);
  });
