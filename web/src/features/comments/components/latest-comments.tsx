import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { useWhen } from '../utils/use-when.js';
import { useItemComments } from '../api/get-comments.js';

const LATEST = 3;

/** The count and the latest few comments of an item (newest first), with a link to the thread. */
export function LatestComments({ itemId, threadHref }: { itemId: string; threadHref: string }) {
  const { t } = useTranslation();
  const when = useWhen();
  const comments = useItemComments(itemId, { order: 'desc', pageSize: LATEST });
  const heading = (
    <Title order={3} size="h5">
      {comments.data
        ? t('comments.titleCount', { total: comments.data.total })
        : t('comments.title')}
    </Title>
  );
  if (comments.isPending)
    return (
      <Stack gap="xs">
        {heading}
        <LoadingState rows={1} rowHeight={48} />
      </Stack>
    );
  if (comments.isError)
    return (
      <Stack gap="xs">
        {heading}
        <ErrorState
          error={comments.error}
          title={t('comments.loadFailed')}
          onRetry={() => void comments.refetch()}
        />
      </Stack>
    );
  const { items, total } = comments.data;
  return (
    <Stack gap="xs">
      {heading}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('comments.none')}
        </Text>
      ) : (
        items.map((comment) => (
          <Stack key={comment.id} gap={2}>
            <Text size="xs" c="dimmed">
              <Text span fw={600} c="var(--mantine-color-text)" size="xs">
                {comment.author.displayName}
              </Text>{' '}
              · {when(comment.createdAt)}
            </Text>
            <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          </Stack>
        ))
      )}
      <Anchor component={Link} to={threadHref} size="sm">
        {total > items.length
          ? t('comments.seeAll', { count: total })
          : comments.data.canComment
            ? t('comments.writeOnPage')
            : t('comments.openThread')}
      </Anchor>
    </Stack>
  );
}
