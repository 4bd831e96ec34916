import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../../../../lib/use-localised.js';
import type { Breakdown } from '../utils/chart-data.js';

export interface BreakdownRow<K extends string> {
  key: string;
  name: ReactNode;
  breakdown: Breakdown<K>;
  /** Rolled-up progress, when the table has a progress column. */
  progress?: number | null;
}

interface BreakdownTableProps<K extends string> {
  caption: string;
  nameHeader: string;
  rows: readonly BreakdownRow<K>[];
  buckets: readonly K[];
  bucketLabel: (bucket: K) => string;
  withProgress?: boolean;
}

/** The exact figures behind a chart: count and share of each status per row. */
export function BreakdownTable<K extends string>({
  caption,
  nameHeader,
  rows,
  buckets,
  bucketLabel,
  withProgress = false,
}: BreakdownTableProps<K>) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const percent = (value: number) => t('planDashboard.percent', { value: localiser.number(value) });
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{nameHeader}</Table.Th>
            {withProgress ? (
              <Table.Th scope="col" ta="right">
                {t('planDashboard.table.progress')}
              </Table.Th>
            ) : null}
            <Table.Th scope="col" ta="right">
              {t('planDashboard.table.total')}
            </Table.Th>
            {buckets.map((b) => (
              <Table.Th key={b} scope="col" ta="right">
                {bucketLabel(b)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              {withProgress ? (
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {row.progress === null || row.progress === undefined ? (
                    <Text span c="dimmed" size="sm">
                      {t('planDashboard.noProgress')}
                    </Text>
                  ) : (
                    percent(row.progress)
                  )}
                </Table.Td>
              ) : null}
              <Table.Td ta="right">{localiser.number(row.breakdown.total)}</Table.Td>
              {buckets.map((b) => (
                <Table.Td key={b} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {row.breakdown.counts[b] === 0 ? (
                    <Text span c="dimmed" size="sm">
                      0
                    </Text>
                  ) : (
                    <>
                      {localiser.number(row.breakdown.counts[b])}{' '}
                      <Text span c="dimmed" size="xs">
                        ({percent(row.breakdown.percentages[b])})
                      </Text>
                    </>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
