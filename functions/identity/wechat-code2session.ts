import { AppError } from '../../shared/errors'

/**
 * WeChat login: exchange the mini-program's `wx.login` code for the user's openid.
 * A port, so tests and the local host can stand in for WeChat's server.
 */
export interface WechatAuth {
  code2session(code: string): Promise<{ openid: string }>
}

export const wechatAuth = (appid: string | undefined, secret: string | undefined): WechatAuth => ({
  async code2session(code) {
    if (!appid || !secret) throw new AppError('AUTH.WECHAT_LOGIN_FAILED', { message: '未配置微信登录' })
    const url = new URL('https://api.weixin.qq.com/sns/jscode2session')
    url.search = new URLSearchParams({
      appid,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString()
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) }).catch((cause) => {
      throw new AppError('AUTH.WECHAT_LOGIN_FAILED', { cause })
    })
    const body = (await res.json().catch(() => ({}))) as { openid?: string; errcode?: number }
    if (!res.ok || !body.openid) throw new AppError('AUTH.WECHAT_LOGIN_FAILED')
    return { openid: body.openid }
  },
})
