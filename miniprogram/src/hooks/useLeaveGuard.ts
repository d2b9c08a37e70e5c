import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { guardBack } from '../utils/back-guard'

/**
 * While `active` (typing not saved) and the page is the one shown, leaving it by the phone's or
 * browser's own back asks `ask` first, like the back bar (whose own move back passes).
 */
export const useLeaveGuard = (
  active: boolean,
  ask: (() => Promise<boolean>) | undefined,
  message: string,
): void => {
  const asking = useRef(ask)
  asking.current = ask
  // A page under another one keeps its typing: only the page on top guards.
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  useEffect(() => {
    if (!active || !shown || !asking.current) return
    return guardBack(() => asking.current?.() ?? Promise.resolve(true), message)
  }, [active, shown, message])
}
