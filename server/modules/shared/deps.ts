/** What every module receives from buildApp: the database, the audit log and the config. */
import type { AuditLog } from '../../audit/audit-log.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';

export interface Deps {
  db: Db;
  audit: AuditLog;
  config: Config;
  /** Sign-in attempts per minute per client address. */
  loginRateLimitPerMinute: number;
}
