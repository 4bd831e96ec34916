import {
  Alert,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleX,
  IconDownload,
  IconFileUpload,
  IconShieldCheck,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableValue } from '../../../components/copyable-value.js';
import { ErrorState } from '../../../components/error-state.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useExportAuditHead } from '../api/get-audit-head.js';
import { useVerifyAuditChain, type ChainVerification } from '../api/verify-audit-chain.js';
import {
  HASH_PATTERN,
  headFileContent,
  headFileName,
  parseHeadFile,
  type AuditHead,
} from '../utils/head-file.js';

const BREAK_REASONS = {
  'entry missing': 'auditLog.chain.reasons.missing',
  'link to previous entry broken': 'auditLog.chain.reasons.link',
  'content altered': 'auditLog.chain.reasons.altered',
} as const;

function breakReason(reason: string, t: TFunction): string {
  return reason in BREAK_REASONS ? t(BREAK_REASONS[reason as keyof typeof BREAK_REASONS]) : reason;
}

/** Saves the head as a small JSON file in the browser's downloads. */
function downloadHead(head: AuditHead): void {
  const blob = new Blob([headFileContent(head)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = headFileName(head);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ChainResult({ result }: { result: ChainVerification }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  if (result.ok)
    return (
      <Alert
        role="status"
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={t('auditLog.chain.intact')}
      >
        <Text size="sm">
          {t('auditLog.chain.intactBody', {
            count: result.checked,
            checked: localiser.number(result.checked),
          })}
        </Text>
      </Alert>
    );
  return (
    <Alert
      role="alert"
      color="red"
      variant="filled"
      icon={<IconCircleX aria-hidden />}
      title={t('auditLog.chain.broken')}
    >
      <Text size="sm">
        {result.firstBad
          ? t('auditLog.chain.brokenAt', {
              seq: result.firstBad.seq,
              reason: breakReason(result.firstBad.reason, t),
            })
          : t('auditLog.chain.brokenUnknown')}
      </Text>
      <Text size="sm" mt={4}>
        {t('auditLog.chain.brokenAdvice')}
      </Text>
    </Alert>
  );
}

function Block({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {lead}
      </Text>
      {children}
    </Stack>
  );
}

/**
 * The log's hash chain: verify it, export its head to keep elsewhere, and check a head kept
 * earlier, which tells whether the log was cut short and rebuilt since.
 */
export function AuditChainPanel() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const verify = useVerifyAuditChain();
  const head = useExportAuditHead();
  const check = useVerifyAuditChain();
  const [saved, setSaved] = useState<{ seq: number | string; hash: string }>({ seq: '', hash: '' });
  const [errors, setErrors] = useState<{ seq?: string; hash?: string; file?: string }>({});

  function submitCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    const seq = Number(saved.seq);
    const hash = saved.hash.trim().toLowerCase();
    if (!Number.isInteger(seq) || seq < 1) found.seq = t('auditLog.chain.errors.seq');
    if (!HASH_PATTERN.test(hash)) found.hash = t('auditLog.chain.errors.hash', { letters: 'a–f' });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    check.mutate({ seq, hash });
  }

  async function loadFile(file: File | null) {
    if (!file) return;
    const parsed = file.size < 10_000 ? parseHeadFile(await file.text()) : null;
    if (!parsed) {
      setErrors({ file: t('auditLog.chain.errors.file') });
      return;
    }
    setErrors({});
    check.reset();
    setSaved(parsed);
  }

  return (
    <Paper withBorder radius="sm" p="lg" component="section" aria-labelledby="audit-chain-title">
      <Stack gap="lg">
        <Group gap="xs">
          <IconShieldCheck size={22} aria-hidden />
          <Title order={2} fz="lg" id="audit-chain-title">
            {t('auditLog.chain.title')}
          </Title>
        </Group>

        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl" verticalSpacing="lg">
          <Block title={t('auditLog.chain.verifyTitle')} lead={t('auditLog.chain.verifyLead')}>
            <Group>
              <Button onClick={() => verify.mutate(undefined)} loading={verify.isPending}>
                {t('auditLog.chain.verify')}
              </Button>
            </Group>
            {verify.data ? <ChainResult result={verify.data} /> : null}
            {verify.isError ? (
              <ErrorState error={verify.error} title={t('auditLog.chain.verifyFailed')} />
            ) : null}
          </Block>

          <Block title={t('auditLog.chain.headTitle')} lead={t('auditLog.chain.headLead')}>
            <Group>
              <Button variant="light" onClick={() => head.mutate()} loading={head.isPending}>
                {t('auditLog.chain.exportHead')}
              </Button>
            </Group>
            {head.isError ? (
              <ErrorState error={head.error} title={t('auditLog.chain.headFailed')} />
            ) : null}
            {head.data ? (
              <Stack gap="xs" role="status">
                <Text size="sm">
                  {t('auditLog.chain.headSeq', { seq: head.data.seq })}
                  {head.data.occurredAt ? ` · ${localiser.dateTime(head.data.occurredAt)}` : ''}
                </Text>
                <CopyableValue value={head.data.hash} label={t('auditLog.chain.copyHash')} />
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} aria-hidden />}
                    onClick={() => head.data && downloadHead(head.data)}
                  >
                    {t('auditLog.chain.download', { file: headFileName(head.data) })}
                  </Button>
                </Group>
              </Stack>
            ) : null}
          </Block>

          <Block title={t('auditLog.chain.checkTitle')} lead={t('auditLog.chain.checkLead')}>
            <form onSubmit={submitCheck} noValidate aria-label={t('auditLog.chain.checkTitle')}>
              <Stack gap="sm">
                <NumberInput
                  label={t('auditLog.chain.seq')}
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  w={160}
                  value={saved.seq}
                  onChange={(seq) => {
                    setSaved((s) => ({ ...s, seq }));
                    setErrors((e) => ({ ...e, seq: undefined }));
                    check.reset();
                  }}
                  error={errors.seq}
                />
                <TextInput
                  label={t('auditLog.chain.hash')}
                  spellCheck={false}
                  autoComplete="off"
                  maxLength={64}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  value={saved.hash}
                  onChange={(e) => {
                    const hash = e.currentTarget.value;
                    setSaved((s) => ({ ...s, hash }));
                    setErrors((x) => ({ ...x, hash: undefined }));
                    check.reset();
                  }}
                  error={errors.hash}
                />
                <Group gap="sm">
                  <Button type="submit" loading={check.isPending}>
                    {t('auditLog.chain.check')}
                  </Button>
                  <FileButton
                    onChange={(file) => void loadFile(file)}
                    accept="application/json,.json"
                  >
                    {(props) => (
                      <Button
                        {...props}
                        variant="default"
                        leftSection={<IconFileUpload size={16} aria-hidden />}
                      >
                        {t('auditLog.chain.loadFile')}
                      </Button>
                    )}
                  </FileButton>
                </Group>
                {errors.file ? (
                  <Text size="sm" c="red" role="alert">
                    {errors.file}
                  </Text>
                ) : null}
              </Stack>
            </form>
            {check.isError ? (
              <ErrorState error={check.error} title={t('auditLog.chain.checkFailed')} />
            ) : null}
            {check.data ? (
              check.data.matchesExpectedHead ? (
                <Alert
                  role="status"
                  color="teal"
                  variant="light"
                  icon={<IconCircleCheck aria-hidden />}
                  title={t('auditLog.chain.headFound')}
                >
                  {t('auditLog.chain.headFoundBody')}
                  {check.data.ok ? null : (
                    <Text size="sm" mt={4} fw={600}>
                      {t('auditLog.chain.butBroken')}
                    </Text>
                  )}
                </Alert>
              ) : (
                <Alert
                  role="alert"
                  color="red"
                  variant="filled"
                  icon={<IconCircleX aria-hidden />}
                  title={t('auditLog.chain.headMissing')}
                >
                  {t('auditLog.chain.headMissingBody')}
                </Alert>
              )
            ) : null}
          </Block>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
