/**
 * A value recorded in an audit snapshot, in words: days and moments in the reader's locale,
 * statuses and kinds in the reader's language, labels as their marking, references to other
 * records by those records' names, yes/no, numbers in the reader's locale.
 */
import type { TFunction } from 'i18next';
import type { LocalisedText } from '../../../../../core/domain/text.js';
import type { Localiser } from '../../../lib/localise.js';
import { INTL_LOCALES } from '../../../lib/localise.js';
import { formatAuditTime } from './time.js';

export interface ValueContext {
  t: TFunction;
  localiser: Localiser;
  /** Names of the records the entry's snapshots refer to, by id (from the API). */
  references: Readonly<Record<string, LocalisedText>>;
  /** The record type of the entry, for values whose words depend on it (a status). */
  entityType: string | null;
  /** A marking level's name, e.g. "NATO UNCLASSIFIED"; the level's code when unknown. */
  levelName?: (policy: string, level: string) => string;
  /** For tests: the time zone moments are shown in (the browser's otherwise). */
  timeZone?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function lookUp(t: TFunction, key: string, fallback: string): string {
  const translate = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(key, { defaultValue: fallback });
}

/** A text in English and Serbian, as records store their titles and descriptions. */
export function isLocalisedText(value: unknown): value is LocalisedText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'en' || k === 'sr');
}

interface Label {
  policy: string;
  level: string;
  releasableTo?: string[];
}

function isLabel(value: unknown): value is Label {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.policy === 'string' && typeof v.level === 'string';
}

/** Words for a value of one of the closed vocabularies the app already names elsewhere. */
function vocabulary(ctx: ValueContext, field: string, value: string): string | null {
  const { t, entityType } = ctx;
  const key = (() => {
    if (field === 'itemStatus') return `plans.itemStatus.${value}`;
    if (field === 'status') {
      if (entityType === 'plan_item') return `plans.itemStatus.${value}`;
      if (entityType === 'plan') return `plans.planStatus.${value}`;
      if (entityType === 'progress_report') return `reporting.state.${value}`;
    }
    if (field === 'category' && entityType === 'timeline_event')
      return `vocab.timelineCategory.${value}`;
    if (field === 'kind' && entityType === 'mechanism') return `vocab.mechanismKind.${value}`;
    if (field === 'kind' && entityType === 'agreement') return `vocab.agreementKind.${value}`;
    if (field === 'status' && entityType === 'agreement') return `vocab.agreementStatus.${value}`;
    return null;
  })();
  if (!key) return null;
  const words = lookUp(t, key, '');
  return words || null;
}

/** One value in words; `field` is the snapshot field it was recorded under. */
export function formatValue(ctx: ValueContext, field: string, value: unknown): string {
  const { t, localiser } = ctx;
  if (value === null || value === undefined || value === '') return t('auditLog.values.none');
  if (typeof value === 'boolean') return value ? t('auditLog.values.yes') : t('auditLog.values.no');
  if (typeof value === 'number') {
    const n = localiser.number(value);
    return /progress|weight/i.test(field) && !/Id$/.test(field) ? `${n} %` : n;
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      const name = ctx.references[value];
      return name ? localiser.text(name) : t('auditLog.values.record', { id: value.slice(0, 8) });
    }
    if (DAY.test(value)) return localiser.date({ date: value, precision: 'day' });
    if (MONTH.test(value)) return localiser.date({ date: value, precision: 'month' });
    if (MOMENT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatAuditTime(value, INTL_LOCALES[localiser.language], ctx.timeZone);
    return vocabulary(ctx, field, value) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('auditLog.values.none');
    return value.map((v) => formatValue(ctx, field.replace(/Ids$/, 'Id'), v)).join(', ');
  }
  if (isLocalisedText(value)) return localiser.text(value) || t('auditLog.values.none');
  if (isLabel(value)) {
    const level = ctx.levelName?.(value.policy, value.level) ?? value.level.replace(/_/g, ' ');
    const to = value.releasableTo ?? [];
    return to.length > 0
      ? t('auditLog.values.label', {
          level,
          nations: to.map((code) => localiser.nation(code)).join(', '),
        })
      : level;
  }
  return JSON.stringify(value);
}
