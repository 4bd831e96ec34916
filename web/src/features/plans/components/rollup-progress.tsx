import { Badge, Group, List, Popover, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanTreeNode } from '../../../../../core/schemas/plan.js';
import { useLocalised } from '../../../lib/use-localised.js';

type Rollup = PlanTreeNode['rollup'];

/** How the number was made, in words: "Average of 3 items; 1 cancelled, not counted". */
export function useRollupExplanation() {
  const { t } = useTranslation();
  return (rollup: Rollup): string[] => {
    const lines: string[] = [];
    const counted = rollup.inputs.filter((i) => i.counted).length;
    if (rollup.overridden) lines.push(t('plans.rollup.overridden'));
    else if (rollup.rule === 'average') lines.push(t('plans.rollup.average', { count: counted }));
    else if (rollup.rule === 'weighted') lines.push(t('plans.rollup.weighted', { count: counted }));
    else if (rollup.rule === 'manual') lines.push(t('plans.rollup.manual'));
    else lines.push(t('plans.rollup.fromStatus'));
    const cancelled = rollup.inputs.filter((i) => i.excludedBecause === 'cancelled').length;
    const noProgress = rollup.inputs.filter((i) => i.excludedBecause === 'no_progress').length;
    if (cancelled > 0) lines.push(t('plans.rollup.cancelled', { count: cancelled }));
    if (noProgress > 0) lines.push(t('plans.rollup.noProgress', { count: noProgress }));
    if (rollup.note === 'no_manual_value') lines.push(t('plans.rollup.note.noManualValue'));
    if (rollup.note === 'no_children') lines.push(t('plans.rollup.note.noChildren'));
    if (rollup.note === 'nothing_to_count') lines.push(t('plans.rollup.note.nothingToCount'));
    if (rollup.note === 'all_weights_zero') lines.push(t('plans.rollup.note.allWeightsZero'));
    return lines;
  };
}

/** The item's progress bar and percentage; the percentage opens the explanation. */
export function RollupProgress({
  rollup,
  codeOf,
}: {
  rollup: Rollup;
  /** The code of an input item, to list what was counted. */
  codeOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const explain = useRollupExplanation();
  const lines = explain(rollup);
  const value = rollup.progress;
  const shown = value === null ? t('plans.rollup.none') : `${localiser.number(value)} %`;
  return (
    <Group gap="xs" wrap="nowrap" onClick={(event) => event.stopPropagation()}>
      <Progress
        value={value ?? 0}
        w={80}
        size="md"
        color={rollup.overridden ? 'grape' : 'teal'}
        aria-hidden
      />
      <Popover width={300} position="bottom-end" withArrow shadow="md">
        <Popover.Target>
          <UnstyledButton
            aria-label={t('plans.rollup.explain', { value: shown })}
            data-testid="rollup-value"
            style={{ textDecoration: 'underline dotted', fontSize: 'var(--mantine-font-size-sm)' }}
          >
            {shown}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={6}>
            {lines.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
            {rollup.inputs.length > 0 ? (
              <List size="xs" spacing={2}>
                {rollup.inputs.map((input) => (
                  <List.Item key={input.id}>
                    {codeOf(input.id)}:{' '}
                    {input.progress === null
                      ? t('plans.rollup.none')
                      : `${localiser.number(input.progress)} %`}
                    {input.counted ? '' : ` (${t('plans.rollup.notCounted')})`}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {rollup.overridden ? (
        <Badge size="xs" color="grape" variant="light" tt="none">
          {t('plans.rollup.overriddenMarker')}
        </Badge>
      ) : null}
    </Group>
  );
}
