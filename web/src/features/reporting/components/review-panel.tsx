/**
 * The coordinator's review of a submitted report: a comment for the institution (required to
 * return, optional to approve — kept with the report either way) and "Approve" / "Return with
 * comment". Approving in a period that has not begun asks first.
 */
import { Button, Divider, Group, Text, Textarea } from '@mantine/core';
import { IconCheck, IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../../core/schemas/reporting.js';
import { ConfirmDialog } from '../../../components/confirm-dialog.js';
import type { useReportMutations } from '../api/reporting.js';
import { isNotBegun } from '../utils/early.js';

export function ReviewPanel({
  report,
  act,
  notBegun,
  periodTitle,
}: {
  report: Report;
  act: ReturnType<typeof useReportMutations>['act'];
  notBegun: boolean;
  periodTitle: string;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const approve = (early: boolean) => {
    if (notBegun && !early) {
      setConfirming(true);
      return;
    }
    act.mutate(
      { reportId: report.id, version: report.version, action: 'approve', comment, early },
      {
        onSuccess: () => setConfirming(false),
        // The server knows the date too: a period that had not begun for it asks here as well.
        onError: (failure) => {
          if (isNotBegun(failure)) setConfirming(true);
        },
      },
    );
  };

  return (
    <>
      <Divider label={t('reporting.review.title')} labelPosition="left" />
      <Textarea
        label={t('reporting.review.comment')}
        description={t('reporting.review.commentHint')}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
        error={error}
      />
      <Group justify="flex-end" gap="sm">
        <Button
          variant="default"
          color="orange"
          leftSection={<IconMessageReply size={16} aria-hidden />}
          loading={act.isPending && act.variables?.action === 'return'}
          onClick={() => {
            if (!comment.trim()) {
              setError(t('reporting.review.commentRequired'));
              return;
            }
            setError(undefined);
            act.mutate({
              reportId: report.id,
              version: report.version,
              action: 'return',
              comment: comment.trim(),
            });
          }}
        >
          {t('reporting.review.return')}
        </Button>
        <Button
          color="teal"
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={act.isPending && act.variables?.action === 'approve'}
          onClick={() => approve(false)}
        >
          {t('reporting.review.approve')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => approve(true)}
        title={t('reporting.early.confirmApproveTitle', { period: periodTitle })}
        confirmLabel={t('reporting.early.confirmApprove')}
        loading={act.isPending}
      >
        <Text size="sm">{t('reporting.early.confirmBody')}</Text>
      </ConfirmDialog>
    </>
  );
}
