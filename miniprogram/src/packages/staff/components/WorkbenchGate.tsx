import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorView, LoadingView, StateView } from '../../../components/StateView'
import type { SessionState } from '../../../hooks/useSession'
import { goLogin, goServices } from '../../../utils/nav'

/** What a follow-up page shows instead of itself to someone who is not (or not yet known as) staff. */
export function workbenchGate(state: SessionState, retry: () => void): ReactNode | null {
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView message={state.message} onRetry={retry} />
  if (state.status === 'anonymous')
    return (
      <StateView
        id="workbench-login"
        icon="登"
        title="请先登录"
        desc="跟踪服务工作台仅供社区协理员、街道/镇和县级工作人员使用"
        action={
          <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
            去登录
          </View>
        }
      />
    )
  if (state.session.role === 'resident')
    return (
      <StateView
        id="workbench-staff-only"
        icon="员"
        title="仅工作人员可用"
        desc="这里是工作人员的跟踪服务工作台。您可以在“办事”中办理业务、查看进度。"
        action={
          <View className="btn btn--ghost btn--small" hoverClass="btn--hover" onClick={goServices}>
            去办事
          </View>
        }
      />
    )
  return null
}
