import type { SessionInfo } from '@shared/auth/identity'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorMessage } from '../api/client'
import { mayHaveSession } from '../store/session'
import { dropInvalidToken, isLoginError } from './useMe'

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; message: string }
  | { status: 'done'; session: SessionInfo }

/** GET /api/auth/session, refreshed each time the page shows. */
export const useSession = () => {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    if (!mayHaveSession()) {
      setState({ status: 'anonymous' })
      return
    }
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const session = await api('session')
      if (mine === seq.current) setState({ status: 'done', session })
    } catch (e) {
      if (mine !== seq.current) return
      if (isLoginError(e)) {
        dropInvalidToken(e)
        setState({ status: 'anonymous' })
      } else setState({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useDidShow(() => {
    void reload()
  })

  return { state, reload }
}
