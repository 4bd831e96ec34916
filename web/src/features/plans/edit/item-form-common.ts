/** What the add and the change forms of a plan item share: their props and the label test. */
import type { PlanItem } from '../../../../../core/schemas/plan.js';
import { useMarkingLevels } from '../../../lib/marking-levels.js';
import type { PlanTree } from '../api/get-plan-tree.js';
import type { OrganisationOption, StatusRule } from './item-fields.js';

export interface ItemFormCommon {
  planId: string;
  levels: PlanTree['levels'];
  organisations: OrganisationOption[];
  /** How an existing item's status may be changed in this plan by this reader. */
  statusRule: StatusRule;
  onClose: () => void;
  /**
   * Called with the saved item (to open its parent in the tree, say); `formStaysOpen` when the
   * person goes on to the next item, so the focus stays in the form.
   */
  onSaved?: (item: PlanItem, options?: { formStaysOpen: boolean }) => void;
}

/** Is the label `POLICY:LEVEL` a public one in this deployment? */
export function useLabelIsPublic() {
  const levels = useMarkingLevels();
  return (key: string) => {
    const [policy, code] = key.split(':');
    const level = levels.data?.items.find((l) => l.policy === policy && l.code === code);
    return level?.public ?? code === 'PUBLIC';
  };
}
