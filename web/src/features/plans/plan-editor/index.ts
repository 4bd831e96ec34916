/** Plan set-up: the pieces pages place (the plans list, the plan page). */
export { NewPlanButton, PlanSettingsButton } from './components/plan-buttons.js';
export { PlanApprovalSteps } from './components/plan-approval-steps.js';
export { PlanFormModal, type PlanFormTarget } from './components/plan-form-modal.js';
