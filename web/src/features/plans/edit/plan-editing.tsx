/**
 * Editing a plan from its tree: add (at the top or under an item, where the plan's levels allow),
 * edit, move up and down, move under another item, and delete with undo. The provider owns the
 * dialogs; rows reach the actions through `usePlanEditing` (the row menu and keyboard shortcuts).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem, PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import { isApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import { useDeletePlanItem, useRestorePlanItem } from '../api/delete-plan-item.js';
import type { PlanTree } from '../api/get-plan-tree.js';
import { useMovePlanItem, type ItemMove } from '../api/update-plan-item.js';
import { descendantCount, indexTree, siblingsOf } from '../utils/tree.js';
import {
  ItemFormModal,
  type ItemFormTarget,
  type OrganisationOption,
  type StatusRule,
} from './item-form.js';
import { MoveDialog } from './move-dialog.js';

export interface PlanEditing {
  /** May the reader add items at all (coordinators and administrators)? */
  canCreate: boolean;
  /** May the reader change anything in the plan (to say the editing shortcuts)? */
  canEdit: boolean;
  /** May an item get a child (the plan has a level below it)? */
  canAddChild: (item: PlanTreeNode) => boolean;
  /** Name of the level at a depth, in the reader's language ("objective"). */
  levelName: (depth: number) => string;
  add: (parent: PlanTreeNode | null) => void;
  edit: (item: PlanTreeNode) => void;
  /** Up (-1) or down (+1) among its siblings; false when it is already first or last. */
  canShift: (item: PlanTreeNode, by: -1 | 1) => boolean;
  shift: (item: PlanTreeNode, by: -1 | 1) => void;
  moveTo: (item: PlanTreeNode) => void;
  remove: (item: PlanTreeNode) => void;
  busy: boolean;
  /**
   * How an item's status changes here: freely; only through approved reports; or, for the plan's
   * coordinators, by an override with a reason.
   */
  statusRule: StatusRule;
}

const Context = createContext<PlanEditing | null>(null);

export function usePlanEditing(): PlanEditing | null {
  return useContext(Context);
}

interface PlanEditingProviderProps {
  planId: string;
  items: PlanTreeNode[];
  levels: PlanTree['levels'];
  organisations: OrganisationOption[];
  canCreate: boolean;
  /** The plan takes item statuses from approved reports (plans.statusViaReports). */
  statusViaReports?: boolean;
  /** The reader may override a status with a reason (the plan's coordinators, administrators). */
  mayOverrideStatus?: boolean;
  /** Opens an item in the tree (its parents expanded) after it was added or moved. */
  onReveal: (item: PlanItem) => void;
  children: ReactNode;
}

export function PlanEditingProvider({
  planId,
  items,
  levels,
  organisations,
  canCreate,
  statusViaReports = false,
  mayOverrideStatus = false,
  onReveal,
  children,
}: PlanEditingProviderProps) {
  const statusRule: StatusRule = !statusViaReports
    ? 'free'
    : mayOverrideStatus
      ? 'override'
      : 'reports';
  const { t } = useTranslation();
  const localiser = useLocalised();
  const index = useMemo(() => indexTree(items), [items]);
  const [form, setForm] = useState<ItemFormTarget | null>(null);
  const [moving, setMoving] = useState<PlanTreeNode | null>(null);
  const [deleting, setDeleting] = useState<PlanTreeNode | null>(null);
  // The row to give the keyboard focus once the tree shows it (after an add, move or undo).
  const focusId = useRef<string | null>(null);
  const setFocusId = (id: string) => {
    focusId.current = id;
  };
  const move = useMovePlanItem(planId);
  const del = useDeletePlanItem(planId);
  const restore = useRestorePlanItem(planId);
  const resetDelete = del.reset;

  // Checked after every render: the row appears once the tree has been read again.
  useEffect(() => {
    const id = focusId.current;
    if (!id) return;
    const row = document.querySelector<HTMLElement>(`tr[data-item-id="${CSS.escape(id)}"]`);
    if (
      row &&
      items.some(function has(n): boolean {
        return n.id === id || n.children.some(has);
      })
    ) {
      row.focus();
      focusId.current = null;
    }
  });

  const levelName = useCallback(
    (depth: number) => {
      const level = levels.find((l) => l.depth === depth);
      return level ? localiser.text(level.name) : t('planEdit.item');
    },
    [levels, localiser, t],
  );

  const runMove = useCallback(
    (item: PlanTreeNode, change: Omit<ItemMove, 'id' | 'version'>, after?: () => void) => {
      move.mutate(
        { id: item.id, version: item.version, ...change },
        {
          onSuccess: (saved) => {
            notifications.show({
              color: 'teal',
              message: t('planEdit.moved', { from: item.code, to: saved.code }),
            });
            setFocusId(saved.id);
            onReveal(saved);
            after?.();
          },
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: isApiError(error) && error.status === 412 ? t('plans.conflict') : undefined,
              message:
                isApiError(error) && error.status === 412
                  ? t('plans.conflictReloaded')
                  : isApiError(error) && error.status === 422
                    ? error.message
                    : errorMessage(error, t),
            }),
        },
      );
    },
    [move, onReveal, t],
  );

  const value = useMemo<PlanEditing>(() => {
    const shiftTarget = (item: PlanTreeNode, by: -1 | 1) => {
      const siblings = siblingsOf(items, index, item);
      const at = siblings.findIndex((s) => s.id === item.id);
      return siblings[at + by];
    };
    return {
      canCreate,
      canEdit: canCreate || [...index.values()].some((i) => i.abilities.update),
      canAddChild: (item) => canCreate && levels.some((l) => l.depth === item.depth + 1),
      levelName,
      add: (parent) => setForm({ kind: 'create', parent }),
      edit: (item) => setForm({ kind: 'edit', itemId: item.id }),
      canShift: (item, by) => item.abilities.update && shiftTarget(item, by) !== undefined,
      shift: (item, by) => {
        const target = shiftTarget(item, by);
        if (!item.abilities.update || !target || move.isPending) return;
        runMove(item, { position: target.position });
      },
      moveTo: (item) => setMoving(item),
      remove: (item) => {
        resetDelete();
        setDeleting(item);
      },
      busy: move.isPending,
      statusRule,
    };
  }, [
    canCreate,
    levels,
    levelName,
    items,
    index,
    move.isPending,
    runMove,
    resetDelete,
    statusRule,
  ]);

  const undo = (item: PlanTreeNode, notificationId: string) => {
    notifications.hide(notificationId);
    restore.mutate(item.id, {
      onSuccess: (restored) => {
        notifications.show({
          color: 'teal',
          message: t('planEdit.restored', { code: restored.code }),
        });
        setFocusId(restored.id);
        onReveal(restored);
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });
  };

  const confirmDelete = () => {
    const item = deleting;
    if (!item) return;
    del.mutate(
      { id: item.id, version: item.version },
      {
        onSuccess: () => {
          setDeleting(null);
          const id = `deleted-${item.id}`;
          notifications.show({
            id,
            color: 'gray',
            autoClose: 12_000,
            message: (
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">
                  {t('planEdit.deleted', { code: item.code, title: localiser.text(item.title) })}
                </Text>
                <Button size="compact-sm" variant="light" onClick={() => undo(item, id)}>
                  {t('planEdit.undo')}
                </Button>
              </Group>
            ),
          });
        },
      },
    );
  };

  const below = deleting ? descendantCount(deleting) : 0;
  const deleteError =
    del.error && isApiError(del.error) && del.error.status === 409
      ? t('planEdit.delete.hasChildrenServer')
      : del.error && isApiError(del.error) && del.error.status === 412
        ? t('plans.conflictReloaded')
        : del.error;

  return (
    <Context.Provider value={value}>
      {children}
      <ItemFormModal
        planId={planId}
        target={form}
        levels={levels}
        organisations={organisations}
        statusRule={statusRule}
        onClose={() => setForm(null)}
        onSaved={(item, options) => {
          // The row takes the focus once the form closes; not while the next item is typed.
          if (!options?.formStaysOpen) setFocusId(item.id);
          onReveal(item);
        }}
      />
      <MoveDialog
        item={moving}
        items={items}
        index={index}
        levelName={levelName}
        saving={move.isPending}
        onClose={() => setMoving(null)}
        onMove={(item, change) => runMove(item, change, () => setMoving(null))}
      />
      {deleting && below > 0 ? (
        <Modal
          opened
          onClose={() => setDeleting(null)}
          title={<Text fw={650}>{t('planEdit.delete.title', { code: deleting.code })}</Text>}
          centered
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack gap="md">
            <Text size="sm">
              {t('planEdit.delete.hasChildren', {
                count: below,
                title: localiser.text(deleting.title),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : (
        <ConfirmDialog
          opened={deleting !== null}
          onClose={() => setDeleting(null)}
          onConfirm={confirmDelete}
          title={t('planEdit.delete.title', { code: deleting?.code ?? '' })}
          confirmLabel={t('planEdit.delete.confirm')}
          danger
          loading={del.isPending}
          error={deleteError}
        >
          <Text size="sm">
            {deleting
              ? t('planEdit.delete.body', {
                  code: deleting.code,
                  title: localiser.text(deleting.title),
                })
              : null}
          </Text>
        </ConfirmDialog>
      )}
    </Context.Provider>
  );
}
