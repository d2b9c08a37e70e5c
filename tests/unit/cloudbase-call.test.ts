import { toHttpEvent } from '../../functions/runtime/cloudbase'

describe('a wx.cloud.callFunction call becomes the gateway event', () => {
  it('maps method, path, query and body, with the platform openid', () => {
    const event = toHttpEvent(
      'jobs',
      {
        $http: { method: 'get', path: '/api/jobs/hj00001', query: { publicWelfare: true, q: '', limit: 5 } },
      },
      'o-openid',
      'req-1',
    )
    expect(event).toMatchObject({
      routeKey: 'GET /api/jobs/{id}',
      pathParameters: { id: 'hj00001' },
      queryStringParameters: { publicWelfare: 'true', limit: '5' },
      body: null,
      requestContext: { requestId: 'req-1', cloudbase: { openid: 'o-openid' } },
    })
  })

  it('serialises a body as JSON', () => {
    const event = toHttpEvent(
      'auth',
      { $http: { method: 'POST', path: '/api/auth/wechat-login', body: { code: 'c' } } },
      undefined,
      undefined,
    )
    expect(event?.body).toBe('{"code":"c"}')
    expect(event?.headers['content-type']).toBe('application/json')
    expect(event?.requestContext.cloudbase).toBeUndefined()
  })

  it("refuses a route of another function, so one function can't be used to reach another's", () => {
    expect(toHttpEvent('health', { $http: { method: 'GET', path: '/api/jobs' } }, 'o', 'r')).toBeNull()
  })
})
