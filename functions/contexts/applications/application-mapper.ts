import {
  APPLICATION_TYPES,
  type ApplicationView,
  CLOSED_STATUSES,
  CONSENT_METHODS,
  STATUSES,
} from '../../../shared/applications/application-types'
import { type Identity, ROLE_LABELS } from '../../../shared/auth/identity'
import type { ApplicationRecord, PersonRecord } from '../../store/collections'
import { regionLabel } from '../regions/region-directory'

/** Whitelist mapper. Staff views add the applicant (ID number masked); residents' never do. */
export const toApplicationView = (
  r: ApplicationRecord,
  opts: { applicant?: Pick<PersonRecord, 'id' | 'name' | 'idNumberMasked'> } = {},
): ApplicationView => ({
  id: r.id,
  type: r.type,
  typeLabel: APPLICATION_TYPES[r.type].label,
  status: r.status,
  statusLabel: STATUSES[r.status],
  chain: r.chain,
  data: r.data,
  community: r.community,
  communityName: regionLabel(r.community),
  timeline: r.timeline,
  notice:
    r.noticeStartedAt && r.noticeEndsAt ? { startedAt: r.noticeStartedAt, endsAt: r.noticeEndsAt } : null,
  result: r.result,
  materials: r.materials.map((m) => ({
    ...m,
    label: APPLICATION_TYPES[r.type].materials.find((x) => x.key === m.key)?.label ?? m.key,
  })),
  missingMaterials: APPLICATION_TYPES[r.type].materials
    .filter((x) => x.required && !r.materials.some((m) => m.key === x.key))
    .map((x) => x.label),
  canWithdraw: !CLOSED_STATUSES.includes(r.status),
  onBehalf: r.onBehalf ? { ...r.onBehalf, methodLabel: CONSENT_METHODS[r.onBehalf.method] } : null,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  // Staff decide on an objection by what it says; the objector stays anonymous to everyone.
  ...(opts.applicant ? { objections: r.objections.map(({ at, reason }) => ({ at, reason })) } : {}),
  ...(opts.applicant
    ? {
        applicant: {
          personId: opts.applicant.id,
          name: opts.applicant.name,
          idNumber: opts.applicant.idNumberMasked,
        },
      }
    : {}),
})

/** How a timeline names who acted: a role and an office, never an account. */
export const actorLabel = (who: Identity | 'system' | 'applicant'): string => {
  if (who === 'system') return '系统'
  if (who === 'applicant' || who.role === 'resident') return '申请人'
  const office = who.region ? regionLabel(who.region) : null
  if (!office) return ROLE_LABELS[who.role]
  // An office by its place's name: 海安镇劳动保障事务所, 海安市人社局.
  if (who.role === 'street') return `${office}劳动保障事务所`
  if (who.role === 'county') return `${office}人社局`
  return `${ROLE_LABELS[who.role]}（${office}）`
}
