import Taro from '@tarojs/taro'

/**
 * Before leaving a form with unsaved typing: ask, and leave only on 放弃. Untouched forms leave
 * at once. Give it to PageShell's `beforeLeave`.
 */
export const confirmDiscard = async (dirty: boolean, title = '放弃填写？'): Promise<boolean> =>
  !dirty ||
  (
    await Taro.showModal({
      title,
      content: '离开后已填写的内容不会保存。',
      confirmText: '放弃',
      cancelText: '继续填写',
    })
  ).confirm
