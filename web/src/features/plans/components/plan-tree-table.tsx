import { ActionIcon, Badge, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { LocalisedText } from '../../../components/localised-text.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { handleRowShortcut, RowActions } from '../edit/row-actions.js';
import { usePlanEditing } from '../edit/plan-editing.js';
import {
  hasFilters,
  indexTree,
  isSample,
  itemIsOverdue,
  visibleRows,
  type PlanTreeFilters,
} from '../utils/tree.js';
import { DueDate } from './due-date.js';
import { RollupProgress } from './rollup-progress.js';
import { StatusCell } from './status-cell.js';

interface PlanTreeTableProps {
  planId: string;
  items: PlanTreeNode[];
  filters: PlanTreeFilters;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  today: string;
  /** Rows whose children are being loaded (a large plan loads them when a row is opened). */
  loading?: ReadonlySet<string>;
  /** Rows whose children could not be loaded. */
  failed?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The plan as a table whose rows nest: chapters, objectives, activities. */
export function PlanTreeTable({
  planId,
  items,
  filters,
  expanded,
  onToggle,
  onOpen,
  today,
  loading = NONE,
  failed = NONE,
}: PlanTreeTableProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const index = useMemo(() => indexTree(items), [items]);
  const rows = visibleRows(items, filters, expanded, today, (item) =>
    [item.title.en, item.title.sr, localiser.text(item.title)].filter(Boolean).join(' '),
  );
  const codeOf = (id: string) => index.get(id)?.code ?? id;
  // Place of each shown row among the shown rows of the same parent (aria-posinset/-setsize).
  const places = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const { item } of rows) {
      const key = item.parentId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), item.id]);
    }
    const out = new Map<string, { pos: number; size: number }>();
    for (const ids of groups.values())
      ids.forEach((id, i) => out.set(id, { pos: i + 1, size: ids.length }));
    return out;
  }, [rows]);
  const filtering = hasFilters(filters);
  const editing = usePlanEditing();

  /** Arrows go from row to row and open or close; Enter shows the details; the rest edit. */
  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, item: PlanTreeNode) => {
    if (event.target !== event.currentTarget) return;
    const row = event.currentTarget;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    const open = filtering || expanded.has(item.id);
    let handled = true;
    if (plain && event.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
    else if (plain && event.key === 'ArrowUp')
      (row.previousElementSibling as HTMLElement | null)?.focus();
    else if (
      plain &&
      event.key === 'ArrowRight' &&
      (item.childCount ?? item.children.length) > 0 &&
      !open
    )
      onToggle(item.id);
    else if (plain && event.key === 'ArrowLeft' && open && !filtering && expanded.has(item.id))
      onToggle(item.id);
    else if (plain && event.key === 'Enter') onOpen(item.id);
    else handled = handleRowShortcut(event, item, editing);
    if (handled) event.preventDefault();
  };

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        highlightOnHover
        verticalSpacing="xs"
        role="treegrid"
        aria-label={t('plans.tree.label')}
      >
        <Table.Thead role="rowgroup">
          <Table.Tr role="row">
            <Table.Th role="columnheader" w={130}>
              {t('plans.tree.code')}
            </Table.Th>
            <Table.Th role="columnheader">{t('plans.tree.title')}</Table.Th>
            <Table.Th role="columnheader" w={230}>
              {t('plans.tree.status')}
            </Table.Th>
            <Table.Th role="columnheader" w={170}>
              {t('plans.tree.due')}
            </Table.Th>
            <Table.Th role="columnheader" w={210}>
              {t('plans.tree.progress')}
            </Table.Th>
            <Table.Th role="columnheader" w={90}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody role="rowgroup">
          {rows.map(({ item, depth, hasChildren, unloaded, context }) => {
            const open = filtering || expanded.has(item.id);
            const busy = open && unloaded && loading.has(item.id);
            const broken = open && unloaded && failed.has(item.id) && !busy;
            const place = places.get(item.id);
            return (
              <Table.Tr
                key={item.id}
                role="row"
                aria-expanded={hasChildren ? open : undefined}
                aria-posinset={place?.pos}
                aria-setsize={place?.size}
                data-code={item.code}
                data-item-id={item.id}
                data-context={context || undefined}
                aria-level={depth + 1}
                aria-busy={busy || undefined}
                aria-describedby="plan-shortcuts"
                tabIndex={0}
                style={{ cursor: 'pointer', opacity: context ? 0.7 : 1 }}
                onClick={() => onOpen(item.id)}
                onKeyDown={(event) => onRowKeyDown(event, item)}
              >
                <Table.Td role="gridcell">
                  <div style={{ display: 'flex', alignItems: 'center', paddingLeft: depth * 20 }}>
                    {hasChildren ? (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        color="gray"
                        aria-expanded={open}
                        aria-label={
                          busy
                            ? t('plans.tree.loadingChildren', { code: item.code })
                            : t(open ? 'plans.tree.collapse' : 'plans.tree.expand', {
                                code: item.code,
                              })
                        }
                        loading={busy}
                        loaderProps={{ size: 14 }}
                        onClick={(event) => {
                          event.stopPropagation();
                          onToggle(item.id);
                        }}
                      >
                        {open ? (
                          <IconChevronDown size={16} aria-hidden />
                        ) : (
                          <IconChevronRight size={16} aria-hidden />
                        )}
                      </ActionIcon>
                    ) : (
                      <span style={{ width: 22, display: 'inline-block' }} />
                    )}
                    <Text span size="sm" ff="monospace" ml={4}>
                      {item.code}
                    </Text>
                    {unloaded && !open ? (
                      <Text span size="xs" c="dimmed" ml={6} style={{ whiteSpace: 'nowrap' }}>
                        {t('plans.tree.childCount', { count: item.childCount })}
                      </Text>
                    ) : null}
                    {busy ? (
                      <Text span size="xs" c="dimmed" ml={6} role="status">
                        {t('plans.tree.loadingShort')}
                      </Text>
                    ) : null}
                    {broken ? (
                      <Text span size="xs" c="red" ml={6} role="alert">
                        {t('plans.tree.childrenFailed')}
                      </Text>
                    ) : null}
                  </div>
                </Table.Td>
                <Table.Td role="gridcell">
                  <UnstyledButton
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(item.id);
                    }}
                    aria-label={t('plans.tree.openItem', {
                      code: item.code,
                      title: localiser.text(item.title),
                    })}
                  >
                    <LocalisedText
                      value={item.title}
                      size="sm"
                      fw={depth === 0 ? 600 : undefined}
                    />
                  </UnstyledButton>
                  {isSample(item) ? (
                    <Badge size="xs" color="violet" variant="light" tt="none" ml={6}>
                      {t('planEdit.sample')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td role="gridcell">
                  <StatusCell item={item} planId={planId} />
                </Table.Td>
                <Table.Td role="gridcell">
                  <DueDate value={item.dueOn} overdue={itemIsOverdue(item, today)} />
                </Table.Td>
                <Table.Td role="gridcell">
                  <RollupProgress rollup={item.rollup} codeOf={codeOf} />
                </Table.Td>
                <Table.Td role="gridcell">
                  <RowActions item={item} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
