import { isStaffRole } from '@shared/auth/identity'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import type { SessionState } from '../../hooks/useSession'
import { goLogin, goServices, openPage } from '../../utils/nav'

/** Which staff workplace a page belongs to: its name and the ids its gate states carry. */
export interface Workplace {
  name: string
  idPrefix: string
  staff: string
}

export const REVIEW_DESK: Workplace = {
  name: '审核工作台',
  idPrefix: 'staff',
  staff: '社区、街道/镇和县级工作人员',
}
export const FOLLOWUP_DESK: Workplace = {
  name: '跟踪服务工作台',
  idPrefix: 'workbench',
  staff: '社区劳动保障协理员、街道/镇和县级工作人员',
}

export const POLICY_DESK: Workplace = {
  name: '政策管理',
  idPrefix: 'policy-admin',
  staff: '县（市、区）人社部门',
}

/** What a staff page shows instead of itself to someone who is not (or not yet known as) staff. */
export function staffGate(
  state: SessionState,
  retry: () => void,
  place: Workplace = REVIEW_DESK,
): ReactNode | null {
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView message={state.message} onRetry={retry} />
  if (state.status === 'anonymous')
    return (
      <StateView
        id={`${place.idPrefix}-login`}
        icon="登"
        title="请先登录"
        desc={`${place.name}仅供${place.staff}使用`}
        action={
          <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
            去登录
          </View>
        }
      />
    )
  if (!isStaffRole(state.session.role)) {
    // A unit's account goes back to its own vacancies; a resident to 办事.
    const unit = state.session.role === 'employer'
    return (
      <StateView
        id={place.idPrefix === 'staff' ? 'staff-only' : `${place.idPrefix}-staff-only`}
        icon="员"
        title="仅工作人员可用"
        desc={
          unit
            ? `这里是工作人员的${place.name}。单位可在“岗位管理”中发布岗位、查看应聘者。`
            : `这里是工作人员的${place.name}。您可以在“办事”中办理业务、查看进度。`
        }
        action={
          <View
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            // The path written out: one subpackage does not load another's files in WeChat.
            onClick={unit ? () => openPage('/packages/employer/pages/vacancies/index') : goServices}
          >
            {unit ? '去岗位管理' : '去办事'}
          </View>
        }
      />
    )
  }
  return null
}
