/**
 * "Move to…": a new parent among the items of the level above (top-level items only change their
 * place), and the place among its new siblings. Codes are renumbered by the server.
 */
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { useLocalised } from '../../../lib/use-localised.js';
import type { ItemMove } from '../api/update-plan-item.js';
import { itemsAtDepth } from '../utils/tree.js';

interface MoveDialogProps {
  item: PlanTreeNode | null;
  items: PlanTreeNode[];
  index: ReadonlyMap<string, PlanTreeNode>;
  levelName: (depth: number) => string;
  saving: boolean;
  onClose: () => void;
  onMove: (item: PlanTreeNode, change: Omit<ItemMove, 'id' | 'version'>) => void;
}

export function MoveDialog(props: MoveDialogProps) {
  const { t } = useTranslation();
  const { item, onClose } = props;
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={<Text fw={650}>{t('planEdit.move.title', { code: item?.code ?? '' })}</Text>}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item ? <MoveForm {...props} item={item} key={item.id} /> : null}
    </Modal>
  );
}

function MoveForm({
  item,
  items,
  index,
  levelName,
  saving,
  onClose,
  onMove,
}: MoveDialogProps & { item: PlanTreeNode }) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const [parentId, setParentId] = useState<string | null>(item.parentId);
  const parents = item.depth > 0 ? itemsAtDepth(items, item.depth - 1) : [];
  const parent = parentId ? index.get(parentId) : undefined;
  const siblings = (parent ? parent.children : items).filter((s) => s.id !== item.id);
  const samePlace = parentId === item.parentId;
  const [position, setPosition] = useState<string>(
    samePlace ? String(item.position) : String(siblings.length + 1),
  );
  const describe = (node: PlanTreeNode) => `${node.code} ${localiser.text(node.title)}`;
  const positions = [
    ...siblings.map((s, i) => ({
      value: String(i + 1),
      label: t('planEdit.move.before', { item: describe(s) }),
    })),
    { value: String(siblings.length + 1), label: t('planEdit.move.last') },
  ];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const change = samePlace
          ? { position: Number(position) }
          : { parentId, position: Number(position) };
        onMove(item, change);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{describe(item)}</Text>
        {item.depth > 0 ? (
          <Select
            label={t('planEdit.move.parent', { level: levelName(item.depth - 1) })}
            data={parents.map((p) => ({ value: p.id, label: describe(p) }))}
            value={parentId}
            onChange={(value) => {
              if (!value) return;
              setParentId(value);
              const next = index.get(value);
              const count = (next ? next.children : []).filter((s) => s.id !== item.id).length;
              setPosition(String(value === item.parentId ? item.position : count + 1));
            }}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('planEdit.move.topLevel', { level: levelName(0).toLocaleLowerCase() })}
          </Text>
        )}
        <Select
          label={t('planEdit.move.position')}
          data={positions}
          value={position}
          onChange={(value) => value && setPosition(value)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="xs" c="dimmed">
          {t('planEdit.move.codesFollow')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('planEdit.move.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
