import Taro from '@tarojs/taro'

/**
 * While a form holds typing not saved, leaving by the phone's own back asks first. In WeChat that
 * is the platform's alert before the page unloads (the back key, the gesture and the bar's arrow
 * all pass through it); the H5 build has its own file (back-guard.h5.ts). Returns the undo.
 */
export const guardBack = (_ask: () => Promise<boolean>, message: string): (() => void) => {
  Taro.enableAlertBeforeUnload({ message })
  return () => Taro.disableAlertBeforeUnload()
}
