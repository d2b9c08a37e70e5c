import {
  EMPLOYMENT_KINDS,
  EXIT_REASONS,
  KEY_GROUP_ACTIONS,
  KEY_GROUPS,
  type PersonView,
} from '../../../shared/people/person'
import type { PiiCipher } from '../../platform/pii-crypto'
import type { PersonRecord } from '../../store/collections'
import { regionLabel } from '../regions/region-directory'

/**
 * Whitelist mapper from the record to what a caller may see. The ID number is masked unless
 * the caller is entitled to it and asked for it explicitly (`reveal`); the phone likewise, only
 * for staff who asked for it to call the person (`revealPhone`).
 * `today` (YYYY-MM) decides which benefits are still running.
 */
export const toPersonView = (
  r: PersonRecord,
  cipher: PiiCipher,
  opts: { reveal?: boolean; revealPhone?: boolean; month?: string } = {},
): PersonView => {
  const month = opts.month ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
  const enjoyments = (r.enjoyments ?? []).map((e) => ({
    id: e.id,
    policyId: e.policyId,
    applicationType: e.applicationType,
    label: e.label,
    from: e.from,
    to: e.to,
    source: e.source.startsWith('application:') ? ('application' as const) : ('staff' as const),
    active: e.from <= month && (e.to === null || e.to >= month),
  }))
  return {
    id: r.id,
    name: r.name,
    idNumber: opts.reveal ? cipher.decrypt(r.idNumberSealed) : r.idNumberMasked,
    idNumberMasked: !opts.reveal,
    phone: opts.revealPhone ? cipher.decrypt(r.phoneSealed) : r.phoneMasked,
    gender: r.gender,
    birthDate: r.birthDate,
    community: r.community,
    communityName: regionLabel(r.community),
    employmentStatus: r.employmentStatus,
    employmentSince: r.employmentSince,
    reportedEmployment: r.reportedEmployment ?? null,
    skills: r.skills,
    jobWishes: r.jobWishes,
    trainingWish: r.trainingWish ?? { wants: null, courses: [] },
    hukou: r.hukou ?? null,
    family: r.family,
    policiesEnjoyed: [...r.policiesEnjoyed, ...enjoyments.map((e) => e.label)],
    enjoyments,
    keyGroups: r.keyGroups.map((g) => ({
      group: g.group,
      label: KEY_GROUPS[g.group],
      since: g.since,
      reason: g.reason ?? null,
    })),
    pendingGroups: (r.keyGroupClaims ?? []).map((c) => ({
      group: c.group,
      label: KEY_GROUPS[c.group],
      since: c.since,
      note: c.note,
      at: c.at,
    })),
    keyGroupHistory: (r.keyGroupHistory ?? []).map((h) => ({
      at: h.at,
      group: h.group,
      label: KEY_GROUPS[h.group],
      action: h.action,
      actionLabel: KEY_GROUP_ACTIONS[h.action],
      date: h.date,
      reason: h.reason,
      by: h.by,
      evidence: h.evidence,
    })),
    publicWelfarePost: r.publicWelfarePost
      ? {
          post: r.publicWelfarePost.post,
          employer: r.publicWelfarePost.employer,
          since: r.publicWelfarePost.since,
          ...(r.publicWelfarePost.until ? { until: r.publicWelfarePost.until } : {}),
        }
      : null,
    returnee: r.returnee
      ? {
          ...r.returnee,
          confirmed: r.keyGroups.some((g) => g.group === 'returning_migrant'),
        }
      : null,
    jobPush: r.jobPush ?? null,
    registration: r.registration,
    householdId: r.householdId,
    exit: r.exit ? { ...r.exit, reasonLabel: EXIT_REASONS[r.exit.reason] } : null,
    employmentRegistration: r.employmentRegistration
      ? { ...r.employmentRegistration, kindLabel: EMPLOYMENT_KINDS[r.employmentRegistration.kind] }
      : null,
    updatedAt: r.updatedAt,
  }
}
