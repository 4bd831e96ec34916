/**
 * Process entry and operator CLI:
 *   serve | migrate | seed --reference | audit verify | user create --email E --role R --password-stdin
 */
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../core/domain/roles.js';
import { buildApp } from './app.js';
import { AuditLog, verifyAuditChain } from './audit/audit-log.js';
import { bootstrapAdministrator, createUser } from './auth/users.js';
import { loadConfig, type Config } from './config.js';
import { createDb, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { DATA_SETS, hasReferenceData, seedReferenceData } from './seed/load-reference.js';
import { applyDeploymentOverrides } from './modules/markings/deployment.js';
import { beginDrain, closeConnectionsWhileDraining } from './modules/health/drain.js';
import { seedSynthetic } from './seed/synthetic.js';

const USAGE = `Usage: npm run liaison -- <command>

Commands:
  serve                         migrate, load the reference data on an empty database, serve HTTP
  migrate                       apply pending database migrations
  seed --reference              load the Serbia–NATO reference data set (skips records already there)
  seed --synthetic N            add a synthetic sample plan of N items (and N/10 events) for load tests
  audit verify [--head SEQ:HASH] check the audit log's hash chain and print its head; with a head
                                saved earlier, also detect a truncated log
  user create --email E --role R --password-stdin
                                create a user; roles: ${ROLES.join(', ')}
`;

async function withDb<T>(config: Config, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(config.database);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

function describeDatabase(config: Config): string {
  return config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function serve(config: Config): Promise<void> {
  const db = createDb(config.database);
  await migrateToLatest(db);
  const audit = new AuditLog(db.dialect);
  if (!(await hasReferenceData(db))) {
    const data = DATA_SETS[config.deployment.dataSet];
    const counts = await seedReferenceData(db, audit, data);
    console.log(`Loaded the ${data.deployment.name}: ${formatCounts(counts)}.`);
  }
  await applyDeploymentOverrides(db, audit, config);
  const admin = await bootstrapAdministrator(db, audit);
  if (admin) {
    console.log('');
    console.log('  First start: an administrator account was created.');
    console.log(`    e-mail:   ${admin.email}`);
    console.log(`    password: ${admin.password}   (shown once; you will be asked to change it)`);
    console.log('');
  }
  const app = await buildApp(config, { db });
  app.addHook('onClose', () => db.close());
  closeConnectionsWhileDraining(app);
  stopGracefully(app, config.shutdownGraceSeconds, config.drainDelaySeconds);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown =
    config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(
    `Liaison is running at http://${shown}:${port}  (database: ${describeDatabase(config)})`,
  );
}

/**
 * SIGTERM or SIGINT: answer "not ready" on /api/v1/health/ready at once and keep serving for the
 * drain delay (LIAISON_DRAIN_DELAY_SECONDS: a load balancer stops sending meanwhile); then stop
 * accepting connections, let the requests in flight and the running background jobs finish
 * (app.close(): Fastify answers 503 to new requests on kept-alive connections meanwhile), close
 * the database, exit 0. If that takes longer than the grace (after the drain delay), exit 1 (a
 * supervisor sees the unclean stop).
 */
function stopGracefully(app: FastifyInstance, graceSeconds: number, drainDelaySeconds = 0): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // `npm start` forwards the signal the terminal also sent to this process group: once is enough.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing the requests in flight, then stopping.`);
    const timer = setTimeout(
      () => {
        console.error(`Requests were still running after ${graceSeconds} s; stopping anyway.`);
        process.exit(1);
      },
      (drainDelaySeconds + graceSeconds) * 1000,
    );
    timer.unref();
    beginDrain(app);
    const drained = new Promise((resolve) => setTimeout(resolve, drainDelaySeconds * 1000));
    drained
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error instanceof Error ? error.message : error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
}

/** Runs one CLI command; returns the process exit code. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keep running
    case 'migrate': {
      const applied = await withDb(config, migrateToLatest);
      console.log(
        applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.',
      );
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({
        args: rest,
        options: { reference: { type: 'boolean' }, synthetic: { type: 'string' } },
      });
      const items = values.synthetic === undefined ? undefined : Number(values.synthetic);
      if (items !== undefined && (!Number.isInteger(items) || items < 100)) {
        console.error('seed --synthetic takes a number of plan items, at least 100');
        return 2;
      }
      if (!values.reference && items === undefined) {
        console.error('Say what to load: seed --reference, or seed --synthetic N');
        return 2;
      }
      await withDb(config, async (db) => {
        await migrateToLatest(db);
        const audit = new AuditLog(db.dialect);
        if (values.reference) {
          const counts = await seedReferenceData(db, audit, DATA_SETS[config.deployment.dataSet]);
          console.log(`Reference data: ${formatCounts(counts)} added.`);
        }
        if (items !== undefined) {
          const started = performance.now();
          const counts = await seedSynthetic(db, audit, { items, seed: 42 });
          const seconds = (performance.now() - started) / 1000;
          const rows = Object.values(counts).reduce((a, b) => a + b, 0);
          console.log(
            `Synthetic data: ${formatCounts(counts)} added in ${seconds.toFixed(1)} s ` +
              `(${Math.round(rows / seconds).toLocaleString('en')} rows/s).`,
          );
        }
      });
      return 0;
    }
    case 'audit': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { head: { type: 'string' } },
      });
      if (positionals[0] !== 'verify') {
        console.error('Usage: audit verify [--head SEQ:HASH]');
        return 2;
      }
      const kept = values.head ? /^(\d+):([0-9a-f]{64})$/.exec(values.head) : null;
      if (values.head && !kept) {
        console.error('--head takes the value printed by an earlier verify, as SEQ:HASH');
        return 2;
      }
      const result = await withDb(config, (db) => verifyAuditChain(db.kysely));
      if (!result.ok) {
        console.error(
          `Audit chain broken at entry ${result.firstBad?.seq}: ${result.firstBad?.reason}.`,
        );
        return 1;
      }
      if (kept) {
        const present = await withDb(config, (db) =>
          db.kysely
            .selectFrom('audit_log')
            .select('hash')
            .where('seq', '=', Number(kept[1]))
            .executeTakeFirst(),
        );
        if (present?.hash !== kept[2]) {
          console.error(
            `The saved head ${kept[1]} is no longer in the log: entries were removed or rewritten.`,
          );
          return 1;
        }
      }
      console.log(
        `Audit chain intact: ${result.checked} entries. Head: ${result.checked}:${result.headHash}`,
      );
      return 0;
    }
    case 'user': {
      const { values } = parseArgs({
        args: rest.slice(1),
        options: {
          email: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
      if (rest[0] !== 'create' || !values.email || !values.role || !values['password-stdin']) {
        console.error('Usage: user create --email E --role R [--name N] --password-stdin');
        return 2;
      }
      if (!ROLES.includes(values.role as Role)) {
        console.error(`Unknown role ${values.role}; choose one of: ${ROLES.join(', ')}`);
        return 2;
      }
      const password = await readStdin();
      const user = await withDb(config, async (db) => {
        await migrateToLatest(db);
        return createUser(db, new AuditLog(db.dialect), {
          email: values.email!,
          role: values.role as Role,
          displayName: values.name,
          password,
        });
      });
      console.log(`Created ${user.role} ${user.email}.`);
      return 0;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
