import { API_ROUTES, fillPath, matchPath, routeKey } from '../../shared/api/routes'

describe('route paths', () => {
  it('matches a concrete path and decodes its parameters', () => {
    expect(matchPath('/api/jobs/{id}', '/api/jobs/hj00012')).toEqual({ id: 'hj00012' })
    expect(matchPath('/api/jobs/{id}', '/api/jobs/%E5%B2%97')).toEqual({ id: '岗' })
    expect(matchPath('/api/jobs', '/api/jobs')).toEqual({})
  })

  it('does not match other shapes, empty parameters or broken escapes', () => {
    expect(matchPath('/api/jobs/{id}', '/api/jobs')).toBeNull()
    expect(matchPath('/api/jobs/{id}', '/api/jobs/')).toBeNull()
    expect(matchPath('/api/jobs/{id}', '/api/jobs/a/b')).toBeNull()
    expect(matchPath('/api/jobs/{id}', '/api/jobs/%E5%B2')).toBeNull()
  })

  it('fills parameters, encoding them, and refuses a missing one', () => {
    expect(fillPath(API_ROUTES.getJob.path, { id: 'a b' })).toBe('/api/jobs/a%20b')
    expect(() => fillPath(API_ROUTES.getJob.path)).toThrow('missing path parameter id')
  })

  it('gives every route a unique gateway key', () => {
    const keys = Object.values(API_ROUTES).map(routeKey)
    expect(new Set(keys).size).toBe(keys.length)
    expect(routeKey(API_ROUTES.getJob)).toBe('GET /api/jobs/{id}')
  })
})
