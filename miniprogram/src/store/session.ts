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
