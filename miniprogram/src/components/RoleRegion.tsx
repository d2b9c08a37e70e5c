import type { SessionInfo } from '@shared/auth/identity'
import { Text } from '@tarojs/components'

/**
 * 社区劳动保障协理员 · 海安镇·中坝社区 under a staff page's title: the line breaks between the
 * role and the place, never inside a place's name.
 */
export default function RoleRegion({
  info,
}: {
  info: Pick<SessionInfo, 'roleLabel' | 'regionName' | 'region'>
}) {
  return (
    <Text className="staff__region">
      <Text className="nowrap">{info.roleLabel}</Text>
      {' · '}
      <Text className="nowrap">{info.regionName ?? info.region ?? ''}</Text>
    </Text>
  )
}
