/**
 * The plan dashboard: the visible tree with its roll-up (plan-items/tree.ts), aggregated by the
 * pure functions of core/plans/dashboard.ts. Read-only: no transaction, no audit entry.
 */
import {
  AT_RISK_HORIZON_DAYS,
  atRiskItems,
  chapterSummaries,
  type DashboardNode,
  flattenTree,
  institutionSummaries,
  leavesOf,
  overdueItems,
  periodTrend,
  planProgress,
  STALLED_STATUSES,
  statusBreakdown,
} from '../../../core/plans/dashboard.js';
import type { RollupRule } from '../../../core/plans/rollup.js';
import type { PlanItemStatus } from '../../../core/plans/status.js';
import {
  DASHBOARD_DEFINITIONS,
  DASHBOARD_LIST_LIMIT,
  type PlanDashboard,
} from '../../../core/schemas/plan-dashboard.js';
import type { Actor } from '../../audit/context.js';
import { hiddenOrganisations } from '../../access/references.js';
import { errors } from '../../errors.js';
import { planShape } from '../plan-items/tree.js';
import { visibleDashboardRows, visibleTitles } from '../plan-items/tree-query.js';
import { findPlan, levelsOf } from '../plans/repository.js';
import type { Deps } from '../shared/deps.js';
import { periodsOf, reportsOfPlan, visibleOrganisations } from './repository.js';

type Organisation = NonNullable<PlanDashboard['institutions'][number]['organisation']>;

/** Stands for every lead organisation the reader may not see (never an id: ids are UUIDs). */
const WITHHELD_LEAD = 'withheld';

type Node = DashboardNode & { children: Node[] };
/** Titles are read for the listed items only; the counts never need them. */
const NO_TITLE = { en: null, sr: null };

export function planDashboardService({ db }: Deps) {
  return {
    async dashboard(actor: Actor | null, planId: string, today: string): Promise<PlanDashboard> {
      const plan = await findPlan(db.kysely, actor, planId);
      if (!plan) throw errors.notFound('The plan');
      const levels = (await levelsOf(db.kysely, [plan.id])).get(plan.id) ?? [];
      const rules = levels.map((l) => l.rollupRule as RollupRule);
      // Leads the reader may not see are counted together as one withheld organisation, named by
      // neither name nor id (server/access/references.ts). A narrow read of the visible plan: the
      // columns the roll-up and the counts need; titles only for the items listed.
      const visibleRows = await visibleDashboardRows(db.kysely, actor, plan.id);
      const hidden = await hiddenOrganisations(
        db.kysely,
        actor,
        new Set(visibleRows.map((r) => r.lead_organisation_id)),
      );
      const rowById = new Map(visibleRows.map((r) => [r.id, r]));
      const shape = planShape(visibleRows, rules);
      const toNode = (k: number): Node => {
        const row = rowById.get(shape.ids[k]!)!;
        return {
          id: row.id,
          code: row.code,
          title: NO_TITLE,
          status: row.status as PlanItemStatus,
          dueOn: row.due_on,
          leadOrganisationId:
            row.lead_organisation_id !== null && hidden.has(row.lead_organisation_id)
              ? WITHHELD_LEAD
              : row.lead_organisation_id,
          weight: row.weight,
          rollup: { progress: shape.progress[k]!, rule: shape.rule[k]! },
          children: shape.children[k]!.map(toNode),
        };
      };
      const tree = shape.roots.map(toNode);
      const nodes = flattenTree(tree);

      const leadIds = [
        ...new Set(
          nodes
            .map((n) => n.leadOrganisationId)
            .filter((x): x is string => x !== null && x !== WITHHELD_LEAD),
        ),
      ];
      const organisations = new Map<string, Organisation>();
      for (const o of await visibleOrganisations(db.kysely, actor, leadIds))
        organisations.set(o.id, {
          id: o.id,
          name: { en: o.name_en, sr: o.name_sr },
          abbreviation:
            o.abbreviation_en || o.abbreviation_sr
              ? { en: o.abbreviation_en, sr: o.abbreviation_sr }
              : null,
        });
      const organisation = (id: string | null): Organisation | null =>
        id === null
          ? null
          : (organisations.get(id) ?? { id: null, name: null, abbreviation: null, withheld: true });

      // Reports of the plan, kept only on items in the visible tree (the same visibility filter,
      // applied once above instead of once more per report).
      const [periods, reports] = await Promise.all([
        periodsOf(db.kysely, plan.id),
        reportsOfPlan(db.kysely, plan.id),
      ]);
      const onVisible = reports.filter((r) => shape.index.has(r.plan_item_id));
      const approved = onVisible.filter((r) => r.status === 'approved');
      const returned = onVisible.filter((r) => r.status === 'returned');
      const openPeriodReturns = new Set(
        returned.filter((r) => r.period_status === 'open').map((r) => r.plan_item_id),
      );

      const deepest = levels.at(-1);
      const overdue = overdueItems(tree, today);
      const atRisk = atRiskItems(tree, today, openPeriodReturns);
      const titles = await visibleTitles(db.kysely, actor, plan.id, [
        ...tree.map((n) => n.id),
        ...overdue.slice(0, DASHBOARD_LIST_LIMIT).map((o) => o.node.id),
        ...atRisk.slice(0, DASHBOARD_LIST_LIMIT).map((r) => r.node.id),
      ]);

      const listed = (n: Node, lastDayDue: string | null) => ({
        id: n.id,
        code: n.code,
        title: titles.get(n.id) ?? NO_TITLE,
        status: n.status,
        dueOn: n.dueOn,
        lastDayDue,
        lead: organisation(n.leadOrganisationId),
      });
      return {
        planId: plan.id,
        today,
        counted: {
          unit: 'leaf_items',
          level: deepest ? { depth: deepest.depth, name: deepest.name } : null,
          note: DASHBOARD_DEFINITIONS.counted,
        },
        overall: {
          ...planProgress(
            tree.map((n) => ({ status: n.status, weight: n.weight, progress: n.rollup.progress })),
          ),
          breakdown: statusBreakdown(tree.flatMap((n) => leavesOf(n)).map((l) => l.status)),
        },
        chapters: chapterSummaries(tree).map((c) => ({
          id: c.node.id,
          code: c.node.code,
          title: titles.get(c.node.id) ?? NO_TITLE,
          progress: c.progress,
          rule: c.rule,
          breakdown: c.breakdown,
        })),
        institutions: institutionSummaries(tree).map((g) => ({
          organisation: organisation(g.organisationId),
          breakdown: g.breakdown,
        })),
        overdue: {
          definition: DASHBOARD_DEFINITIONS.overdue,
          total: overdue.length,
          items: overdue.slice(0, DASHBOARD_LIST_LIMIT).map((o) => ({
            ...listed(o.node, o.lastDay),
            daysOverdue: o.daysOverdue,
          })),
        },
        atRisk: {
          definition: DASHBOARD_DEFINITIONS.atRisk,
          horizonDays: AT_RISK_HORIZON_DAYS,
          stalledStatuses: [...STALLED_STATUSES],
          total: atRisk.length,
          items: atRisk.slice(0, DASHBOARD_LIST_LIMIT).map((r) => ({
            ...listed(r.node, r.lastDay),
            daysLeft: r.daysLeft,
            reasons: r.reasons,
          })),
        },
        periods: {
          definition: DASHBOARD_DEFINITIONS.periods,
          items: periodTrend(
            tree,
            rules,
            periods.map((p) => ({ id: p.id, startsOn: p.starts_on, endsOn: p.ends_on, row: p })),
            approved.map((r) => ({
              periodId: r.period_id,
              itemId: r.plan_item_id,
              itemStatus: r.item_status as PlanItemStatus,
              progress: r.progress,
            })),
          ).map((p) => ({
            id: p.period.id,
            title: p.period.row.title,
            kind: p.period.row.kind as PlanDashboard['periods']['items'][number]['kind'],
            startsOn: p.period.startsOn,
            endsOn: p.period.endsOn,
            status: p.period.row.status as 'open' | 'locked',
            reported: p.reported,
            approvedInPeriod: p.approvedInPeriod,
            progress: p.progress,
            breakdown: p.breakdown,
          })),
        },
      };
    },
  };
}
