import Taro from '@tarojs/taro'

const LARGE_TEXT_KEY = 'settings.largeText'
export const LARGE_TEXT_EVENT = 'settings:largeText'

export const getLargeText = (): boolean => {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true
  } catch {
    return false
  }
}

/**
 * The tab bar lives outside every page, so the page's 大字 class can't reach it: on H5 the
 * document carries one too. (WeChat's native tab bar keeps the size the platform gives it.)
 */
export const applyLargeTextToChrome = (on: boolean): void => {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined')
    document.documentElement.classList.toggle('large-text-root', on)
}

export const setLargeText = (on: boolean): void => {
  Taro.setStorageSync(LARGE_TEXT_KEY, on)
  applyLargeTextToChrome(on)
  Taro.eventCenter.trigger(LARGE_TEXT_EVENT, on)
}
