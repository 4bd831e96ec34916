import { Anchor, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Agreement } from '../../../../../core/schemas/agreement.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { paths } from '../../../config/paths.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { AgreementFilters, AgreementSortKey } from '../utils/filters.js';
import { AgreementStatusBadge } from './agreement-status-badge.js';
import classes from './agreements.module.css';

interface AgreementsTableProps {
  agreements: readonly Agreement[];
  sort: AgreementFilters['sort'];
  order: AgreementFilters['order'];
  onSort: (sort: AgreementSortKey) => void;
}

interface SortHeaderProps {
  column: AgreementSortKey;
  label: string;
  sort: AgreementSortKey;
  order: 'asc' | 'desc';
  onSort: (sort: AgreementSortKey) => void;
  width?: number | string;
}

function SortHeader({ column, label, sort, order, onSort, width }: SortHeaderProps) {
  const { t } = useTranslation();
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      scope="col"
      w={width}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <UnstyledButton className={classes.sortButton} onClick={() => onSort(column)}>
        {label}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.45 }} />
        <VisuallyHidden>
          {active
            ? order === 'asc'
              ? t('table.sortedAscending')
              : t('table.sortedDescending')
            : t('table.sortable')}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A date, or a dash that screen readers announce as "not recorded". */
function DateCell({ text }: { text: string }) {
  const { t } = useTranslation();
  if (text)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    );
  return (
    <Text size="sm" c="dimmed">
      <span aria-hidden>—</span>
      <VisuallyHidden>{t('common.notRecorded')}</VisuallyHidden>
    </Text>
  );
}

/** The register: one row per instrument; a click anywhere on a row opens it. */
export function AgreementsTable({ agreements, sort, order, onSort }: AgreementsTableProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const navigate = useNavigate();
  const header = { sort, order, onSort };

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    // The title link handles its own clicks (including opening in a new tab).
    if ((event.target as HTMLElement).closest('a, button')) return;
    void navigate(paths.agreement(id));
  }

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="sm" highlightOnHover={false} striped={false} withTableBorder>
        <caption className="visually-hidden">{t('agreements.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <SortHeader
              column="kind"
              label={t('agreements.columns.kind')}
              width={150}
              {...header}
            />
            <SortHeader column="title" label={t('agreements.columns.title')} {...header} />
            <SortHeader
              column="parties"
              label={t('agreements.columns.parties')}
              width={200}
              {...header}
            />
            <SortHeader
              column="signedOn"
              label={t('agreements.columns.signedOn')}
              width={130}
              {...header}
            />
            <SortHeader
              column="ratifiedOn"
              label={t('agreements.columns.ratifiedOn')}
              width={120}
              {...header}
            />
            <SortHeader
              column="inForceFrom"
              label={t('agreements.columns.inForceFrom')}
              width={120}
              {...header}
            />
            <SortHeader
              column="status"
              label={t('agreements.columns.status')}
              width={120}
              {...header}
            />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => {
            const shortTitle = localiser.text(agreement.shortTitle);
            const title = localiser.text(agreement.title);
            return (
              <Table.Tr
                key={agreement.id}
                className={classes.row}
                onClick={(e) => openRow(e, agreement.id)}
              >
                <Table.Td>
                  <Text size="sm">{t(`vocab.agreementKind.${agreement.kind}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={paths.agreement(agreement.id)}
                    className={classes.titleLink}
                    size="sm"
                  >
                    <LocalisedText
                      value={shortTitle ? agreement.shortTitle : agreement.title}
                      inherit
                    />
                  </Anchor>
                  {shortTitle && shortTitle !== title ? (
                    <LocalisedText
                      value={agreement.title}
                      component="p"
                      size="xs"
                      c="dimmed"
                      lineClamp={2}
                    />
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <LocalisedText value={agreement.parties} size="sm" lineClamp={3} component="p" />
                </Table.Td>
                <Table.Td>
                  <DateCell text={localiser.date(agreement.signedOn)} />
                </Table.Td>
                <Table.Td>
                  <DateCell text={localiser.date(agreement.ratifiedOn)} />
                </Table.Td>
                <Table.Td>
                  <DateCell text={localiser.date(agreement.inForceFrom)} />
                </Table.Td>
                <Table.Td>
                  <AgreementStatusBadge status={agreement.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
