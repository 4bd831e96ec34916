import { Badge, Button, Group, Paper, Stack, Tabs } from '@mantine/core';
import { IconFold, IconFoldDown } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDES, type Side } from '../../../../../core/domain/vocabularies.js';
import type { Organisation } from '../../../../../core/schemas/organisation.js';
import { EmptyState } from '../../../components/empty-state.js';
import { SearchInput } from '../../../components/search-input.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { ancestorsOf, buildForest, visibleForQuery } from '../utils/tree.js';
import { OrganisationTree } from './organisation-tree.js';

interface OrganisationBrowserProps {
  organisations: readonly Organisation[];
  side: Side | null;
  query: string;
  focusedId: string | null;
  onSideChange: (side: Side) => void;
  onQueryChange: (query: string) => void;
}

/** Both sides of the partnership as trees, one tab each, with a search across names in either script. */
export function OrganisationBrowser({
  organisations,
  side,
  query,
  focusedId,
  onSideChange,
  onQueryChange,
}: OrganisationBrowserProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();

  const forest = useMemo(
    () =>
      buildForest(organisations, (a, b) =>
        localiser.compare(localiser.text(a.name), localiser.text(b.name)),
      ),
    [organisations, localiser],
  );
  const search = useMemo(
    () => visibleForQuery(organisations, query, forest.parentOf),
    [organisations, query, forest],
  );
  const focused = organisations.find((o) => o.id === focusedId) ?? null;
  const sides = SIDES.filter((s) => organisations.some((o) => o.side === s));
  const activeSide: Side = side ?? focused?.side ?? sides[0] ?? 'partner';

  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const open = new Set(forest.roots.map((o) => o.id));
    if (focusedId) for (const id of ancestorsOf(focusedId, forest.parentOf)) open.add(id);
    return open;
  });
  // A new search opens the branches that lead to its matches.
  const [openedFor, setOpenedFor] = useState<typeof search>(null);
  if (search !== openedFor) {
    setOpenedFor(search);
    if (search) setExpanded((current) => new Set([...current, ...search.visible]));
  }

  useEffect(() => {
    if (!focusedId) return;
    document.getElementById(`organisation-${focusedId}`)?.scrollIntoView({ block: 'center' });
  }, [focusedId]);

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const countFor = (s: Side) =>
    organisations.filter((o) => o.side === s && (!search || search.matches.has(o.id))).length;

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="md"
        radius="sm"
        component="section"
        role="search"
        aria-label={t('organisations.searchLabel')}
      >
        <Group align="flex-end" justify="space-between" gap="md">
          <div style={{ flex: '1 1 320px', maxWidth: 520 }}>
            <SearchInput
              label={t('organisations.search')}
              placeholder={t('organisations.searchPlaceholder')}
              value={query}
              onSearch={onQueryChange}
            />
          </div>
          <Group gap="xs">
            <Button
              variant="default"
              size="sm"
              leftSection={<IconFoldDown size={16} aria-hidden />}
              onClick={() => setExpanded(new Set(organisations.map((o) => o.id)))}
            >
              {t('organisations.expandAll')}
            </Button>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconFold size={16} aria-hidden />}
              onClick={() => setExpanded(new Set())}
            >
              {t('organisations.collapseAll')}
            </Button>
          </Group>
        </Group>
      </Paper>

      <Tabs
        value={activeSide}
        onChange={(value) => value && onSideChange(value as Side)}
        keepMounted={false}
      >
        <Tabs.List>
          {sides.map((s) => (
            <Tabs.Tab
              key={s}
              value={s}
              rightSection={
                <Badge
                  size="sm"
                  variant="light"
                  color={s === activeSide ? 'navy' : 'gray'}
                  circle={false}
                >
                  {localiser.number(countFor(s))}
                </Badge>
              }
            >
              {t(`vocab.side.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {sides.map((s) => {
          const sideForest = {
            ...forest,
            roots: forest.roots.filter((o) => o.side === s),
          };
          const hasVisible = sideForest.roots.some((o) => !search || search.visible.has(o.id));
          return (
            <Tabs.Panel key={s} value={s} pt="md">
              {hasVisible ? (
                <OrganisationTree
                  forest={sideForest}
                  expanded={expanded}
                  onToggle={toggle}
                  visible={search?.visible}
                  matches={search?.matches}
                  focusedId={focusedId}
                />
              ) : (
                <EmptyState
                  title={t('organisations.empty')}
                  action={
                    query ? (
                      <Button variant="light" onClick={() => onQueryChange('')}>
                        {t('common.clearSearch')}
                      </Button>
                    ) : null
                  }
                />
              )}
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
