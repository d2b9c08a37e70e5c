import type { NextStep } from '@shared/policies/policy'
import { openApplication, openPage } from './nav'
import { toastText } from './toast'

export const POLICIES_TAB = '/pages/policies/index'
export const policyPath = (id: string) => `/pages/policy/index?id=${encodeURIComponent(id)}`
export const noticePath = (id: string) => `/pages/policy-notice/index?id=${encodeURIComponent(id)}`

/** The apply page for a policy, with what the registry already knows filled in. */
export const applyPath = (step: Extract<NextStep, { kind: 'apply' }>) => {
  const prefill = Object.keys(step.prefill).length
    ? `&prefill=${encodeURIComponent(JSON.stringify(step.prefill))}`
    : ''
  return `/pages/apply/index?type=${step.applicationType}&policyId=${encodeURIComponent(step.policyId)}${prefill}`
}

/** One tap to the next step of a verdict. */
export const runNextStep = (step: NextStep): void => {
  switch (step.kind) {
    case 'apply':
      openPage(applyPath(step))
      return
    case 'view_application':
      openApplication(step.applicationId)
      return
    case 'complete_profile':
      openPage(`/pages/profile/index?focus=${step.field}`)
      return
    case 'contact':
      toastText(step.text)
  }
}
