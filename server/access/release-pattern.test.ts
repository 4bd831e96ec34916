/**
 * The releasability test of the access filter writes the reader's nation into the SQL as a literal
 * (a constant LIKE pattern is much cheaper on SQLite): only a code of capitals may be inlined;
 * anything else is bound as a parameter, so no stored value can change the SQL.
 */
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../audit/context.js';
import type { Database } from '../db/schema.js';
import { labelVisibleTo } from './visibility.js';

const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const reader = (nation: string): Actor => ({
  id: 'u1',
  email: 'reader@example.test',
  displayName: 'Reader',
  role: 'viewer',
  nation,
  clearances: { NATO: 1 },
  organisationIds: [],
});

const compiled = (actor: Actor | null) =>
  db.selectFrom('organisations as o').select('o.id').where(labelVisibleTo(actor, 'o')).compile();

describe('releasability patterns in the access filter', () => {
  it('writes a nation code and PUBLIC into the SQL as constant patterns', () => {
    const query = compiled(reader('XR'));
    expect(query.sql).toContain(`like '%"XR"%'`);
    expect(query.sql).toContain(`like '%"PUBLIC"%'`);
    expect(query.parameters).not.toContain('%"XR"%');
    expect(compiled(null).sql).toContain(`like '%"PUBLIC"%'`);
  });

  it('binds anything but a code of capitals as a parameter', () => {
    const odd = `x"' or 1=1 --`;
    const query = compiled(reader(odd));
    expect(query.sql).not.toContain(odd);
    expect(query.sql).not.toContain('1=1');
    expect(query.parameters).toContain(`%"${odd}"%`);
  });
});
