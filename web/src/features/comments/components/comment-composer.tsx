import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message.js';
import { useLocalised } from '../../../lib/use-localised.js';
import {
  COMMENT_MAX_LENGTH,
  commentTextProblem,
  isSubmitShortcut,
  normaliseCommentText,
} from '../utils/comment-text.js';

interface CommentComposerProps {
  /** The text to start from (the comment being edited). */
  initial?: string;
  /** Posts the text; resolves when saved (the box empties), rejects to keep it. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel: string;
  label: string;
  pending: boolean;
  error: unknown;
  autoFocus?: boolean;
}

/**
 * A plain-text box with a character count: Ctrl+Enter (Cmd+Enter) posts, Escape cancels an edit.
 * Nothing is lost when saving fails: the text stays and the reason is shown under it.
 */
export function CommentComposer({
  initial = '',
  onSubmit,
  onCancel,
  submitLabel,
  label,
  pending,
  error,
  autoFocus,
}: CommentComposerProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const [value, setValue] = useState(initial);
  const [tried, setTried] = useState(false);
  const countId = useId();
  const problem = commentTextProblem(value);
  const length = normaliseCommentText(value).length;
  const unchanged = initial !== '' && normaliseCommentText(value) === normaliseCommentText(initial);

  const submit = () => {
    setTried(true);
    if (problem || pending || unchanged) return;
    onSubmit(normaliseCommentText(value)).then(
      () => {
        setValue('');
        setTried(false);
      },
      () => undefined,
    );
  };

  const shownProblem =
    problem === 'tooLong'
      ? t('comments.tooLong', { max: localiser.number(COMMENT_MAX_LENGTH) })
      : problem === 'empty' && tried
        ? t('comments.empty')
        : null;

  return (
    <Stack gap={6}>
      <Textarea
        label={label}
        description={t('comments.shortcut', { keys: 'Ctrl+Enter' })}
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (isSubmitShortcut(event)) {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            onCancel();
          }
        }}
        autosize
        minRows={3}
        maxRows={14}
        error={shownProblem}
        aria-describedby={countId}
        data-autofocus={autoFocus || undefined}
        autoFocus={autoFocus}
      />
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text
          id={countId}
          size="xs"
          c={length > COMMENT_MAX_LENGTH ? 'red.8' : 'dimmed'}
          aria-live="polite"
        >
          {t('comments.count', {
            used: localiser.number(length),
            max: localiser.number(COMMENT_MAX_LENGTH),
          })}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {onCancel ? (
            <Button variant="default" size="xs" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button
            size="xs"
            onClick={submit}
            loading={pending}
            disabled={problem === 'tooLong' || unchanged}
          >
            {submitLabel}
          </Button>
        </Group>
      </Group>
      {error ? (
        <Alert role="alert" color="red" variant="light" py={8}>
          {errorMessage(error, t)}
        </Alert>
      ) : null}
    </Stack>
  );
}
