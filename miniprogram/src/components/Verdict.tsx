import type { NextStep, Verdict } from '@shared/policies/policy'
import type { Reason } from '@shared/policies/rules'
import { Text, View } from '@tarojs/components'
import { runNextStep } from '../utils/policy-nav'

const TONE: Record<Verdict, string> = {
  eligible: 'ok',
  enjoying: 'info',
  need_info: 'warn',
  not_eligible: 'muted',
}

export function VerdictBadge({ verdict, label, id }: { verdict: Verdict; label: string; id?: string }) {
  return (
    <Text id={id} className={`status-badge status-badge--${TONE[verdict]}`}>
      {label}
    </Text>
  )
}

const MARK = (met: boolean | null) => (met === true ? '✓' : met === false ? '✗' : '?')

/** The reason per condition: ✓ met, ✗ not met, ? the registry does not know yet. */
export function ReasonList({ reasons, id, limit }: { reasons: Reason[]; id?: string; limit?: number }) {
  const shown = limit ? reasons.slice(0, limit) : reasons
  return (
    <View className="reasons" id={id}>
      {shown.map((r, i) => (
        <View
          // biome-ignore lint/suspicious/noArrayIndexKey: reasons are a fixed list for one verdict
          key={i}
          className={`reason reason--${r.met === true ? 'met' : r.met === false ? 'unmet' : 'unknown'}`}
          style={r.indent ? { paddingLeft: `${r.indent * 16}px` } : undefined}
        >
          <Text className="reason__mark">{MARK(r.met)}</Text>
          <Text className="reason__text">{r.text}</Text>
        </View>
      ))}
      {limit && reasons.length > limit ? (
        <Text className="reason__more">还有 {reasons.length - limit} 项条件</Text>
      ) : null}
    </View>
  )
}

export function NextStepButton({ step, id, small }: { step: NextStep; id?: string; small?: boolean }) {
  const primary = step.kind === 'apply'
  return (
    <View
      id={id}
      className={`btn ${primary ? 'btn--primary' : 'btn--ghost'}${small ? ' btn--small' : ''}`}
      hoverClass="btn--hover"
      onClick={(e) => {
        e.stopPropagation()
        runNextStep(step)
      }}
    >
      {step.label}
    </View>
  )
}
