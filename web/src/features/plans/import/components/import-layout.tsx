import { Alert, Button, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS } from '../../../../../../core/plans/import-headings.js';
import { errorMessage } from '../../../../lib/error-message.js';
import {
  useCreateImportOrganisation,
  useRemapImport,
  type ImportJob,
  type ImportMappedField,
} from '../api/imports.js';

type Decision = ImportJob['decisions'][number];

/** One layout decision in the reader's language ("Row 9: chapter banner → chapter 2"). */
function useDecisionText() {
  const { t } = useTranslation();
  return (d: Decision) => {
    switch (d.kind) {
      case 'title':
        return t('planImport.decision.title', { row: d.row });
      case 'heading':
        return d.toRow
          ? t('planImport.decision.headingTwo', { row: d.row, toRow: d.toRow })
          : t('planImport.decision.heading', { row: d.row });
      case 'banner':
        return t(
          d.level === 'chapter'
            ? d.numbered
              ? 'planImport.decision.chapterNumbered'
              : 'planImport.decision.chapter'
            : 'planImport.decision.banner',
          { row: d.row, code: d.code },
        );
      case 'footnote':
        return t('planImport.decision.footnote', { row: d.row });
      case 'serial':
        return t('planImport.decision.serial', { letter: d.code });
    }
  };
}

/** How the sheet's layout was read: title rows, heading rows, banners, footnotes. */
export function ImportDecisions({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const text = useDecisionText();
  if (job.decisions.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="sm">
        {t('planImport.decisionsTitle')}
      </Title>
      <List size="sm" spacing={2} aria-label={t('planImport.decisionsTitle')}>
        {job.decisions.map((d, i) => (
          <List.Item key={`${d.kind}-${d.row}-${i}`}>{text(d)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/**
 * The file's columns: its letter and heading, and the field each feeds. A column the reader did
 * not know can be given a field here; the choice is remembered for the plan and the file is
 * checked again.
 */
export function ImportColumns({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remap = useRemapImport();
  if (job.headings.length === 0) return null;
  const data = [
    { value: 'ignore', label: t('planImport.notImported') },
    ...IMPORT_COLUMNS.map((c) => ({ value: c, label: t(`planImport.columns.${c}`) })),
  ];
  const choose = (key: string, value: string | null) => {
    if (!value) return;
    remap.mutate(
      { id: job.id, mapping: { [key]: value as ImportMappedField } },
      { onSuccess: (updated) => queryClient.setQueryData(['imports', updated.id], updated) },
    );
  };
  return (
    <Stack gap={4}>
      <Title order={3} size="sm">
        {t('planImport.columnsTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('planImport.columnsHint')}
      </Text>
      <Table.ScrollContainer minWidth={340} type="native">
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('planImport.table.column')}</Table.Th>
              <Table.Th scope="col">{t('planImport.table.heading')}</Table.Th>
              <Table.Th scope="col">{t('planImport.table.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.headings.map((h) => (
              <Table.Tr key={h.letter} data-source={h.source}>
                <Table.Td>{h.letter}</Table.Td>
                <Table.Td>{h.text}</Table.Td>
                <Table.Td miw={150}>
                  <Select
                    size="xs"
                    aria-label={t('planImport.fieldFor', { letter: h.letter, heading: h.text })}
                    data={data}
                    value={h.column ?? (h.source === 'ignored' ? 'ignore' : null)}
                    placeholder={t('planImport.chooseField')}
                    onChange={(value) => choose(h.key, value)}
                    disabled={remap.isPending}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {remap.error ? (
        <Alert role="alert" color="red" variant="light">
          {errorMessage(remap.error, t)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Institutions the file names that the plan does not know, each with a button to create it. */
export function UnknownOrganisations({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useCreateImportOrganisation();
  if (job.unknownOrganisations.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="sm">
        {t('planImport.unknownTitle')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('planImport.unknownHint')}
      </Text>
      <Group gap="xs">
        {job.unknownOrganisations.map((name) => (
          <Button
            key={name}
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            loading={create.isPending && create.variables?.name === name}
            onClick={() =>
              create.mutate(
                { id: job.id, name },
                {
                  onSuccess: (updated) =>
                    queryClient.setQueryData(['imports', updated.id], updated),
                },
              )
            }
          >
            {t('planImport.createOrganisation', { name })}
          </Button>
        ))}
      </Group>
      {create.error ? (
        <Alert role="alert" color="red" variant="light">
          {errorMessage(create.error, t)}
        </Alert>
      ) : null}
    </Stack>
  );
}
