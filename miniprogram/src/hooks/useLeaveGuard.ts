import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { guardBack } from '../utils/back-guard'

/**
 * While `active` (typing not saved) and the page is the one shown, leaving it by the phone's or
 * browser's own back asks `ask` first, like the back bar. Returns `release`: call it when the
 * person already chose to leave (the back bar asked), so they are not asked twice.
 */
export const useLeaveGuard = (
  active: boolean,
  ask: (() => Promise<boolean>) | undefined,
  message: string,
): (() => void) => {
  const asking = useRef(ask)
  asking.current = ask
  // A page under another one keeps its typing: only the page on top guards.
  const [shown, setShown] = useState(true)
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  const undo = useRef<() => void>(() => undefined)
  useEffect(() => {
    if (!active || !shown || !asking.current) return
    const stop = guardBack(() => asking.current?.() ?? Promise.resolve(true), message)
    undo.current = stop
    return () => {
      stop()
      undo.current = () => undefined
    }
  }, [active, shown, message])
  return useCallback(() => undo.current(), [])
}
