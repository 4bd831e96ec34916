/** The plan's reporting rules: statuses only through approved reports; units reported with. */
import { Fieldset, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDraft } from '../utils/plan-draft.js';

export function WorkflowFieldset({
  draft,
  onChange,
}: {
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('planSetup.workflow.title')} variant="filled">
      <Stack gap="sm">
        <Switch
          label={t('planSetup.workflow.statusViaReports')}
          description={t('planSetup.workflow.statusViaReportsHint')}
          checked={draft.statusViaReports}
          onChange={(event) => onChange({ statusViaReports: event.currentTarget.checked })}
        />
        <Switch
          label={t('planSetup.workflow.reportingIncludesUnits')}
          description={t('planSetup.workflow.reportingIncludesUnitsHint')}
          checked={draft.reportingIncludesUnits}
          onChange={(event) => onChange({ reportingIncludesUnits: event.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
