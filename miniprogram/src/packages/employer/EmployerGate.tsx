import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import type { SessionState } from '../../hooks/useSession'
import { goLogin } from '../../utils/nav'

/** What an employer page shows to someone not logged in as a unit. */
export function employerGate(state: SessionState, retry: () => void): ReactNode | null {
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView message={state.message} onRetry={retry} />
  if (state.status === 'anonymous' || state.session.role !== 'employer')
    return (
      <StateView
        id="employer-only"
        icon="企"
        title="请以用人单位身份登录"
        desc="用人单位登记后可发布岗位，经街道（镇）人社服务机构审核后对求职者公开"
        action={
          <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
            去登录
          </View>
        }
      />
    )
  return null
}
