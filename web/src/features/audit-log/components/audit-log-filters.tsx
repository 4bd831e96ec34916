import { Button, Group, Paper, Select, SimpleGrid, type ComboboxItemGroup } from '@mantine/core';
import { IconFilter, IconFilterOff } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PartialDateInput } from '../../../components/partial-date-input.js';
import { useLocalised } from '../../../lib/use-localised.js';
import {
  EMPTY_AUDIT_FILTERS,
  hasActiveAuditFilters,
  type AuditLogFilters as Filters,
} from '../utils/filters.js';
import {
  actionGroupWords,
  actionWords,
  AUDIT_ACTION_GROUPS,
  AUDIT_RECORD_TYPES,
  recordTypeWords,
} from '../utils/vocabulary.js';

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

type FilterErrors = Partial<Record<'from' | 'to', string>>;

/**
 * Who, what kind of record, which action and when — each chosen from a list or a date picker in
 * the reader's language, never typed as codes. The filters apply together when the form is sent
 * (Enter or "Apply"), so a half-typed date never reaches the server.
 */
export function AuditLogFilters({ filters, onApply, actors }: AuditLogFiltersProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const [draft, setDraft] = useState<Filters>(filters);
  const [applied, setApplied] = useState<Filters>(filters);
  const [errors, setErrors] = useState<FilterErrors>({});
  const [invalid, setInvalid] = useState<FilterErrors>({});
  // When the address changes from outside (back button, a link), the form follows it.
  if (filters !== applied && JSON.stringify(filters) !== JSON.stringify(applied)) {
    setApplied(filters);
    setDraft(filters);
    setErrors({});
  }

  const recordTypes = useMemo(
    () =>
      AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: recordTypeWords(t, type) })).sort(
        (a, b) => localiser.compare(a.label, b.label),
      ),
    [t, localiser],
  );
  const actions = useMemo<ComboboxItemGroup<{ value: string; label: string }>[]>(
    () =>
      Object.entries(AUDIT_ACTION_GROUPS)
        .map(([group, members]) => ({
          group: actionGroupWords(t, group),
          items: [
            {
              value: `${group}.`,
              label: t('auditLog.filters.allInGroup', { group: actionGroupWords(t, group) }),
            },
            ...members.map((action) => ({ value: action, label: actionWords(t, action) })),
          ],
        }))
        .sort((a, b) => localiser.compare(a.group, b.group)),
    [t, localiser],
  );

  function set<K extends keyof Filters>(field: K, value: Filters[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FilterErrors = {};
    if (invalid.from) found.from = invalid.from;
    if (invalid.to) found.to = invalid.to;
    else if (draft.from && draft.to && draft.to < draft.from)
      found.to = t('auditLog.filters.errors.to');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onApply({ ...draft, page: 1 });
  }

  function day(field: 'from' | 'to', value: string | null, state: { invalid: boolean }) {
    set(field, value ?? '');
    setInvalid((i) => ({
      ...i,
      [field]: state.invalid ? t('auditLog.filters.errors.day') : undefined,
    }));
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
            data-testid="audit-filter-actor"
          />
          <Select
            label={t('auditLog.filters.entityType')}
            placeholder={t('auditLog.filters.anyType')}
            data={recordTypes}
            value={draft.entityType || null}
            onChange={(value) => set('entityType', value ?? '')}
            searchable
            clearable
            nothingFoundMessage={t('auditLog.filters.noMatch')}
            clearButtonProps={{ 'aria-label': t('auditLog.filters.clearType') }}
            data-testid="audit-filter-type"
          />
          <Select
            label={t('auditLog.filters.action')}
            placeholder={t('auditLog.filters.anyAction')}
            data={actions}
            value={draft.action || null}
            onChange={(value) => set('action', value ?? '')}
            searchable
            clearable
            maxDropdownHeight={360}
            nothingFoundMessage={t('auditLog.filters.noMatch')}
            clearButtonProps={{ 'aria-label': t('auditLog.filters.clearAction') }}
            data-testid="audit-filter-action"
          />
          <PartialDateInput
            label={t('auditLog.filters.from')}
            value={draft.from || null}
            onChange={(value, state) => day('from', value, state)}
            error={errors.from}
            data-testid="audit-filter-from"
          />
          <PartialDateInput
            label={t('auditLog.filters.to')}
            value={draft.to || null}
            minDay={draft.from || undefined}
            onChange={(value, state) => day('to', value, state)}
            error={errors.to}
            data-testid="audit-filter-to"
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
                setInvalid({});
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
