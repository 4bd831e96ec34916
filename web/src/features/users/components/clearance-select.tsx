import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clearanceLevels, useMarkingLevels, usePolicyName } from '../../../lib/marking-levels.js';
import { useLocalised } from '../../../lib/use-localised.js';

interface ClearanceSelectProps {
  policy: string;
  /** The level code held; '' for public information only. */
  value: string;
  onChange: (level: string) => void;
  error?: string;
}

/**
 * The highest level a user may read in one marking policy, chosen by the level's name from the
 * server's marking tables; levels this deployment may not hold are said to be so.
 */
export function ClearanceSelect({ policy, value, onChange, error }: ClearanceSelectProps) {
  const { t } = useTranslation();
  const localiser = useLocalised();
  const policyName = usePolicyName();
  const levels = useMarkingLevels();
  const data = [
    { value: '', label: t('clearance.publicOnly') },
    ...clearanceLevels(levels.data?.items ?? [], policy).map((level) => ({
      value: level.code,
      label: `${localiser.text(level.name)}${level.allowed ? '' : ` — ${t('clearance.notHeld')}`}`,
    })),
  ];
  return (
    <Select
      label={policyName(policy)}
      data={data}
      value={value}
      onChange={(next) => {
        if (next !== null) onChange(next);
      }}
      allowDeselect={false}
      error={error}
      disabled={levels.isPending}
    />
  );
}
