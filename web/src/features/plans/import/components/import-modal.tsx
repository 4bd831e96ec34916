import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../lib/error-message.js';
import {
  MAX_FILE_BYTES,
  RUNNING_STATUSES,
  templateUrl,
  useCommitImport,
  useImportJob,
  useStartImport,
  type ImportJob,
} from '../api/imports.js';
import { ImportColumns, ImportDecisions, UnknownOrganisations } from './import-layout.js';
import { ImportCounts, ImportReport } from './import-report.js';

/** Names that stay as they are in every language and script (the generator leaves them Latin). */
const WORDS = {
  csv: 'CSV',
  xlsx: 'XLSX',
  excel: 'Excel',
  sheet: 'Lists',
  extensions: '.csv / .xlsx',
};

interface ImportModalProps {
  planId: string;
  opened: boolean;
  onClose: () => void;
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  const value = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const label =
    job.status === 'queued'
      ? t('planImport.queued')
      : t(job.status === 'committing' ? 'planImport.committing' : 'planImport.checking', {
          done: done.toLocaleString(),
          total: total.toLocaleString(),
        });
  return (
    <Stack gap={6}>
      <Text size="sm" role="status" aria-live="polite">
        {label}
      </Text>
      <Progress value={value} animated aria-label={label} size="lg" />
    </Stack>
  );
}

/**
 * Import from a spreadsheet: pick a file, the server checks every row (dry run) while a progress
 * bar runs, the report shows what each row would do with errors first; "Import N rows" commits
 * all of them at once, and only when no row has an error.
 */
export function ImportModal({ planId, opened, onClose }: ImportModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const start = useStartImport(planId);
  const commit = useCommitImport();
  const job = useImportJob(jobId);
  const data = job.data;
  // On a phone the dry run takes the whole screen: its tables need every pixel.
  const phone = useMediaQuery('(max-width: 36em)', false);

  const reset = () => {
    setJobId(null);
    setFile(null);
    setFileError(null);
    start.reset();
    commit.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  useEffect(() => {
    if (data?.status !== 'committed') return;
    notifications.show({
      color: 'teal',
      message: t('planImport.done', {
        created: data.counts?.create ?? 0,
        updated: data.counts?.update ?? 0,
      }),
    });
    void queryClient.invalidateQueries({ queryKey: ['plans', 'tree', planId] });
    void queryClient.invalidateQueries({ queryKey: ['plans'] });
    void queryClient.invalidateQueries({ queryKey: ['plan-items'] });
    // Once per committed job: the data it reads is that job's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.status, data?.id]);

  const choose = (chosen: File | null) => {
    setFileError(null);
    if (chosen && !/\.(csv|xlsx|txt)$/i.test(chosen.name)) {
      setFileError(t('planImport.wrongType', WORDS));
      setFile(null);
      return;
    }
    if (chosen && chosen.size > MAX_FILE_BYTES) {
      setFileError(t('planImport.tooLarge'));
      setFile(null);
      return;
    }
    setFile(chosen);
  };
  const upload = () => {
    if (!file) return;
    start.mutate(file, {
      onSuccess: (created) => {
        queryClient.setQueryData(['imports', created.id], created);
        setJobId(created.id);
      },
    });
  };
  const runCommit = () => {
    if (!jobId) return;
    commit.mutate(jobId, {
      onSuccess: (updated) => queryClient.setQueryData(['imports', updated.id], updated),
    });
  };

  const running = data ? RUNNING_STATUSES.includes(data.status) : false;
  const toImport = data?.counts ? data.counts.create + data.counts.update : 0;
  const blocked = (data?.counts?.errors ?? 0) > 0;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{t('planImport.title')}</Text>}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {!jobId ? (
          <>
            <Text size="sm">{t('planImport.intro', WORDS)}</Text>
            <Group gap="xs">
              <Anchor href={templateUrl(planId)} download size="sm">
                <Group gap={4} component="span">
                  <IconDownload size={16} aria-hidden />
                  {t('planImport.template', WORDS)}
                </Group>
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed">
              {t('planImport.templateHint', WORDS)}
            </Text>
            <Paper
              withBorder
              p="md"
              radius="md"
              bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                choose(e.dataTransfer.files[0] ?? null);
              }}
            >
              <Stack gap="xs">
                <FileInput
                  label={t('planImport.choose', WORDS)}
                  description={t('planImport.drop')}
                  placeholder={t('planImport.placeholder')}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  value={file}
                  onChange={choose}
                  error={fileError}
                  clearable
                  data-autofocus
                />
              </Stack>
            </Paper>
            {start.error ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
              >
                {errorMessage(start.error, t)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button onClick={upload} disabled={!file} loading={start.isPending}>
                {t('planImport.check')}
              </Button>
            </Group>
          </>
        ) : !data ? (
          job.error ? (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(job.error, t)}
            </Alert>
          ) : (
            <Progress value={0} animated aria-label={t('planImport.queued')} />
          )
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('planImport.file', { name: data.fileName })}
            </Text>
            {running ? <JobProgress job={data} /> : null}
            {data.status === 'committed' ? (
              <Alert role="status" color="teal" variant="light">
                {t('planImport.done', {
                  created: data.counts?.create ?? 0,
                  updated: data.counts?.update ?? 0,
                })}
              </Alert>
            ) : null}
            {data.status === 'failed' ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                title={t('planImport.failed')}
                icon={<IconAlertTriangle aria-hidden />}
              >
                {data.failure}
              </Alert>
            ) : null}
            {!running && data.counts ? <ImportCounts counts={data.counts} /> : null}
            {!running && data.status === 'validated' ? (
              <>
                <ImportDecisions job={data} />
                <ImportColumns job={data} />
                <UnknownOrganisations job={data} />
              </>
            ) : null}
            {!running && data.status !== 'validated' && data.ignoredHeadings.length ? (
              <Text size="sm" c="dimmed">
                {t('planImport.ignored', { names: data.ignoredHeadings.join(', ') })}
              </Text>
            ) : null}
            {data.status === 'validated' && blocked ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
              >
                {t('planImport.blocked', { count: data.counts?.errors ?? 0 })}
              </Alert>
            ) : null}
            {data.status === 'validated' && !blocked && toImport === 0 ? (
              <Alert color="gray" variant="light">
                {t('planImport.nothing')}
              </Alert>
            ) : null}
            {!running && data.status !== 'committed' ? <ImportReport job={data} /> : null}
            {commit.error ? (
              <Alert
                role="alert"
                color="red"
                variant="light"
                icon={<IconAlertTriangle aria-hidden />}
              >
                {errorMessage(commit.error, t)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              {!running ? (
                <Button variant="default" onClick={reset}>
                  {t('planImport.another')}
                </Button>
              ) : null}
              {data.status === 'committed' ? (
                <Button onClick={close} data-autofocus>
                  {t('common.close')}
                </Button>
              ) : null}
              {data.status === 'validated' ? (
                <Button
                  onClick={runCommit}
                  disabled={blocked || toImport === 0}
                  loading={commit.isPending}
                >
                  {t('planImport.commit', { count: toImport })}
                </Button>
              ) : null}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
