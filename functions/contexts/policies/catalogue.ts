import type { ApplicationType } from '../../../shared/applications/application-types'
import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import { EXIT_REASONS } from '../../../shared/people/person'
import {
  applicationLabel,
  benefitSpan,
  type EligibilityItem,
  type NextStep,
  spanText,
  VERDICTS,
  type Verdict,
} from '../../../shared/policies/policy'
import {
  evaluateRule,
  type Facts,
  type Reason,
  type RuleContext,
  ruleValue,
} from '../../../shared/policies/rules'
import { type PersonRecord, type PolicyRecord, policies } from '../../store/collections'
import type { Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { regionLabel } from '../regions/region-directory'
import { activeEnjoyments } from './facts'

/**
 * The catalogue as evaluation needs it: every policy (withdrawn ones too, so a rule that names
 * one still reads well), and the published ones in effect on a date.
 */
export interface Catalogue {
  all: Map<string, PolicyRecord>
  ctx: RuleContext
  /** Published and in effect on `today`. */
  active(today: string): PolicyRecord[]
}

export const inEffect = (p: PolicyRecord, today: string): boolean =>
  p.status === 'published' &&
  (p.effectiveFrom === null || p.effectiveFrom <= today) &&
  (p.effectiveTo === null || p.effectiveTo >= today)

export const ruleContext = (
  all: Map<string, Pick<PolicyRecord, 'title' | 'applicationType'>>,
): RuleContext => ({
  policy: (id) => all.get(id),
  regionName: regionLabel,
})

export const catalogueOf = (records: PolicyRecord[]): Catalogue => {
  const all = new Map(records.map((p) => [p.id, p]))
  return {
    all,
    ctx: ruleContext(all),
    active: (today) => records.filter((p) => inEffect(p, today)),
  }
}

export const loadCatalogue = async (store: Store): Promise<Catalogue> =>
  catalogueOf(await findAll(store, policies, { orderBy: [{ field: 'updatedAt', dir: 'desc' }] }))

/**
 * Certifications are "enjoyed" once held: someone registered does not need to register again.
 * (Benefits are enjoyed through their enjoyment records instead.)
 */
const heldCertification = (type: ApplicationType | null, f: Facts): string | null => {
  switch (type) {
    case 'unemployment_registration':
      return f.registration ? '已办理失业登记，持《就业失业登记证》' : null
    case 'difficulty_certification':
      return f.keyGroups.includes('difficulty') ? '已认定为就业困难人员' : null
    case 'assistance_card':
      return f.assistanceCard ? '持有有效的《就业援助卡》' : null
    default:
      return null
  }
}

export interface Verdicted {
  verdict: Verdict
  reasons: Reason[]
}

/** The verdict alone (policy-match over the whole registry): no sentences built. */
export const verdictOf = (
  policy: PolicyRecord,
  person: PersonRecord,
  facts: Facts,
  cat: Catalogue,
): Verdict => {
  if (
    facts.enjoying.some(
      (e) =>
        e.policyId === policy.id ||
        (policy.applicationType !== null && e.applicationType === policy.applicationType),
    )
  ) {
    return 'enjoying'
  }
  if (heldCertification(policy.applicationType, facts)) return 'enjoying'
  if (hasLeft(person, facts.today)) return 'not_eligible'
  if (!policy.regions.some((r) => person.community.startsWith(r))) return 'not_eligible'
  const value = ruleValue(policy.rules, facts, cat.ctx)
  return value === true ? 'eligible' : value === false ? 'not_eligible' : 'need_info'
}

/**
 * A person recorded as retired, moved away, deceased or out of the labour market is no longer
 * someone to brief (应享未享) from that date; what they already enjoy stays enjoyed.
 */
const hasLeft = (person: PersonRecord, today: string): boolean => !!person.exit && person.exit.date <= today

/** One policy for one person: the verdict and the reason per condition. */
export const judge = (
  policy: PolicyRecord,
  person: PersonRecord,
  facts: Facts,
  cat: Catalogue,
): Verdicted => {
  const enjoyed = activeEnjoyments(person, facts.today).find(
    (e) =>
      e.policyId === policy.id ||
      (policy.applicationType !== null && e.applicationType === policy.applicationType),
  )
  if (enjoyed) {
    return {
      verdict: 'enjoying',
      reasons: [{ text: `正在享受「${enjoyed.label}」（${spanText(enjoyed)}）`, met: true }],
    }
  }
  const held = heldCertification(policy.applicationType, facts)
  if (held) return { verdict: 'enjoying', reasons: [{ text: held, met: true }] }
  if (hasLeft(person, facts.today)) {
    const reason = EXIT_REASONS[person.exit!.reason] ?? '退出'
    return {
      verdict: 'not_eligible',
      reasons: [{ text: `已登记${reason}（${person.exit!.date}起），不再列入政策对象`, met: false }],
    }
  }
  if (!policy.regions.some((r) => facts.community.startsWith(r))) {
    const names = policy.regions.map((r) => regionLabel(r) ?? r).join('、')
    return { verdict: 'not_eligible', reasons: [{ text: `本政策适用于${names}`, met: false }] }
  }
  const result = evaluateRule(policy.rules, facts, cat.ctx)
  const verdict: Verdict =
    result.value === true ? 'eligible' : result.value === false ? 'not_eligible' : 'need_info'
  return { verdict, reasons: result.reasons }
}

/** What to fill in a prefilled application from the registry, as the app's form values. */
export const prefillFor = (type: ApplicationType, p: PersonRecord): Record<string, string> => {
  switch (type) {
    case 'social_insurance_subsidy':
      return p.employmentStatus === 'flexible'
        ? { employmentType: 'flexible' }
        : p.employmentStatus === 'stable'
          ? { employmentType: 'employed_by_unit' }
          : {}
    case 'post_subsidy':
      return p.publicWelfarePost
        ? {
            postName: p.publicWelfarePost.post,
            employerName: p.publicWelfarePost.employer,
            startedOn: p.publicWelfarePost.since,
          }
        : {}
    case 'unemployment_registration':
      return {
        ...(p.employmentStatus === 'unemployed' && p.employmentSince
          ? { unemployedSince: p.employmentSince }
          : {}),
        ...(p.hukou ? { hukou: p.hukou } : {}),
      }
    case 'unemployment_insurance':
      return p.employmentStatus === 'unemployed' && p.employmentSince
        ? { separationDate: p.employmentSince }
        : {}
    default:
      return {}
  }
}

export const nextStepFor = (
  policy: PolicyRecord,
  person: PersonRecord,
  v: Verdicted,
  openApplications: Map<ApplicationType, string>,
): NextStep | null => {
  // An application already on its way is the next step, whatever the rule says today.
  const pending = policy.applicationType ? openApplications.get(policy.applicationType) : undefined
  if (pending && v.verdict !== 'enjoying') {
    return { kind: 'view_application', label: '查看办理进度', applicationId: pending }
  }
  if (v.verdict === 'need_info') {
    const field = v.reasons.find((r) => r.met === null && r.field)?.field
    if (field)
      return { kind: 'complete_profile', label: field === 'keyGroups' ? '查看申报进度' : '补充信息', field }
    return null
  }
  if (v.verdict !== 'eligible') return null
  const type = policy.applicationType
  if (!type) return { kind: 'contact', label: '咨询办理', text: '请联系所在社区劳动保障工作站了解和办理' }
  return {
    kind: 'apply',
    label: `申请${APPLICATION_TYPES[type].label}`,
    applicationType: type,
    policyId: policy.id,
    prefill: prefillFor(type, person),
  }
}

export const toEligibilityItem = (
  policy: PolicyRecord,
  person: PersonRecord,
  facts: Facts,
  cat: Catalogue,
  openApplications: Map<ApplicationType, string>,
): EligibilityItem => {
  const v = judge(policy, person, facts, cat)
  // Waiting only for the coordinator to confirm a declaration is not "information missing".
  const onlyPending =
    v.verdict === 'need_info' && v.reasons.filter((r) => r.met === null).every((r) => r.field === 'keyGroups')
  return {
    policyId: policy.id,
    title: policy.title,
    summary: policy.summary,
    applicationType: policy.applicationType,
    verdict: v.verdict,
    verdictLabel: onlyPending ? '待社区确认' : VERDICTS[v.verdict],
    reasons: v.reasons,
    nextStep: nextStepFor(policy, person, v, openApplications),
  }
}

/** The months a policy's benefit would run for an application, with the policy's own term. */
export const spanForPolicy = (
  policy: PolicyRecord | undefined,
  type: ApplicationType,
  data: Record<string, unknown>,
  today: string,
) => {
  const term = policy?.params.find((x) => x.key === 'termMonths')?.value
  return benefitSpan(type, data, today, { postTermMonths: typeof term === 'number' ? term : undefined })
}

export { applicationLabel }
