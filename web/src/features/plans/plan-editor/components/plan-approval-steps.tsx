/**
 * A plan's approval steps — government adoption, NAC approval, start of implementation, others —
 * as a small timeline (for the plan page) or one compact line (for the plans list), in the order
 * they happened, each date shown as precisely as it is known.
 */
import { Group, Text, Timeline } from '@mantine/core';
import { IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { chronological } from '../../../../../../core/plans/approval-steps.js';
import type { ApprovalStep, Plan } from '../../../../../../core/schemas/plan.js';
import { LocalisedText } from '../../../../components/localised-text.js';
import { useLocalised } from '../../../../lib/use-localised.js';

function useStepName() {
  const { t } = useTranslation();
  const localiser = useLocalised();
  return (step: ApprovalStep) =>
    step.kind === 'other' && localiser.pick(step.label)
      ? localiser.text(step.label)
      : t(`planSetup.kinds.${step.kind}`);
}

export function PlanApprovalSteps({
  plan,
  compact = false,
}: {
  plan: Pick<Plan, 'approvalSteps'>;
  /** One line for lists: "Government adoption 14 Dec 2014 · NAC approval …". */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const name = useStepName();
  const steps = chronological(plan.approvalSteps);
  if (steps.length === 0) {
    return compact ? null : (
      <Text size="sm" c="dimmed">
        {t('planSetup.steps.noneYet')}
      </Text>
    );
  }
  const when = (step: ApprovalStep) =>
    step.date ? localiser.date(step.date) : t('planSetup.steps.toCome');

  if (compact) {
    return (
      <Text
        size="sm"
        component="ul"
        aria-label={t('planSetup.steps.legend')}
        style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap' }}
      >
        {steps.map((step, i) => (
          <Fragment key={step.position}>
            <li>
              <Text span size="sm" c="dimmed">
                {name(step)}
              </Text>{' '}
              <Text span size="sm">
                {when(step)}
              </Text>
              {i < steps.length - 1 ? (
                <Text span c="dimmed" mx={6} aria-hidden>
                  ·
                </Text>
              ) : null}
            </li>
          </Fragment>
        ))}
      </Text>
    );
  }

  const done = steps.filter((s) => s.date).length;
  return (
    <Timeline
      active={done - 1}
      bulletSize={20}
      lineWidth={2}
      aria-label={t('planSetup.steps.legend')}
    >
      {steps.map((step) => (
        <Timeline.Item
          key={step.position}
          bullet={
            step.date ? (
              <IconCircleCheck size={14} aria-hidden />
            ) : (
              <IconClockHour4 size={14} aria-hidden />
            )
          }
          title={
            <Group gap={8} wrap="wrap">
              <Text fw={600} size="sm">
                {name(step)}
              </Text>
              <Text size="sm" c={step.date ? undefined : 'dimmed'}>
                {when(step)}
              </Text>
            </Group>
          }
        >
          {step.reference ? (
            <Text size="xs" c="dimmed">
              {t('planSetup.steps.referenceShown', { reference: step.reference })}
            </Text>
          ) : null}
          {localiser.pick(step.note) ? (
            <LocalisedText value={step.note} size="xs" c="dimmed" component="p" />
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
