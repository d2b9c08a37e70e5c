import type { PersonView } from '@shared/people/person'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../api/client'
import { clearToken, mayHaveSession } from '../store/session'

/** The resident's own record (GET /api/me), as pages need to branch on it. */
export type MeState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'unregistered' }
  | { status: 'error'; message: string }
  | { status: 'done'; me: PersonView }

/** Not logged in, or the login has expired. */
export const isLoginError = (e: unknown): boolean => isApiError(e) && e.status === 401

/** Forget a token the server no longer accepts, so pages show 请先登录 instead of failing again. */
export const dropInvalidToken = (e: unknown): void => {
  if (errorCode(e) === 'AUTH.INVALID_TOKEN' || errorCode(e) === 'AUTH.ROLE_CHANGED') clearToken()
}

export const fetchMe = async (): Promise<MeState> => {
  if (!mayHaveSession()) return { status: 'anonymous' }
  try {
    return { status: 'done', me: await api('getMe') }
  } catch (e) {
    if (isLoginError(e)) {
      dropInvalidToken(e)
      return { status: 'anonymous' }
    }
    if (errorCode(e) === 'PERSON.NOT_REGISTERED') return { status: 'unregistered' }
    return { status: 'error', message: errorMessage(e) }
  }
}

/** GET /api/me, loaded each time the page shows (the resident may have just bound their identity). */
export const useMe = () => {
  const [state, setState] = useState<MeState>({ status: 'loading' })
  const seq = useRef(0)

  const reload = useCallback(async (): Promise<MeState> => {
    const mine = ++seq.current
    // Keep what is shown while refreshing; only a first load shows the loading state.
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }))
    const next = await fetchMe()
    if (mine === seq.current) setState(next)
    return next
  }, [])

  useDidShow(() => {
    void reload()
  })

  const setMe = useCallback((me: PersonView) => {
    seq.current++
    setState({ status: 'done', me })
  }, [])

  return { state, reload, setMe }
}
