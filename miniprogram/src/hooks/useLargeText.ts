import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { getLargeText, LARGE_TEXT_EVENT, setLargeText } from '../store/settings'

/** 大字模式: persisted in storage, applied by PageShell on every page. */
export const useLargeText = (): [boolean, (on: boolean) => void] => {
  const [large, setLarge] = useState(getLargeText)

  useEffect(() => {
    const onChange = (on: boolean) => setLarge(on)
    Taro.eventCenter.on(LARGE_TEXT_EVENT, onChange)
    return () => {
      Taro.eventCenter.off(LARGE_TEXT_EVENT, onChange)
    }
  }, [])

  useDidShow(() => setLarge(getLargeText()))

  const update = useCallback((on: boolean) => {
    setLargeText(on)
    setLarge(on)
  }, [])

  return [large, update]
}
