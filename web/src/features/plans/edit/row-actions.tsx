/** The actions menu of one row, and the keyboard shortcuts of a focused row. */
import { ActionIcon, Group, Kbd, Menu, Text, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsMove,
  IconDots,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { usePlanEditing, type PlanEditing } from './plan-editing.js';

export function RowActions({ item }: { item: PlanTreeNode }) {
  const { t } = useTranslation();
  const editing = usePlanEditing();
  if (!editing) return null;
  const canUpdate = item.abilities.update;
  const canChild = editing.canAddChild(item);
  if (!canUpdate && !canChild && !item.abilities.delete) return null;
  const addLabel = t('planEdit.actions.addChildOf', {
    level: editing.levelName(item.depth + 1).toLocaleLowerCase(),
    code: item.code,
  });
  return (
    <Group
      gap={2}
      wrap="nowrap"
      justify="flex-end"
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {canChild ? (
        // On the row itself, not only in the menu: adding the next activity is the common case.
        <Tooltip label={addLabel} withinPortal>
          <ActionIcon
            variant="subtle"
            color="blue"
            aria-label={addLabel}
            data-action="add-child"
            onClick={() => editing.add(item)}
          >
            <IconPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('planEdit.actions.label', { code: item.code })}
          >
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canUpdate ? (
            <Menu.Item
              leftSection={<IconPencil size={14} aria-hidden />}
              rightSection={<Kbd size="xs">E</Kbd>}
              onClick={() => editing.edit(item)}
            >
              {t('planEdit.actions.edit')}
            </Menu.Item>
          ) : null}
          {canChild ? (
            <Menu.Item
              leftSection={<IconPlus size={14} aria-hidden />}
              rightSection={<Kbd size="xs">N</Kbd>}
              onClick={() => editing.add(item)}
            >
              {t('planEdit.actions.addChild', {
                level: editing.levelName(item.depth + 1).toLocaleLowerCase(),
              })}
            </Menu.Item>
          ) : null}
          {canUpdate ? (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconArrowUp size={14} aria-hidden />}
                rightSection={<Kbd size="xs">Alt ↑</Kbd>}
                disabled={!editing.canShift(item, -1) || editing.busy}
                onClick={() => editing.shift(item, -1)}
              >
                {t('planEdit.actions.moveUp')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconArrowDown size={14} aria-hidden />}
                rightSection={<Kbd size="xs">Alt ↓</Kbd>}
                disabled={!editing.canShift(item, 1) || editing.busy}
                onClick={() => editing.shift(item, 1)}
              >
                {t('planEdit.actions.moveDown')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconArrowsMove size={14} aria-hidden />}
                onClick={() => editing.moveTo(item)}
              >
                {t('planEdit.actions.moveTo')}
              </Menu.Item>
            </>
          ) : null}
          {item.abilities.delete ? (
            <>
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                rightSection={<Kbd size="xs">Del</Kbd>}
                onClick={() => editing.remove(item)}
              >
                {t('planEdit.actions.delete')}
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/**
 * Shortcuts on a focused row: E edit, N add below, Alt+↑/↓ move, Delete delete. Returns true when
 * the key was one of them.
 */
export function handleRowShortcut(
  event: KeyboardEvent,
  item: PlanTreeNode,
  editing: PlanEditing | null,
): boolean {
  if (!editing || event.ctrlKey || event.metaKey) return false;
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    const by = event.key === 'ArrowUp' ? -1 : 1;
    if (editing.canShift(item, by)) editing.shift(item, by);
    return true;
  }
  if (event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  if (key === 'e' && item.abilities.update) {
    editing.edit(item);
    return true;
  }
  if (key === 'n' && editing.canAddChild(item)) {
    editing.add(item);
    return true;
  }
  if (event.key === 'Delete' && item.abilities.delete) {
    editing.remove(item);
    return true;
  }
  return false;
}

/** The shortcuts, said once under the table. */
export function ShortcutsHint() {
  const { t } = useTranslation();
  const editing = usePlanEditing();
  return (
    <Text size="xs" c="dimmed" id="plan-shortcuts">
      {t(editing?.canEdit ? 'planEdit.shortcuts.editing' : 'planEdit.shortcuts.reading', {
        enter: 'Enter',
        e: 'E',
        n: 'N',
        alt: 'Alt',
        del: 'Delete',
      })}
    </Text>
  );
}
