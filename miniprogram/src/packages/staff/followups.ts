import type { Role } from '@shared/auth/identity'
import {
  addMonths,
  CHANNELS,
  type Channel,
  type FollowupTaskView,
  periodOf,
  SERVICE_LABELS,
  type ServiceKind,
} from '@shared/followups/followup'
import { EMPLOYMENT_STATUSES, type EmploymentStatus, KEY_GROUPS } from '@shared/people/person'
import Taro from '@tarojs/taro'
import { api } from '../../api/client'

/** Where the follow-up workbench and its pages live (the staff subpackage). */
export const WORKBENCH_PATH = '/packages/staff/pages/workbench/index'
export const SHORT_131_PATH = '/packages/staff/pages/short-131/index'
export const CARDS_PATH = '/packages/staff/pages/cards/index'
export const DEDUCTIONS_PATH = '/packages/staff/pages/deductions/index'
export { REPORTS_PATH } from './paths'

export const personPath = (personId: string, taskId?: string): string =>
  `/packages/staff/pages/person/index?id=${encodeURIComponent(personId)}${
    taskId ? `&taskId=${encodeURIComponent(taskId)}` : ''
  }`

export const followupPath = (taskId: string, personId: string): string =>
  `/packages/staff/pages/followup/index?taskId=${encodeURIComponent(taskId)}&personId=${encodeURIComponent(personId)}`

/** The id shapes the server accepts; anything else is "not found" without asking it. */
export const isPersonId = (id: string | undefined): id is string => !!id && /^psn_[a-z0-9_]{1,40}$/.test(id)
export const isTaskId = (id: string | undefined): id is string =>
  !!id && /^fu_\d{6}_psn_[a-z0-9_]{1,40}$/.test(id)

/** A task id carries its period: fu_202612_psn_… -> 2026-12. */
export const periodOfTask = (taskId: string): string => `${taskId.slice(3, 7)}-${taskId.slice(7, 9)}`

export const isPeriod = (value: string | undefined): value is string =>
  !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)

/** This month and year in Hai'an (China time). */
export const currentPeriod = (): string => periodOf(new Date())
export const currentYear = (): number => Number(currentPeriod().slice(0, 4))
/** The last month the month picker offers: tasks are made on the first workday, a month may be looked at ahead. */
export const lastPickablePeriod = (): string => addMonths(currentPeriod(), 1)

export const periodLabel = (period: string): string =>
  `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`

export const employmentLabel = (status: string): string =>
  EMPLOYMENT_STATUSES[status as EmploymentStatus] ?? '未登记'

export const keyGroupLabel = (group: string): string =>
  KEY_GROUPS[group as keyof typeof KEY_GROUPS] ?? '重点群体'

export const channelLabel = (channel: string): string => CHANNELS[channel as Channel] ?? '其他方式'

export const STATUS_OPTIONS = (Object.keys(EMPLOYMENT_STATUSES) as EmploymentStatus[]).map((value) => ({
  value,
  label: EMPLOYMENT_STATUSES[value],
}))

export const CHANNEL_OPTIONS = (Object.keys(CHANNELS) as Channel[]).map((value) => ({
  value,
  label: CHANNELS[value],
}))

export const SERVICE_KINDS = Object.keys(SERVICE_LABELS) as ServiceKind[]
export const SERVICE_OPTIONS = SERVICE_KINDS.map((value) => ({ value, label: SERVICE_LABELS[value] }))

/** Street and county officers see the deduction report; coordinators are what it counts. */
export const mayReport = (role: Role): boolean => role === 'street' || role === 'county'

/** The annual card inspection is recorded by the community or the street office (not the county). */
export const mayInspectCards = (role: Role): boolean => role === 'coordinator' || role === 'street'

/** Age in whole years on `today` (YYYY-MM-DD) from a birth date; null when unreadable. */
export const ageOn = (birthDate: string, today: string): number | null => {
  const b = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birthDate)
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today)
  if (!b || !t) return null
  const years = Number(t[1]) - Number(b[1])
  const beforeBirthday = `${t[2]}${t[3]}` < `${b[2]}${b[3]}`
  return beforeBirthday ? years - 1 : years
}

/**
 * The list hands the task it opens to the person card and the follow-up form (module state, as
 * long as the app lives); the form puts the task back as the server returned it after recording.
 */
const tasks = new Map<string, FollowupTaskView>()

export const rememberTask = (task: FollowupTaskView): void => {
  tasks.set(task.id, task)
}

export const rememberedTask = (id: string): FollowupTaskView | undefined => tasks.get(id)

/**
 * A task as the server has it now. There is no route for one task: its month's list is searched
 * by the person's name (a few pages at most). Null when not found; throws when the list fails.
 */
export const findTask = async (taskId: string, name: string): Promise<FollowupTaskView | null> => {
  let cursor: string | undefined
  for (let pages = 0; pages < 3; pages++) {
    const page = await api('listFollowupTasks', {
      query: { period: periodOfTask(taskId), q: name.slice(0, 20), cursor },
    })
    const found = page.items.find((t) => t.id === taskId)
    if (found) {
      rememberTask(found)
      return found
    }
    if (!page.nextCursor) return null
    cursor = page.nextCursor
  }
  return null
}

/** Back to the workbench list when it is in the page stack (it refreshes on show), else one page back. */
export const backToWorkbench = (): void => {
  const pages = Taro.getCurrentPages()
  const at = pages.findIndex((p) => (p.route ?? '').includes('packages/staff/pages/workbench/index'))
  if (at >= 0 && at < pages.length - 1) void Taro.navigateBack({ delta: pages.length - 1 - at })
  else if (pages.length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: WORKBENCH_PATH })
}

export const PLACEMENT_CASES_PATH = '/packages/staff/pages/placement-cases/index'
export const agreementEditPath = (personId: string): string =>
  `/packages/staff/pages/agreement/index?id=${encodeURIComponent(personId)}`
export const PEOPLE_PATH = '/packages/staff/pages/people/index'
export const REGISTER_PERSON_PATH = '/packages/staff/pages/register-person/index'
export const COUNTY_SETTINGS_PATH = '/packages/staff/pages/county-settings/index'

/**
 * Add `personId` to the household of `anchorId` (a new household of the two when the anchor has
 * none): everyone already in it is sent along, so the server keeps the household and its case.
 */
export const addToHousehold = async (anchorId: string, personId: string): Promise<void> => {
  const anchor = await api('getPerson', { params: { id: anchorId } })
  const members = anchor.householdId
    ? (await api('getHousehold', { params: { id: anchor.householdId } })).members.map((m) => m.id)
    : []
  await api('linkHousehold', { body: { members: [...new Set([...members, anchorId, personId])] } })
}

/** 居民查找, or — with `addTo` — choosing whom to add to that person's household. */
export const householdPickPath = (personId: string, name: string): string =>
  `${PEOPLE_PATH}?addTo=${encodeURIComponent(personId)}&name=${encodeURIComponent(name)}`
