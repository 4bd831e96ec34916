/**
 * The deployment's own settings: the partner nation, the default owner of labels and the default
 * label of new records. They live in `deployment_settings` (migration 0015), seeded by the
 * deployment's data set; the environment may override them at start-up (server/config.ts). No
 * nation is named in code: a deployment without settings labels new records NATO UNCLASSIFIED,
 * releasable to NATO (the generic default of migration 0015).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ActionContext } from '../../audit/context.js';
import type { Config } from '../../config.js';
import type { Db, Trx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { LabelInput } from '../shared/records.js';

type Reader = Kysely<Database> | Trx;

export interface DefaultLabel {
  policy: string;
  level: string;
  releasableTo: string[];
  owner: string;
}

export interface DeploymentSettings {
  /** The partner nation's code (e.g. a two-letter country code); null until a data set says. */
  partnerNation: string | null;
  /** Owner of labels that name none. */
  defaultOwner: string;
  /** The label of a new record created without one. Never public: publishing is explicit. */
  defaultLabel: DefaultLabel;
}

const defaultLabelSchema = z.object({
  policy: z.string().min(1),
  level: z.string().min(1),
  releasableTo: z.array(z.string()),
  owner: z.string().min(1),
});

/** Keys of `deployment_settings` and the shape of their JSON values. */
const SETTINGS = {
  partner_nation: z.string().min(1),
  default_owner: z.string().min(1),
  default_label: defaultLabelSchema,
} as const;
type SettingKey = keyof typeof SETTINGS;

function parse<K extends SettingKey>(key: K, value: string | undefined) {
  if (value === undefined) return undefined;
  try {
    const parsed = SETTINGS[key].safeParse(JSON.parse(value));
    return parsed.success ? (parsed.data as z.infer<(typeof SETTINGS)[K]>) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the settings (one query). */
export async function deploymentSettings(db: Reader): Promise<DeploymentSettings> {
  const rows = await db.selectFrom('deployment_settings').select(['key', 'value']).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const partnerNation = parse('partner_nation', byKey.get('partner_nation')) ?? null;
  const defaultOwner =
    parse('default_owner', byKey.get('default_owner')) ?? partnerNation ?? 'NATO';
  const defaultLabel = parse('default_label', byKey.get('default_label')) ?? {
    policy: 'NATO',
    level: 'NATO_UNCLASSIFIED',
    releasableTo: ['NATO'],
    owner: defaultOwner,
  };
  return { partnerNation, defaultOwner, defaultLabel };
}

/** Writes the given settings (upsert) and audits the change, in the caller's transaction. */
export async function writeDeploymentSettings(
  trx: Trx,
  audit: AuditLog,
  ctx: ActionContext,
  values: Partial<DeploymentSettings>,
): Promise<boolean> {
  const before = await deploymentSettings(trx);
  const wanted: [SettingKey, unknown][] = [];
  if (values.partnerNation) wanted.push(['partner_nation', values.partnerNation]);
  if (values.defaultOwner) wanted.push(['default_owner', values.defaultOwner]);
  if (values.defaultLabel) wanted.push(['default_label', values.defaultLabel]);
  const stored = new Map(
    (await trx.selectFrom('deployment_settings').select(['key', 'value']).execute()).map((r) => [
      r.key,
      r.value,
    ]),
  );
  const now = new Date().toISOString();
  let changed = false;
  for (const [key, value] of wanted) {
    const text = JSON.stringify(value);
    if (stored.get(key) === text) continue;
    changed = true;
    if (stored.has(key)) {
      await trx
        .updateTable('deployment_settings')
        .set({ value: text, updated_at: now })
        .where('key', '=', key)
        .execute();
    } else {
      await trx
        .insertInto('deployment_settings')
        .values({ key, value: text, updated_at: now })
        .execute();
    }
  }
  if (changed) {
    await audit.record(trx, ctx, {
      action: 'deployment.settings',
      before,
      after: await deploymentSettings(trx),
    });
  }
  return changed;
}

/**
 * Applies the environment's overrides (server/config.ts `deployment`) to the stored settings at
 * start-up, audited when something changes. Running it again with the same environment writes
 * nothing.
 */
export async function applyDeploymentOverrides(
  db: Db,
  audit: AuditLog,
  config: Pick<Config, 'deployment'>,
): Promise<void> {
  const { partnerNation, defaultOwner, defaultLabel } = config.deployment;
  if (!partnerNation && !defaultOwner && !defaultLabel) return;
  await db.write(async (trx) => {
    const current = await deploymentSettings(trx);
    const owner = defaultOwner ?? current.defaultOwner;
    await writeDeploymentSettings(
      trx,
      audit,
      { actor: null, ip: null },
      {
        ...(partnerNation ? { partnerNation } : {}),
        ...(defaultOwner ? { defaultOwner } : {}),
        ...(defaultLabel ? { defaultLabel: { ...defaultLabel, owner } } : {}),
      },
    );
  });
}

/** The default label as a label input (what a create without a label is given). */
export function defaultLabelInput(settings: DeploymentSettings): LabelInput {
  return { ...settings.defaultLabel, releasableTo: [...settings.defaultLabel.releasableTo] };
}
