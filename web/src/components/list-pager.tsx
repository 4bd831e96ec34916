import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../lib/use-localised.js';

interface ListPagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "41–60 of 245" and the page buttons, each named for screen readers. */
export function ListPager({ page, pageSize, total, onChange }: ListPagerProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="md">
      <Text size="sm" c="dimmed">
        {t('pager.range', {
          first: localiser.number(first),
          last: localiser.number(last),
          total: localiser.number(total),
        })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('pager.label')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            getItemProps={(n) => ({
              'aria-label': t('pager.page', { page: n }),
              'aria-current': n === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
            withEdges
          />
        </nav>
      ) : null}
    </Group>
  );
}
