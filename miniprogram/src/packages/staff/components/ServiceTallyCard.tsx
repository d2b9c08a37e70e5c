import { SERVICE_LABELS } from '@shared/followups/followup'
import { Text, View } from '@tarojs/components'
import type { ServiceTally } from '../../../api/types'
import { SERVICE_KINDS } from '../followups'

/** The three "131" counters: given / required, ticked when reached. */
export function TallyCells({ tally, id }: { tally: ServiceTally; id?: string }) {
  return (
    <View className="wb-tally" id={id}>
      {SERVICE_KINDS.map((kind) => {
        const done = tally.counts[kind] ?? 0
        const need = tally.required[kind] ?? 0
        const ok = done >= need
        return (
          <View
            key={kind}
            id={id ? `${id}-${kind}` : undefined}
            className={`wb-tally__cell${ok ? ' wb-tally__cell--ok' : ''}`}
          >
            <Text className="wb-tally__num">
              {done}/{need}
            </Text>
            <Text className="wb-tally__label">
              {SERVICE_LABELS[kind]}
              {ok ? ' ✓' : ''}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/** The person card's 131 section: counters and what is still short. */
export function ServiceTallyCard({ tally }: { tally: ServiceTally }) {
  return (
    <View className="card" id="person-131">
      <Text className="card-title">{tally.year} 年度“131”服务</Text>
      <TallyCells tally={tally} id="person-131-tally" />
      {tally.short.length > 0 ? (
        <View className="wb-short" id="person-131-short">
          <Text className="wb-short__label">还差：</Text>
          <Text className="wb-short__text">{tally.short.join('；')}</Text>
        </View>
      ) : (
        <Text className="wb-short wb-short--ok" id="person-131-short">
          本年度 131 服务已达标
        </Text>
      )}
    </View>
  )
}
