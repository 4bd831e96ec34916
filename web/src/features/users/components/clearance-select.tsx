import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  levelAtRank,
  MAX_CLEARANCE_RANK,
  useMarkingLevels,
  type ClearancePolicy,
} from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';

interface ClearanceSelectProps {
  policy: ClearancePolicy;
  value: number;
  onChange: (rank: number) => void;
  error?: string;
}

/**
 * The highest level a user may read in one marking policy, chosen by the level's name from the
 * server's marking tables; levels this deployment may not hold are said to be so.
 */
export function ClearanceSelect({ policy, value, onChange, error }: ClearanceSelectProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const levels = useMarkingLevels();
  const data = Array.from({ length: MAX_CLEARANCE_RANK + 1 }, (_, rank) => {
    const level = levels.data ? levelAtRank(levels.data.items, policy, rank) : undefined;
    const name =
      rank === 0
        ? t('clearance.publicOnly')
        : level
          ? localiser.text(level.name)
          : t('clearance.rank', { rank });
    const notHeld = level && !level.allowed ? ` — ${t('clearance.notHeld')}` : '';
    return { value: String(rank), label: `${name}${notHeld}` };
  });
  return (
    <Select
      label={t(`clearance.policy.${policy}`)}
      data={data}
      value={String(value)}
      onChange={(next) => {
        if (next !== null) onChange(Number(next));
      }}
      allowDeselect={false}
      error={error}
      disabled={levels.isPending}
    />
  );
}
