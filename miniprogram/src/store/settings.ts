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

export const setLargeText = (on: boolean): void => {
  Taro.setStorageSync(LARGE_TEXT_KEY, on)
  Taro.eventCenter.trigger(LARGE_TEXT_EVENT, on)
}
