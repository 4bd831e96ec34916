import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import {
  CurrentPasswordInput,
  currentPasswordError,
} from '../../auth/components/current-password-input.js';
import { MAX_TOKEN_DAYS, useCreateAccessToken } from '../api/create-access-token.js';
import type { TokenScope } from '../api/get-access-tokens.js';

type Access = 'read' | 'write';
const SCOPES: Record<Access, TokenScope[]> = { read: ['read'], write: ['read', 'write'] };

interface Draft {
  name: string;
  access: Access;
  days: number | string;
  currentPassword: string;
}

type DraftErrors = Partial<Record<'name' | 'days' | 'currentPassword', string>>;
const EMPTY: Draft = { name: '', access: 'read', days: 90, currentPassword: '' };

function validate(draft: Draft, t: TFunction): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = t('account.tokens.errors.nameRequired');
  else if (name.length > 100) errors.name = t('account.tokens.errors.nameTooLong');
  const days = Number(draft.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    errors.days = t('account.tokens.errors.days', { max: MAX_TOKEN_DAYS });
  if (!draft.currentPassword) errors.currentPassword = t('signIn.errors.passwordRequired');
  return errors;
}

/** A new access token: name, access and lifetime; then the token itself, shown this once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAccessToken();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});

  function close() {
    onClose();
    // Forget the secret as soon as the dialog is gone.
    create.reset();
    setDraft(EMPTY);
    setErrors({});
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      name: draft.name.trim(),
      scopes: SCOPES[draft.access],
      expiresInDays: Number(draft.days),
      currentPassword: draft.currentPassword,
    });
  }

  const wrongPassword = currentPasswordError(create.error, t);
  const failure = wrongPassword
    ? null
    : create.isError && !(isApiError(create.error) && create.error.status === 400)
      ? errorMessage(create.error, t)
      : create.isError
        ? create.error.message
        : null;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{t('account.tokens.createTitle')}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {create.data ? (
        <Stack gap="md">
          <OneTimeSecret
            title={t('account.tokens.createdTitle', { name: create.data.name })}
            warning={t('account.tokens.createdWarning')}
            value={create.data.token}
            copyLabel={t('account.tokens.copy')}
          />
          <Text size="sm" c="dimmed">
            {t('account.tokens.usage', { header: 'Authorization: Bearer lsn_…' })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {failure ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertCircle aria-hidden />}
              >
                {failure}
              </Alert>
            ) : null}
            <TextInput
              label={t('account.tokens.name')}
              description={t('account.tokens.nameHint')}
              required
              maxLength={100}
              value={draft.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setDraft((d) => ({ ...d, name }));
                setErrors((x) => ({ ...x, name: undefined }));
              }}
              error={errors.name}
              data-autofocus
            />
            <Radio.Group
              label={t('account.tokens.access')}
              value={draft.access}
              onChange={(value) => setDraft((d) => ({ ...d, access: value as Access }))}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="read" label={t('account.tokens.scopes.read')} />
                <Radio value="write" label={t('account.tokens.scopes.write')} />
              </Stack>
            </Radio.Group>
            <NumberInput
              label={t('account.tokens.expiresIn')}
              description={t('account.tokens.expiresInHint', { max: MAX_TOKEN_DAYS })}
              min={1}
              max={MAX_TOKEN_DAYS}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              w={200}
              value={draft.days}
              onChange={(days) => {
                setDraft((d) => ({ ...d, days }));
                setErrors((x) => ({ ...x, days: undefined }));
              }}
              error={errors.days}
            />
            <CurrentPasswordInput
              value={draft.currentPassword}
              onChange={(currentPassword) => {
                setDraft((d) => ({ ...d, currentPassword }));
                setErrors((x) => ({ ...x, currentPassword: undefined }));
                create.reset();
              }}
              error={errors.currentPassword ?? wrongPassword}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('account.tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
