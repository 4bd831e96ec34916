import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalised } from '../lib/use-localised.js';

interface ListPagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting: at least `total` rows match ("1–50 of 10,000+"). */
  totalIsLowerBound?: boolean;
  onChange: (page: number) => void;
}

/** "41–60 of 245" (or "of 10,000+") and the page buttons, each named for screen readers. */
export function ListPager({
  page,
  pageSize,
  total,
  totalIsLowerBound = false,
  onChange,
}: ListPagerProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="md">
      <Text
        size="sm"
        c="dimmed"
        title={
          totalIsLowerBound
            ? t('lists.lowerBoundHint', { total: localiser.number(total) })
            : undefined
        }
      >
        {t(totalIsLowerBound ? 'lists.range' : 'pager.range', {
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
