import Taro from '@tarojs/taro'
import { errorMessage } from '../api/client'

/** Show the server's Chinese message for a failure; never a raw error. */
export const toastError = (e: unknown): void => {
  void Taro.showToast({ title: errorMessage(e), icon: 'none', duration: 2500 })
}

export const toastText = (title: string): void => {
  void Taro.showToast({ title, icon: 'none', duration: 2000 })
}

/**
 * A form refused on the phone: say so, and bring the first field's message into view — on a long
 * form it is otherwise below the fold and the toast alone says nothing about where.
 */
export const showFormErrors = (): void => {
  // Brief: the messages themselves are beside the fields, and a toast lingering mid-screen would
  // cover the ones below the first.
  void Taro.showToast({ title: '请检查填写内容', icon: 'none', duration: 1200 })
  // After React has rendered the messages: the first refused field.
  setTimeout(() => scrollToField('.form-field--error'), 60)
}

/**
 * Bring a field (its label and message) mid-screen, not under the title bar. H5 positions by the
 * element itself: Taro's pageScrollTo measures it against its card there, not the page.
 */
export const scrollToField = (selector: string): void => {
  if (process.env.TARO_ENV === 'h5') {
    document.querySelector(selector)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    return
  }
  void Taro.pageScrollTo({ selector, duration: 200, offsetTop: -120 }).catch(() => undefined)
}
