import { View } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import type { MeState } from '../../hooks/useMe'
import { goLogin, goProfile } from '../../utils/nav'

/**
 * What a seeker's page shows until the resident and their real-name record are known: loading,
 * a failure with a retry, or the way to log in or fill the record. Null once they are.
 */
export function seekerGate(
  me: MeState,
  reload: () => void,
  gate: { id: string; icon: string; desc: string },
): JSX.Element | null {
  if (me.status === 'done') return null
  return (
    <PageShell className="seeker">
      {me.status === 'loading' ? <LoadingView /> : null}
      {me.status === 'error' ? <ErrorView message={me.message} onRetry={reload} /> : null}
      {me.status === 'anonymous' || me.status === 'unregistered' ? (
        <StateView
          id={gate.id}
          icon={gate.icon}
          title={me.status === 'anonymous' ? '请先登录' : '请先填写实名信息'}
          desc={gate.desc}
          action={
            <View
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={me.status === 'anonymous' ? goLogin : goProfile}
            >
              {me.status === 'anonymous' ? '去登录' : '去填写'}
            </View>
          }
        />
      ) : null}
    </PageShell>
  )
}
