import { history } from '@tarojs/router'

/**
 * H5: the browser's back (or the phone's, in a browser) goes through the router's history, which
 * can hold a move back and retry it. Held, the page asks as its back bar does and leaves only on
 * 放弃. Moves forward keep this page and its typing in the stack, so they pass. Returns the undo.
 */
export const guardBack = (ask: () => Promise<boolean>, _message: string): (() => void) => {
  const unblock = history.block((tx) => {
    if (tx.action !== 'POP') {
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
  return unblock
}
