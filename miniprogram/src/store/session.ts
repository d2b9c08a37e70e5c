import Taro from '@tarojs/taro'

const TOKEN_KEY = 'session.token'

export const getToken = (): string => {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_KEY)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

export const setToken = (token: string): void => {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export const clearToken = (): void => {
  Taro.removeStorageSync(TOKEN_KEY)
}

/**
 * Whether a call may carry an identity: a stored token, or on weapp the WeChat session itself
 * (cloud calls are identified by the platform, and the 我的 page logs in there).
 */
export const mayHaveSession = (): boolean => getToken() !== '' || process.env.TARO_ENV === 'weapp'
