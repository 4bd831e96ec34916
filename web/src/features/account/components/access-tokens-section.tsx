import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useAccessTokens, type AccessToken, type TokenStatus } from '../api/get-access-tokens.js';
import { useRevokeAccessToken } from '../api/revoke-access-token.js';
import { CreateTokenModal } from './create-token-modal.js';

const STATUS_COLOURS: Record<TokenStatus, string> = {
  active: 'teal',
  expired: 'gray',
  revoked: 'red',
};

/** Personal access tokens for integrations: the list, a new one, and revoking. */
export function AccessTokensSection() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const tokens = useAccessTokens();
  const revoke = useRevokeAccessToken();
  const [createOpened, createDialog] = useDisclosure(false);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);

  const newButton = (
    <Button
      variant="light"
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={createDialog.open}
    >
      {t('account.tokens.new')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Text size="sm" maw={640}>
          {t('account.tokens.lead')}
        </Text>
        {newButton}
      </Group>
      {tokens.isPending ? (
        <LoadingState rows={2} rowHeight={40} />
      ) : tokens.isError ? (
        <ErrorState
          error={tokens.error}
          title={t('account.tokens.loadFailed')}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      ) : tokens.data.length === 0 ? (
        <EmptyState icon={<IconKey size={28} aria-hidden />} title={t('account.tokens.none')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder verticalSpacing="xs">
            <caption className="visually-hidden">{t('account.tokens.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.tokens.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('account.tokens.columns.prefix')}</Table.Th>
                <Table.Th scope="col">{t('account.tokens.columns.access')}</Table.Th>
                <Table.Th scope="col">{t('account.tokens.columns.expires')}</Table.Th>
                <Table.Th scope="col">{t('account.tokens.columns.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {token.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('account.tokens.created', { date: localiser.timestamp(token.createdAt) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{token.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {token.scopes.includes('write')
                        ? t('account.tokens.scopes.write')
                        : t('account.tokens.scopes.read')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {localiser.timestamp(token.expiresAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOURS[token.status]}>
                      {t(`account.tokens.status.${token.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {token.status === 'active' ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={t('account.tokens.revokeNamed', { name: token.name })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(token);
                        }}
                      >
                        {t('account.tokens.revoke')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenModal opened={createOpened} onClose={createDialog.close} />
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('account.tokens.revokeTitle')}
        confirmLabel={t('account.tokens.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking, {
            onSuccess: () => {
              notifications.show({
                color: 'navy',
                message: t('account.tokens.revoked', { name: revoking.name }),
              });
              setRevoking(null);
            },
          });
        }}
      >
        <Text size="sm">{t('account.tokens.revokeBody', { name: revoking?.name ?? '' })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
