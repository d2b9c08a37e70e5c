import {
  type ApplicationStatus,
  STAGES,
  STATUSES,
  type Stage,
  type TimelineEntry,
} from '@shared/applications/application-types'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { STATUS_TONE, TIMELINE_ACTIONS } from '../forms/application-fields'
import { formatDateTime } from '../utils/format'
import { confirmDiscard } from '../utils/leave'

export function StatusBadge({
  status,
  label,
  id,
}: {
  status: ApplicationStatus
  label?: string
  id?: string
}) {
  return (
    <Text id={id} className={`status-badge status-badge--${STATUS_TONE[status]}`}>
      {label ?? STATUSES[status]}
    </Text>
  )
}

type StepState = 'done' | 'current' | 'failed' | 'todo'

/** The stage an open status is at: an objection holds the notice stage. */
const stageOf = (status: ApplicationStatus): Stage | null => {
  if (status === 'objection_hold') return 'public_notice'
  return status in STAGES ? (status as Stage) : null
}

/** Where each stage of the chain stands for an application's status and history. */
export const stepStates = (
  chain: readonly Stage[],
  status?: ApplicationStatus,
  timeline: readonly TimelineEntry[] = [],
): StepState[] => {
  if (!status) return chain.map(() => 'todo')
  if (status === 'approved') return chain.map(() => 'done')
  const open = stageOf(status)
  if (open) {
    const at = chain.indexOf(open)
    return chain.map((_, i) => (i < at ? 'done' : i === at ? 'current' : 'todo'))
  }
  if (status === 'rejected' || status === 'withdrawn') {
    // The furthest stage the application reached before it ended.
    let reached = -1
    for (const entry of timeline) {
      const s = stageOf(entry.status)
      if (s) reached = Math.max(reached, chain.indexOf(s))
    }
    return chain.map((_, i) =>
      i < reached ? 'done' : i === reached ? (status === 'rejected' ? 'failed' : 'current') : 'todo',
    )
  }
  return chain.map(() => 'todo')
}

interface StepsProps {
  chain: readonly Stage[]
  status?: ApplicationStatus
  timeline?: readonly TimelineEntry[]
  labels?: Partial<Record<Stage, string>>
  id?: string
}

/** The review chain as a step line; with a status, the current step is highlighted. */
export function StageSteps({ chain, status, timeline, labels, id }: StepsProps) {
  const states = stepStates(chain, status, timeline)
  return (
    <View className="steps" id={id}>
      {chain.map((stage, i) => {
        const state = states[i] ?? 'todo'
        return (
          <View key={stage} className={`steps__item steps__item--${state}`}>
            <View className="steps__dot">
              <Text>{state === 'done' ? '✓' : state === 'failed' ? '×' : String(i + 1)}</Text>
            </View>
            <Text className="steps__label">{labels?.[stage] ?? STAGES[stage]}</Text>
            {state === 'current' && status === 'objection_hold' ? (
              <Text className="steps__sub">异议处理中</Text>
            ) : null}
            {state === 'current' && status === 'withdrawn' ? (
              <Text className="steps__sub">已撤回</Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

/** What happened to an application, newest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const newestFirst = [...entries].reverse()
  return (
    <View className="timeline">
      {newestFirst.map((e, i) => (
        <View
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list only grows at its end
          key={`${e.at}-${i}`}
          className={`timeline-entry${i === 0 ? ' timeline-entry--latest' : ''}`}
        >
          <View className="timeline-entry__head">
            <Text className="timeline-entry__action">{TIMELINE_ACTIONS[e.action] ?? '办理'}</Text>
            <Text className="timeline-entry__time">{formatDateTime(e.at)}</Text>
          </View>
          {e.actor ? <Text className="timeline-entry__actor">{e.actor}</Text> : null}
          {e.reason ? <Text className="timeline-entry__reason">{e.reason}</Text> : null}
        </View>
      ))}
    </View>
  )
}

export function KeyValue({ label, value, id }: { label: string; value: ReactNode; id?: string }) {
  return (
    <View className="kv" id={id}>
      <Text className="kv__label">{label}</Text>
      <View className="kv__value">{value}</View>
    </View>
  )
}

interface SheetProps {
  open: boolean
  title: string
  children?: ReactNode
  confirmText: string
  confirmId?: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
  /** Something typed in the sheet: closing it (取消, or a tap beside it) asks first. */
  dirty?: boolean
}

/** A bottom sheet asking to confirm an action that cannot be undone. */
export function ConfirmSheet({
  open,
  title,
  children,
  confirmText,
  confirmId,
  danger,
  busy,
  onConfirm,
  onCancel,
  dirty = false,
}: SheetProps) {
  if (!open) return null
  // A tap beside the sheet can be meant for what lies under it (the back bar): typing is kept
  // unless the person says to drop it.
  const dismiss = async () => {
    if (busy) return
    if (dirty && !(await confirmDiscard(true))) return
    onCancel()
  }
  return (
    <View className="sheet-mask" catchMove onClick={() => void dismiss()}>
      <View className="sheet" onClick={(e) => e.stopPropagation()}>
        <Text className="sheet__title">{title}</Text>
        {children ? <View className="sheet__body">{children}</View> : null}
        <View className="sheet__actions">
          <View
            className={`btn btn--plain${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void dismiss()}
          >
            取消
          </View>
          <View
            id={confirmId}
            className={`btn ${danger ? 'btn--danger' : 'btn--primary'}${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => (busy ? undefined : onConfirm())}
          >
            {busy ? '提交中…' : confirmText}
          </View>
        </View>
      </View>
    </View>
  )
}
