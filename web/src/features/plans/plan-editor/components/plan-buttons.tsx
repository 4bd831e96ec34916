/**
 * Entry points to plan set-up: "New plan" on the plans list (for readers who may create plans)
 * and "Edit plan" for the plan page, each with its own form modal.
 */
import { Button } from '@mantine/core';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Plan } from '../../../../../../core/schemas/plan.js';
import { paths } from '../../../../config/paths.js';
import { PlanFormModal, type PlanFormTarget } from './plan-form-modal.js';

/** "New plan": opens the form; after saving, goes to the new plan. */
export function NewPlanButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [target, setTarget] = useState<PlanFormTarget | null>(null);
  return (
    <>
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setTarget({ kind: 'create' })}
      >
        {t('planSetup.new')}
      </Button>
      <PlanFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(plan) => void navigate(paths.plan(plan.id))}
      />
    </>
  );
}

/**
 * "Edit plan" for the plan page: shown only to readers who may change the plan. A deleted plan
 * leaves its page for the list (the notification offers Undo).
 */
export function PlanSettingsButton({ plan }: { plan: Pick<Plan, 'id' | 'abilities'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [target, setTarget] = useState<PlanFormTarget | null>(null);
  if (!plan.abilities.update) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSettings size={16} aria-hidden />}
        onClick={() => setTarget({ kind: 'edit', planId: plan.id })}
      >
        {t('planSetup.edit')}
      </Button>
      <PlanFormModal
        target={target}
        onClose={() => setTarget(null)}
        onDeleted={() => void navigate(paths.plans)}
      />
    </>
  );
}
