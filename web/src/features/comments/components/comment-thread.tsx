import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessageCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../../../core/schemas/comment.js';
import { EmptyState } from '../../../components/empty-state.js';
import { ErrorState } from '../../../components/error-state.js';
import { ListPager } from '../../../components/list-pager.js';
import { LoadingState } from '../../../components/loading-state.js';
import type { SecurityLabel } from '../../../components/label-badge.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useCommentMutations } from '../api/comment-mutations.js';
import { useItemComments } from '../api/get-comments.js';
import { CommentComposer } from './comment-composer.js';
import { CommentItem } from './comment-item.js';

const PAGE_SIZE = 20;

/**
 * The whole conversation on a plan item, oldest first: post (Ctrl+Enter), edit your own, delete
 * with an Undo in the notification, and — for those who may — see and restore deleted comments.
 */
export function CommentThread({
  itemId,
  recordLabel,
}: {
  itemId: string;
  recordLabel: SecurityLabel;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [showDeleted, setShowDeleted] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const comments = useItemComments(itemId, {
    page,
    pageSize: PAGE_SIZE,
    includeDeleted: showDeleted,
  });
  const { post, edit, remove, restore } = useCommentMutations(itemId);

  const doRestore = (id: string) =>
    restore.mutate(id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('comments.restored') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });

  const doDelete = (comment: Comment) =>
    remove.mutate(comment, {
      onSuccess: () => {
        heading.current?.focus();
        const id = `comment-deleted-${comment.id}`;
        notifications.show({
          id,
          color: 'gray',
          autoClose: 10_000,
          message: (
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Text size="sm">{t('comments.deleted')}</Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  notifications.hide(id);
                  doRestore(comment.id);
                }}
              >
                {t('comments.undo')}
              </Button>
            </Group>
          ),
        });
      },
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
    });

  const total = comments.data?.total ?? 0;
  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-heading">
      <Group justify="space-between" gap="sm">
        <Title order={2} size="h4" id="comments-heading" ref={heading} tabIndex={-1}>
          {comments.data ? t('comments.titleCount', { total }) : t('comments.title')}
        </Title>
        {comments.data?.canComment ? (
          <Switch
            size="xs"
            label={t('comments.showDeleted')}
            checked={showDeleted}
            onChange={(event) => {
              setShowDeleted(event.currentTarget.checked);
              setPage(1);
            }}
          />
        ) : null}
      </Group>
      {comments.isPending ? (
        <LoadingState rows={2} rowHeight={56} />
      ) : comments.isError ? (
        <ErrorState
          error={comments.error}
          title={t('comments.loadFailed')}
          onRetry={() => void comments.refetch()}
        />
      ) : (
        <>
          {comments.data.items.length === 0 ? (
            <EmptyState
              icon={<IconMessageCircle size={28} aria-hidden />}
              title={t('comments.none')}
              description={
                comments.data.canComment ? t('comments.noneInvite') : t('comments.noneReadOnly')
              }
            />
          ) : (
            <Stack gap="xs" data-testid="comment-list">
              {comments.data.items.map((comment) => (
                <CommentItem
                  key={comment.id}
                  comment={comment}
                  recordLabel={recordLabel}
                  editing={editingId === comment.id}
                  onEdit={() => {
                    edit.reset();
                    setEditingId(comment.id);
                  }}
                  onCancelEdit={() => setEditingId(null)}
                  onSave={(body) =>
                    edit.mutateAsync({ comment, body }).then(() => {
                      setEditingId(null);
                      notifications.show({ color: 'teal', message: t('comments.saved') });
                    })
                  }
                  saving={edit.isPending}
                  saveError={edit.error}
                  onDelete={() => doDelete(comment)}
                  onRestore={() => doRestore(comment.id)}
                  busy={
                    (remove.isPending && remove.variables?.id === comment.id) ||
                    (restore.isPending && restore.variables === comment.id)
                  }
                />
              ))}
            </Stack>
          )}
          {total > PAGE_SIZE ? (
            <ListPager page={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} />
          ) : null}
          {comments.data.canComment ? (
            <CommentComposer
              label={t('comments.add')}
              submitLabel={t('comments.post')}
              pending={post.isPending}
              error={post.error}
              onSubmit={(body) =>
                post.mutateAsync(body).then(() => {
                  // The new comment is the last one: show the page it is on.
                  setPage(Math.max(1, Math.ceil((total + 1) / PAGE_SIZE)));
                })
              }
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('comments.readOnly')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
