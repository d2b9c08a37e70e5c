import Taro from '@tarojs/taro'

export const STAFF_REVIEWS_PATH = '/packages/staff/pages/reviews/index'

export const goLogin = (): void => {
  void Taro.switchTab({ url: '/pages/mine/index' })
}

export const goProfile = (): void => {
  void Taro.navigateTo({ url: '/pages/profile/index' })
}

export const goServices = (): void => {
  void Taro.switchTab({ url: '/pages/services/index' })
}

export const openApplication = (id: string, replace = false): void => {
  const url = `/pages/application/index?id=${encodeURIComponent(id)}`
  void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
}

export const openPage = (url: string): void => {
  void Taro.navigateTo({ url })
}

/** Back to the previous page, or to `fallback` (a tab) when this page was opened directly. */
export const goBackOr = (fallback: string): void => {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: fallback })
}
