import { Picker, View } from '@tarojs/components'
import { COUNTY_CODE, useRegions } from '../hooks/useRegions'
import { SelectBox } from './Form'

interface Props {
  /** A 12-digit community, a 9-digit town, or '' */
  value: string
  onChange: (code: string) => void
  /** Offer "全镇" in the second picker (the value may then be a town). */
  wholeTown?: boolean
  townId: string
  communityId: string
}

/** Town (镇/街道) then community (社区/村) pickers over GET /api/regions. */
export default function RegionPicker({ value, onChange, wholeTown, townId, communityId }: Props) {
  const town = value.length >= 9 ? value.slice(0, 9) : ''
  const towns = useRegions(COUNTY_CODE)
  const communities = useRegions(town || null)
  const townIndex = towns.items.findIndex((t) => t.code === town)
  const communityIndex = communities.items.findIndex((c) => c.code === value)
  const offset = wholeTown ? 1 : 0
  const communityLabels = [...(wholeTown ? ['全镇（街道）'] : []), ...communities.items.map((c) => c.name)]

  const communityText =
    communityIndex >= 0
      ? communities.items[communityIndex]?.name
      : wholeTown && town && value === town
        ? '全镇（街道）'
        : value.length === 12 && communities.loading
          ? '加载中…'
          : ''

  return (
    <View className="region-picker">
      <Picker
        id={townId}
        mode="selector"
        range={towns.items.map((t) => t.name)}
        value={Math.max(0, townIndex)}
        disabled={towns.items.length === 0}
        onChange={(e) => {
          const next = towns.items[Number(e.detail.value)]?.code ?? ''
          if (next !== town) onChange(next)
        }}
      >
        <SelectBox
          text={townIndex >= 0 ? towns.items[townIndex]?.name : town && towns.loading ? '加载中…' : ''}
          placeholder={towns.loading ? '加载中…' : '请选择镇/街道'}
        />
      </Picker>
      <View style={{ height: '8px' }} />
      <Picker
        id={communityId}
        mode="selector"
        range={communityLabels}
        value={Math.max(0, communityIndex + offset)}
        disabled={!town || communities.loading}
        onChange={(e) => {
          const i = Number(e.detail.value) - offset
          onChange(i < 0 ? town : (communities.items[i]?.code ?? town))
        }}
      >
        <SelectBox
          text={communityText}
          placeholder={!town ? '请先选择镇/街道' : communities.loading ? '加载中…' : '请选择社区/村'}
          disabled={!town}
        />
      </Picker>
    </View>
  )
}
