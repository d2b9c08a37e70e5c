import { history } from '@tarojs/router'

/**
 * H5: the browser's back (or the phone's, in a browser) goes through the router's history, which
 * can hold a move back and retry it. Held, the page asks as its back bar does and leaves only on
 * 放弃. The app's own moves pass: forward ones keep this page and its typing in the stack, and a
 * move back the app asks for (Taro.navigateBack: after saving, or from the back bar, which asked
 * already) goes through `history.go`, marked here. Returns the undo.
 */
export const guardBack = (ask: () => Promise<boolean>, _message: string): (() => void) => {
  const go = history.go
  let byApp = false
  history.go = (delta: number) => {
    byApp = true
    go(delta)
  }
  const unblock = history.block((tx) => {
    if (tx.action !== 'POP' || byApp) {
      byApp = false
      unblock()
      tx.retry()
      return
    }
    void ask().then((leave) => {
      if (!leave) return
      unblock()
      tx.retry()
    })
  })
  return () => {
    unblock()
    history.go = go
  }
}
