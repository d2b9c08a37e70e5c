import Taro from '@tarojs/taro'
import { errorMessage } from '../api/client'

/** Show the server's Chinese message for a failure; never a raw error. */
export const toastError = (e: unknown): void => {
  void Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 2500 })
}

export const toastText = (title: string): void => {
  void Taro.showToast({ title, icon: 'none', duration: 2000 })
}
