import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../../../core/schemas/comment.js';
import { LabelBadge, type SecurityLabel } from '../../../components/label-badge.js';
import { sameLabel } from '../utils/comment-text.js';
import { useWhen } from '../utils/use-when.js';
import { CommentComposer } from './comment-composer.js';

interface CommentItemProps {
  comment: Comment;
  /** The commented record's label: the comment shows its own only when it differs. */
  recordLabel: SecurityLabel;
  editing: boolean;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSave: (body: string) => Promise<unknown>;
  saving: boolean;
  saveError: unknown;
  onDelete: () => void;
  onRestore: () => void;
  busy: boolean;
}

/** One comment: who, when, whether edited, its text exactly as typed (never HTML). */
export function CommentItem({
  comment,
  recordLabel,
  editing,
  onEdit,
  onCancelEdit,
  onSave,
  saving,
  saveError,
  onDelete,
  onRestore,
  busy,
}: CommentItemProps) {
  const { t } = useTranslation();
  const when = useWhen();
  const deleted = comment.deletedAt !== null;
  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      radius="sm"
      bg={deleted ? 'gray.0' : undefined}
      aria-label={t('comments.by', { name: comment.author.displayName })}
      data-testid="comment"
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {comment.author.displayName}
            </Text>
            <Text size="xs" c="dimmed" component="time" dateTime={comment.createdAt}>
              {when(comment.createdAt)}
            </Text>
            {comment.editedAt ? (
              <Tooltip label={t('comments.editedAt', { when: when(comment.editedAt) })}>
                <Text size="xs" c="dimmed" fs="italic" tabIndex={0}>
                  {t('comments.edited')}
                </Text>
              </Tooltip>
            ) : null}
            {sameLabel(comment.label, recordLabel) ? null : (
              <LabelBadge label={comment.label} size="xs" />
            )}
            {deleted ? (
              <Badge size="xs" color="gray" variant="outline" tt="none">
                {t('comments.deletedBadge')}
              </Badge>
            ) : null}
          </Group>
          {!editing ? (
            <Group gap={4} wrap="nowrap">
              {deleted && comment.abilities.delete ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconRestore size={14} aria-hidden />}
                  onClick={onRestore}
                  loading={busy}
                >
                  {t('comments.restore')}
                </Button>
              ) : null}
              {!deleted && comment.abilities.update ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={onEdit}
                  aria-label={t('comments.editOf', { name: comment.author.displayName })}
                >
                  {t('comments.edit')}
                </Button>
              ) : null}
              {!deleted && comment.abilities.delete ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={onDelete}
                  loading={busy}
                  aria-label={t('comments.deleteOf', { name: comment.author.displayName })}
                >
                  {t('comments.delete')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {editing ? (
          <CommentComposer
            initial={comment.body}
            label={t('comments.editLabel')}
            submitLabel={t('comments.save')}
            onSubmit={onSave}
            onCancel={onCancelEdit}
            pending={saving}
            error={saveError}
            autoFocus
          />
        ) : (
          <Text
            size="sm"
            c={deleted ? 'dimmed' : undefined}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {comment.body}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
