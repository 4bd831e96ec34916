import { Badge, Group, List, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../api/imports.js';

/** Readings that get a word of explanation after the value (the rest speak for themselves). */
const EXPLAINED = new Set([
  'year',
  'quarter_range',
  'half_year',
  'plan_year',
  'continuous',
  'lead_split',
]);

const ACTION_COLOR = { create: 'teal', update: 'blue', unchanged: 'gray', error: 'red' } as const;

/** The counts of a dry run, as four labelled numbers. */
export function ImportCounts({ counts }: { counts: NonNullable<ImportJob['counts']> }) {
  const { t } = useTranslation();
  const items = [
    ['create', counts.create, 'teal'],
    ['update', counts.update, 'blue'],
    ['unchanged', counts.unchanged, 'gray'],
    ['errors', counts.errors, counts.errors ? 'red' : 'gray'],
  ] as const;
  return (
    <Group gap="xs" role="status" aria-label={t('planImport.countsLabel')}>
      {items.map(([key, value, color]) => (
        <Badge key={key} color={color} variant="light" size="lg" radius="sm">
          {t(`planImport.counts.${key}`, { count: value })}
        </Badge>
      ))}
    </Group>
  );
}

/** One page of the row report: rows with errors first, each error naming its column. */
export function ImportReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  /** A column as the file names it ("column C «Рок»"), else by its field. */
  const column = (c: string | null) => {
    if (!c) return t('planImport.wholeRow');
    const h = job.headings.find((x) => x.column === c);
    return h
      ? t('planImport.columnIn', { letter: h.letter, heading: h.text })
      : t(`planImport.columns.${c as 'code'}`);
  };
  if (job.rows.length === 0) return null;
  return (
    <>
      <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
        <Table striped withTableBorder verticalSpacing={6} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('planImport.table.row')}</Table.Th>
              <Table.Th scope="col">{t('planImport.table.code')}</Table.Th>
              <Table.Th scope="col">{t('planImport.table.action')}</Table.Th>
              <Table.Th scope="col">{t('planImport.table.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.rows.map((r) => (
              <Table.Tr key={r.row} data-action={r.action}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {r.action === 'create' && r.finalCode ? r.finalCode : (r.code ?? '—')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    styles={{ label: { overflow: 'visible' } }}
                    color={ACTION_COLOR[r.action]}
                    variant="light"
                    radius="sm"
                  >
                    {t(`planImport.action.${r.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.title ? (
                    <Text size="sm" lineClamp={1}>
                      {r.title}
                    </Text>
                  ) : null}
                  <List size="sm" spacing={2}>
                    {r.errors.map((e, i) => (
                      <List.Item key={`e${i}`}>
                        <Text span c="red.8" size="sm">
                          {t('planImport.issue', {
                            row: r.row,
                            column: column(e.column),
                            message: e.message,
                          })}
                        </Text>
                      </List.Item>
                    ))}
                    {r.changes.map((c) => (
                      <List.Item key={c.column}>
                        <Text span size="sm">
                          {t('planImport.change', {
                            column: column(c.column),
                            from: c.from || t('planImport.empty'),
                            to: c.to || t('planImport.empty'),
                          })}
                        </Text>
                      </List.Item>
                    ))}
                    {r.notes.map((n, i) => (
                      <List.Item key={`n${i}`}>
                        <Text span c="dimmed" size="sm" data-reading={n.reading}>
                          {t('planImport.note', {
                            column: column(n.column),
                            from: n.from,
                            to: n.to,
                            how: EXPLAINED.has(n.reading)
                              ? t(`planImport.reading.${n.reading as 'year'}`)
                              : '',
                          })}
                        </Text>
                      </List.Item>
                    ))}
                    {r.warnings.map((w, i) => (
                      <List.Item key={`w${i}`}>
                        <Text span c="orange.9" size="sm">
                          {t('planImport.warning', {
                            column: column(w.column),
                            message: w.message,
                          })}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {job.rowsPage.total > job.rows.length ? (
        <Text size="sm" c="dimmed">
          {t('planImport.moreRows', { shown: job.rows.length, total: job.rowsPage.total })}
        </Text>
      ) : null}
    </>
  );
}
