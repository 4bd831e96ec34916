import { Chip, Group, Input, Paper, SegmentedControl, Select, Grid, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TIMELINE_CATEGORIES,
  type TimelineCategory,
} from '../../../../../core/domain/vocabularies.js';
import { SearchInput } from '../../../components/search-input.js';
import { CATEGORY_COLORS } from '../utils/categories.js';
import type { SortOrder, TimelineFilters as Filters } from '../utils/filters.js';

const FIRST_YEAR = 1990;
const LAST_YEAR = new Date().getFullYear() + 1;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));

interface TimelineFiltersProps {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

/** Search text, categories, period and order; every change lands in the address bar. */
export function TimelineFilters({ filters, onChange }: TimelineFiltersProps) {
  const { t } = useTranslation();
  const legendId = useId();

  const toYears = filters.fromYear ? YEARS.filter((y) => y >= (filters.fromYear ?? '')) : YEARS;
  const fromYears = filters.toYear ? YEARS.filter((y) => y <= (filters.toYear ?? '')) : YEARS;

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="section"
      role="search"
      aria-label={t('timeline.filters.label')}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <SearchInput
            label={t('timeline.filters.search')}
            placeholder={t('timeline.filters.searchPlaceholder')}
            value={filters.q}
            onSearch={(q) => onChange({ q })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
          <Select
            label={t('timeline.filters.fromYear')}
            placeholder={t('timeline.filters.anyYear')}
            data={fromYears}
            value={filters.fromYear}
            onChange={(value) => onChange({ fromYear: value })}
            clearable
            searchable
            allowDeselect
            comboboxProps={{ withinPortal: true }}
            clearButtonProps={{ 'aria-label': t('timeline.filters.clearFromYear') }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
          <Select
            label={t('timeline.filters.toYear')}
            placeholder={t('timeline.filters.anyYear')}
            data={toYears}
            value={filters.toYear}
            onChange={(value) => onChange({ toYear: value })}
            clearable
            searchable
            allowDeselect
            clearButtonProps={{ 'aria-label': t('timeline.filters.clearToYear') }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
          <Input.Wrapper
            label={t('timeline.filters.order')}
            labelElement="div"
            labelProps={{ id: `${legendId}-order` }}
          >
            <SegmentedControl
              aria-labelledby={`${legendId}-order`}
              fullWidth
              value={filters.order}
              onChange={(value) => onChange({ order: value as SortOrder })}
              data={[
                { value: 'asc', label: t('timeline.filters.oldestFirst') },
                { value: 'desc', label: t('timeline.filters.newestFirst') },
              ]}
            />
          </Input.Wrapper>
        </Grid.Col>
      </Grid>

      <fieldset
        style={{ border: 0, padding: 0, margin: 0, marginTop: 'var(--mantine-spacing-md)' }}
      >
        <Text component="legend" size="sm" fw={500} mb={6} id={legendId}>
          {t('timeline.filters.categories')}
        </Text>
        <Chip.Group
          multiple
          value={filters.categories}
          onChange={(value) =>
            onChange({
              categories: TIMELINE_CATEGORIES.filter((c) =>
                value.includes(c),
              ) as TimelineCategory[],
            })
          }
        >
          <Group gap={6} wrap="wrap">
            {TIMELINE_CATEGORIES.map((category) => (
              <Chip
                key={category}
                value={category}
                size="sm"
                color={CATEGORY_COLORS[category]}
                variant="outline"
              >
                {t(`vocab.timelineCategory.${category}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </fieldset>
    </Paper>
  );
}
