import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isUuid } from '../../../../../core/ids/uuidv7.js';
import {
  EMPTY_AUDIT_FILTERS,
  hasActiveAuditFilters,
  type AuditLogFilters as Filters,
} from '../utils/filters.js';

/** Actions and action families the server records, offered while typing (any prefix works). */
const KNOWN_ACTIONS = [
  'auth.',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_all',
  'auth.password_change',
  'auth.token_create',
  'auth.token_revoke',
  'auth.totp_enable',
  'auth.totp_disable',
  'user.',
  'user.create',
  'user.update',
  'user.organisations',
  'user.password_reset',
  'grant.',
  'access.denied',
  'agreement.',
  'organisation.',
  'timeline_event.',
  'mechanism.',
  'plan.',
  'plan_item.',
  'activity.',
  'person.',
];

const KNOWN_ENTITY_TYPES = [
  'user',
  'grant',
  'api_token',
  'organisation',
  'agreement',
  'timeline_event',
  'mechanism',
  'plan',
  'plan_item',
  'activity',
  'person',
];

export interface ActorChoice {
  value: string;
  label: string;
}

interface AuditLogFiltersProps {
  filters: Filters;
  onApply: (filters: Filters) => void;
  /** Accounts to choose the actor from; null while they load. */
  actors: ActorChoice[] | null;
}

type FilterErrors = Partial<Record<'entityId' | 'to', string>>;

/**
 * Action, entity, actor and period. The filters apply together when the form is sent (Enter or
 * "Apply"), so a half-typed id or date never reaches the server.
 */
export function AuditLogFilters({ filters, onApply, actors }: AuditLogFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(filters);
  const [applied, setApplied] = useState<Filters>(filters);
  const [errors, setErrors] = useState<FilterErrors>({});
  // When the address changes from outside (back button, a link), the form follows it.
  if (filters !== applied && JSON.stringify(filters) !== JSON.stringify(applied)) {
    setApplied(filters);
    setDraft(filters);
    setErrors({});
  }

  function set<K extends keyof Filters>(field: K, value: Filters[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FilterErrors = {};
    if (draft.entityId.trim() && !isUuid(draft.entityId.trim()))
      found.entityId = t('auditLog.filters.errors.entityId', {
        example: '0192d7a0-7c1e-7000-8000-000000000000',
      });
    if (draft.from && draft.to && draft.to < draft.from) found.to = t('auditLog.filters.errors.to');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({ ...draft, page: 1 });
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="section"
      role="search"
      aria-label={t('auditLog.filters.label')}
    >
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Autocomplete
            label={t('auditLog.filters.action')}
            description={t('auditLog.filters.actionHint', { example: 'user.' })}
            placeholder="user."
            data={KNOWN_ACTIONS}
            value={draft.action}
            onChange={(value) => set('action', value)}
            maxLength={100}
            spellCheck={false}
          />
          <Autocomplete
            label={t('auditLog.filters.entityType')}
            description={t('auditLog.filters.entityTypeHint', {
              examples: 'user, grant, agreement',
            })}
            placeholder="user"
            data={KNOWN_ENTITY_TYPES}
            value={draft.entityType}
            onChange={(value) => set('entityType', value)}
            maxLength={50}
            spellCheck={false}
          />
          <TextInput
            label={t('auditLog.filters.entityId')}
            description={t('auditLog.filters.entityIdHint')}
            value={draft.entityId}
            onChange={(e) => set('entityId', e.currentTarget.value)}
            error={errors.entityId}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Select
            label={t('auditLog.filters.actor')}
            placeholder={actors ? t('auditLog.filters.anyActor') : t('common.loading')}
            data={actors ?? []}
            value={draft.actorId}
            onChange={(value) => set('actorId', value)}
            searchable
            clearable
            disabled={actors === null}
            nothingFoundMessage={t('auditLog.filters.noActor')}
            clearButtonProps={{ 'aria-label': t('auditLog.filters.clearActor') }}
          />
          <TextInput
            type="date"
            label={t('auditLog.filters.from')}
            value={draft.from}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('auditLog.filters.to')}
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => set('to', e.currentTarget.value)}
            error={errors.to}
          />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
            {t('auditLog.filters.apply')}
          </Button>
          {hasActiveAuditFilters(filters) || hasActiveAuditFilters(draft) ? (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => {
                setDraft(EMPTY_AUDIT_FILTERS);
                setErrors({});
                onApply(EMPTY_AUDIT_FILTERS);
              }}
            >
              {t('auditLog.filters.clear')}
            </Button>
          ) : null}
        </Group>
      </form>
    </Paper>
  );
}
