/**
 * Which databases the API tests run on. SQLite always; PostgreSQL when LIAISON_TEST_DATABASE_URL
 * names a server (an admin URL: each test file creates and drops its own database there). On CI
 * the URL is required, so a missing PostgreSQL fails the run instead of quietly shrinking it.
 */
import type { DialectName } from '../db/dialect.js';

export const postgresAdminUrl = process.env.LIAISON_TEST_DATABASE_URL || undefined;

export const testDatabases: DialectName[] = postgresAdminUrl ? ['sqlite', 'postgres'] : ['sqlite'];
