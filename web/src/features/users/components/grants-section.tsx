import {
  Alert,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconKey, IconPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isUuid } from '../../../../../core/ids/uuidv7.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { EmptyState } from '../../../components/empty-state.js';
import { PartialDateInput } from '../../../components/partial-date-input.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { isApiError } from '../../../lib/api-client.js';
import { endOfDayIso, todayInput } from '../../../lib/date-input.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useCreateGrant } from '../api/create-grant.js';
import {
  GRANT_ENTITY_TYPES,
  useGrants,
  type Grant,
  type GrantEntityType,
} from '../api/get-grants.js';
import { useRevokeGrant } from '../api/revoke-grant.js';

interface GrantDraft {
  entityType: GrantEntityType | null;
  entityId: string;
  expiresOn: string;
  /** The expiry field holds text that is not a usable day (its own message says why). */
  expiresInvalid: boolean;
  note: string;
}

type GrantErrors = Partial<Record<keyof GrantDraft, string>>;

/** What a record id looks like (ids are UUIDs, written in Latin letters in every script). */
const ID_EXAMPLE = '0192d7a0-7c1e-7000-8000-000000000000';

const EMPTY: GrantDraft = {
  entityType: null,
  entityId: '',
  expiresOn: '',
  expiresInvalid: false,
  note: '',
};

function isEntityType(value: unknown): value is GrantEntityType {
  return typeof value === 'string' && (GRANT_ENTITY_TYPES as readonly string[]).includes(value);
}

function validate(draft: GrantDraft, t: TFunction): GrantErrors {
  const errors: GrantErrors = {};
  if (!draft.entityType) errors.entityType = t('admin.grants.errors.typeRequired');
  if (!draft.entityId.trim()) errors.entityId = t('admin.grants.errors.idRequired');
  else if (!isUuid(draft.entityId.trim()))
    errors.entityId = t('admin.grants.errors.idInvalid', { example: ID_EXAMPLE });
  if (draft.expiresInvalid) errors.expiresOn = t('admin.grants.errors.dateInvalid');
  else if (draft.expiresOn) {
    const iso = endOfDayIso(draft.expiresOn);
    if (!iso) errors.expiresOn = t('admin.grants.errors.dateInvalid');
    else if (draft.expiresOn < todayInput()) errors.expiresOn = t('admin.grants.errors.datePast');
  }
  if (draft.note.trim().length > 500) errors.note = t('admin.grants.errors.noteTooLong');
  return errors;
}

function entityTypeName(type: string, t: TFunction): string {
  return isEntityType(type) ? t(`admin.grants.entityType.${type}`) : type;
}

interface GrantsSectionProps {
  userId: string;
  userName: string;
  /** The name of a record the page can name (organisations, say), to show beside its id. */
  recordName?: (entityType: string, entityId: string) => string | null;
}

/** Need-to-know grants of one user on single records: the list, a new grant, revoking. */
export function GrantsSection({ userId, userName, recordName }: GrantsSectionProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const grants = useGrants(userId);
  const create = useCreateGrant(userId);
  const revoke = useRevokeGrant(userId);
  const [draft, setDraft] = useState<GrantDraft>(EMPTY);
  const [errors, setErrors] = useState<GrantErrors>({});
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const now = new Date().toISOString();

  function set<K extends keyof GrantDraft>(field: K, value: GrantDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.entityType) return;
    create.mutate(
      {
        entityType: draft.entityType,
        entityId: draft.entityId.trim().toLowerCase(),
        expiresAt: draft.expiresOn ? endOfDayIso(draft.expiresOn) : null,
        note: draft.note.trim() || null,
      },
      {
        onSuccess: () => {
          setDraft(EMPTY);
          notifications.show({ color: 'teal', message: t('admin.grants.added') });
        },
        onError: (error) => {
          const field = (error as { details?: { field?: unknown } }).details?.field;
          if (isApiError(error) && error.status === 422 && field === 'entityId')
            setErrors({ entityId: t('admin.grants.errors.recordMissing') });
        },
      },
    );
  }

  const createFailure =
    create.isError &&
    !(
      isApiError(create.error) &&
      create.error.status === 422 &&
      (create.error.details as { field?: unknown } | undefined)?.field === 'entityId'
    )
      ? errorMessage(create.error, t)
      : null;

  return (
    <Stack gap="md">
      {grants.isPending ? (
        <LoadingState rows={2} rowHeight={40} />
      ) : grants.isError ? (
        <ErrorState
          error={grants.error}
          title={t('admin.grants.loadFailed')}
          onRetry={() => void grants.refetch()}
          retrying={grants.isFetching}
        />
      ) : grants.data.length === 0 ? (
        <EmptyState
          icon={<IconKey size={28} aria-hidden />}
          title={t('admin.grants.none')}
          description={t('admin.grants.noneHint')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder verticalSpacing="xs">
            <caption className="visually-hidden">
              {t('admin.grants.caption', { name: userName })}
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.grants.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('admin.grants.columns.record')}</Table.Th>
                <Table.Th scope="col">{t('admin.grants.columns.granted')}</Table.Th>
                <Table.Th scope="col">{t('admin.grants.columns.expires')}</Table.Th>
                <Table.Th scope="col">{t('admin.grants.columns.note')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.data.map((grant) => {
                const expired = grant.expiresAt !== null && grant.expiresAt <= now;
                return (
                  <Table.Tr key={grant.id}>
                    <Table.Td>
                      <Text size="sm">{entityTypeName(grant.entityType, t)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {recordName?.(grant.entityType, grant.entityId) ? (
                        <Text size="sm">{recordName(grant.entityType, grant.entityId)}</Text>
                      ) : null}
                      <Code fz="xs">{grant.entityId}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {localiser.timestamp(grant.grantedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {grant.expiresAt
                            ? localiser.timestamp(grant.expiresAt)
                            : t('admin.grants.noExpiry')}
                        </Text>
                        {expired ? (
                          <Badge size="xs" color="gray" variant="light">
                            {t('admin.grants.expired')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={grant.note ? undefined : 'dimmed'}>
                        {grant.note ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('admin.grants.revokeNamed', {
                          type: entityTypeName(grant.entityType, t),
                          id: grant.entityId,
                        })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(grant);
                        }}
                      >
                        {t('admin.grants.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Paper withBorder radius="sm" p="md" bg="gray.0">
        <form onSubmit={submit} noValidate aria-labelledby="grant-form-title">
          <Stack gap="sm">
            <Title order={3} fz="md" id="grant-form-title">
              {t('admin.grants.addTitle')}
            </Title>
            {createFailure ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertCircle aria-hidden />}
              >
                {createFailure}
              </Alert>
            ) : null}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <Select
                  label={t('admin.grants.fields.type')}
                  placeholder={t('admin.grants.fields.typePlaceholder')}
                  data={GRANT_ENTITY_TYPES.map((type) => ({
                    value: type,
                    label: t(`admin.grants.entityType.${type}`),
                  }))}
                  value={draft.entityType}
                  onChange={(value) => set('entityType', isEntityType(value) ? value : null)}
                  required
                  error={errors.entityType}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
                <TextInput
                  label={t('admin.grants.fields.record')}
                  placeholder={ID_EXAMPLE}
                  required
                  autoComplete="off"
                  spellCheck={false}
                  value={draft.entityId}
                  onChange={(e) => set('entityId', e.currentTarget.value)}
                  error={errors.entityId}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
                <PartialDateInput
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  label={t('admin.grants.fields.expires')}
                  description={t('admin.grants.fields.expiresHint')}
                  minDay={todayInput()}
                  value={draft.expiresOn || null}
                  onChange={(value, { invalid }) => {
                    setDraft((d) => ({ ...d, expiresOn: value ?? '', expiresInvalid: invalid }));
                    setErrors((e) => ({ ...e, expiresOn: undefined }));
                  }}
                  // The field names its own problem more precisely than "enter a real date".
                  error={draft.expiresInvalid ? undefined : errors.expiresOn}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
                <TextInput
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  label={t('admin.grants.fields.note')}
                  description={t('admin.grants.fields.noteHint')}
                  maxLength={500}
                  value={draft.note}
                  onChange={(e) => set('note', e.currentTarget.value)}
                  error={errors.note}
                />
              </Grid.Col>
            </Grid>
            <Group>
              <Button
                type="submit"
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                loading={create.isPending}
              >
                {t('admin.grants.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('admin.grants.revokeTitle')}
        confirmLabel={t('admin.grants.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking, {
            onSuccess: () => {
              setRevoking(null);
              notifications.show({ color: 'navy', message: t('admin.grants.revoked') });
            },
          });
        }}
      >
        <Text size="sm">
          {t('admin.grants.revokeBody', {
            name: userName,
            type: revoking ? entityTypeName(revoking.entityType, t) : '',
            id: revoking?.entityId ?? '',
          })}
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
