import type { AgreementView } from '@shared/people/agreement'
import { Text, View } from '@tarojs/components'
import { formatDate } from '../utils/format'

/** The items of an agreement, each with its date and whether it was delivered. */
export function AgreementItems({ agreement }: { agreement: AgreementView }) {
  return (
    <View className="agreement-items">
      {agreement.items.map((i) => (
        <View key={i.id} id={`agreement-item-${i.id}`} className="agreement-item">
          <View className="agreement-item__text">
            <Text>
              {i.kindLabel}：{i.label}
            </Text>
            <Text className={i.overdue ? 'agreement-item__late' : 'muted'}>
              {i.doneAt
                ? `${formatDate(i.doneAt)} 已完成`
                : `${formatDate(i.due)} 前完成${i.overdue ? '（已超期）' : ''}`}
            </Text>
          </View>
          <Text className={`tag ${i.doneAt ? 'tag--ok' : i.overdue ? 'tag--accent' : 'tag--muted'}`}>
            {i.doneAt ? '已完成' : i.overdue ? '超期' : '待完成'}
          </Text>
        </View>
      ))}
    </View>
  )
}
