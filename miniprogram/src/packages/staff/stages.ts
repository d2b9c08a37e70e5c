import { isStaffRole, type Role, type StaffRole } from '@shared/auth/identity'

/** The queues a staff role works on, in the order it works them. */
export type ReviewStage = 'community_review' | 'objection_hold' | 'street_review' | 'county_decision'

export const STAGE_TABS: Record<StaffRole, ReviewStage[]> = {
  coordinator: ['community_review'],
  street: ['street_review', 'objection_hold'],
  county: ['county_decision'],
}

export const STAGE_TAB_LABELS: Record<ReviewStage, string> = {
  community_review: '社区初审',
  objection_hold: '公示异议',
  street_review: '街道/镇复核',
  county_decision: '县级审批',
}

export const stagesFor = (role: Role): ReviewStage[] => (isStaffRole(role) ? STAGE_TABS[role] : [])

export const isReviewStage = (value: string | undefined): value is ReviewStage =>
  value !== undefined && Object.hasOwn(STAGE_TAB_LABELS, value)

/** What approving and rejecting mean at a stage, as the buttons say it. */
export const DECISION_LABELS: Record<ReviewStage, { approve: string; reject: string }> = {
  community_review: { approve: '通过', reject: '不通过' },
  objection_hold: { approve: '异议不成立，继续办理', reject: '异议成立，不予通过' },
  street_review: { approve: '通过', reject: '不通过' },
  county_decision: { approve: '批准', reject: '不予批准' },
}
