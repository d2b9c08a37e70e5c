import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Every route that touches a person or an application, for every kind of caller: the owner,
 * another resident, staff whose region holds the owner's community, staff of another region,
 * and nobody. "Not yours" is a 404 indistinguishable from a missing record; a role that may
 * never use a route gets 403; no login gets 401.
 */
let app: TestApp
const callers: Record<string, string | undefined> = { anonymous: undefined }
let personId: string
let applicationId: string
let draftPolicyId: string

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
  callers.owner = await devLogin(app, { openid: 'm-owner', role: 'resident' })
  callers.otherResident = await devLogin(app, { openid: 'm-other', role: 'resident' })
  callers.coordinatorHere = await devLogin(app, {
    openid: 'm-c1',
    role: 'coordinator',
    region: '320621100001',
  })
  callers.coordinatorElsewhere = await devLogin(app, {
    openid: 'm-c2',
    role: 'coordinator',
    region: '320621100002',
  })
  callers.streetHere = await devLogin(app, { openid: 'm-s1', role: 'street', region: '320621100' })
  callers.streetElsewhere = await devLogin(app, { openid: 'm-s2', role: 'street', region: '320621101' })
  callers.county = await devLogin(app, { openid: 'm-k', role: 'county', region: '320621' })
  await putMe(app, {
    token: callers.otherResident,
    body: aResident({ name: '路人甲', community: '320621101001' }),
  })
  personId = (await putMe(app, { token: callers.owner, body: aResident({ name: '主人公' }) })).body.id
  applicationId = (
    await call(app, 'POST', '/api/applications', {
      token: callers.owner,
      body: {
        type: 'training_subsidy',
        data: { course: '电工', institution: '海安市职业培训中心', finishedOn: '2026-10-30' },
        idempotencyKey: 'matrix-key-1',
      },
    })
  ).body.id
  draftPolicyId = (
    await call(app, 'POST', '/api/policies', {
      token: callers.county,
      body: {
        title: '矩阵测试政策',
        summary: '只用于检查各角色能否操作政策。',
        effectiveFrom: '2026-01-01',
        rules: { fact: 'registration', is: true },
      },
    })
  ).body.id
})
afterAll(() => app.close())

const POLICY_BODY = {
  title: '矩阵新建政策',
  summary: '只用于检查各角色能否新建政策。',
  effectiveFrom: '2026-01-01',
  rules: { fact: 'registration', is: true },
}

type Row = [string, string, () => string, unknown, Record<string, number>]
const rows: Row[] = [
  [
    'view a person',
    'GET',
    () => `/api/people/${personId}`,
    undefined,
    {
      anonymous: 401,
      owner: 200,
      otherResident: 404,
      coordinatorHere: 200,
      coordinatorElsewhere: 404,
      streetHere: 200,
      streetElsewhere: 404,
      county: 200,
    },
  ],
  [
    'reveal a person’s ID number',
    'GET',
    () => `/api/people/${personId}?reveal=idNumber`,
    undefined,
    {
      anonymous: 401,
      owner: 200,
      otherResident: 404,
      coordinatorHere: 200,
      coordinatorElsewhere: 404,
      streetHere: 200,
      streetElsewhere: 404,
      county: 200,
    },
  ],
  [
    'view an application',
    'GET',
    () => `/api/applications/${applicationId}`,
    undefined,
    {
      anonymous: 401,
      owner: 200,
      otherResident: 404,
      coordinatorHere: 200,
      coordinatorElsewhere: 404,
      streetHere: 200,
      streetElsewhere: 404,
      county: 200,
    },
  ],
  [
    'list the review queue',
    'GET',
    () => '/api/reviews',
    undefined,
    {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      coordinatorHere: 200,
      coordinatorElsewhere: 200,
      streetHere: 200,
      streetElsewhere: 200,
      county: 200,
    },
  ],
  [
    'decide at community review',
    'POST',
    () => `/api/reviews/${applicationId}`,
    { decision: 'reject', reason: '矩阵测试：只看权限' },
    {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      coordinatorElsewhere: 404,
      streetHere: 409,
      streetElsewhere: 404,
      county: 409,
    },
  ],
  [
    'withdraw an application',
    'POST',
    () => `/api/applications/${applicationId}/withdraw`,
    undefined,
    {
      anonymous: 401,
      otherResident: 404,
      coordinatorHere: 403,
      coordinatorElsewhere: 404,
      streetHere: 403,
      streetElsewhere: 404,
      county: 403,
    },
  ],
  [
    'see my own record',
    'GET',
    () => '/api/me',
    undefined,
    { anonymous: 401, owner: 200, otherResident: 200, coordinatorHere: 404 },
  ],
  [
    'read the public notice board',
    'GET',
    () => '/api/public-notices?community=320621100',
    undefined,
    { anonymous: 200, owner: 200, coordinatorElsewhere: 200 },
  ],
  [
    'object to a notice',
    'POST',
    () => `/api/public-notices/${applicationId}/objections`,
    { reason: '矩阵测试的异议' },
    { anonymous: 401 },
  ],
  ['read my inbox', 'GET', () => '/api/inbox', undefined, { anonymous: 401, owner: 200, county: 200 }],
  [
    'add a key group to a person',
    'POST',
    () => `/api/people/${personId}/key-groups`,
    { group: 'relatively_poor', since: '2026-10-01', reason: '矩阵测试' },
    {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      coordinatorElsewhere: 404,
      streetElsewhere: 404,
      coordinatorHere: 201,
      streetHere: 409,
      county: 409,
    },
  ],
  [
    'end a key group the person does not hold',
    'POST',
    () => `/api/people/${personId}/key-groups/veteran/end`,
    { date: '2026-11-23', reason: '矩阵测试' },
    {
      anonymous: 401,
      owner: 403,
      coordinatorElsewhere: 404,
      streetElsewhere: 404,
      coordinatorHere: 409,
      county: 409,
    },
  ],
  [
    'decide a declaration that does not exist',
    'POST',
    () => `/api/people/${personId}/key-groups/graduate/decision`,
    { decision: 'confirm' },
    { anonymous: 401, owner: 403, coordinatorElsewhere: 404, coordinatorHere: 404 },
  ],
  [
    'declare a key group for myself',
    'POST',
    () => '/api/me/key-groups',
    { group: 'veteran', since: '2020-09-01' },
    { anonymous: 401, owner: 200, coordinatorHere: 404 },
  ],
  [
    'list declarations waiting for confirmation',
    'GET',
    () => '/api/key-group-claims',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 200, coordinatorElsewhere: 200, county: 200 },
  ],
  [
    'record a benefit enjoyed',
    'POST',
    () => `/api/people/${personId}/enjoyments`,
    { policyId: 'pol_matrix_none', from: '2026-01', to: null, note: '矩阵测试' },
    {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      coordinatorElsewhere: 404,
      streetElsewhere: 404,
      coordinatorHere: 400,
    },
  ],
  [
    'browse the policy catalogue',
    'GET',
    () => '/api/policies',
    undefined,
    { anonymous: 200, owner: 200, coordinatorHere: 200, county: 200 },
  ],
  [
    'list draft policies',
    'GET',
    () => '/api/policies?status=draft',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 200, county: 200 },
  ],
  [
    'read a draft policy',
    'GET',
    () => `/api/policies/${draftPolicyId}`,
    undefined,
    { anonymous: 404, owner: 404, coordinatorHere: 404, streetHere: 200, county: 200 },
  ],
  [
    'create a policy',
    'POST',
    () => '/api/policies',
    POLICY_BODY,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 201 },
  ],
  [
    'edit a policy',
    'PUT',
    () => `/api/policies/${draftPolicyId}`,
    POLICY_BODY,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 200 },
  ],
  [
    'publish a policy',
    'POST',
    () => `/api/policies/${draftPolicyId}/publish`,
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 200 },
  ],
  [
    "see a policy's versions",
    'GET',
    () => `/api/policies/${draftPolicyId}/versions`,
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 200, county: 200 },
  ],
  [
    'withdraw a policy',
    'POST',
    () => `/api/policies/${draftPolicyId}/withdraw`,
    { reason: '矩阵测试' },
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 200 },
  ],
  [
    'see my eligibility',
    'GET',
    () => '/api/me/eligibility',
    undefined,
    { anonymous: 401, owner: 200, otherResident: 200, coordinatorHere: 404 },
  ],
  [
    'publish a policy notice',
    'POST',
    () => '/api/policy-notices',
    { title: '矩阵测试通知', body: '只用于检查各角色能否发布政策通知。', policyIds: ['pol_matrix_none'] },
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 400 },
  ],
  [
    'read policy notices',
    'GET',
    () => '/api/policy-notices',
    undefined,
    { anonymous: 200, owner: 200, county: 200 },
  ],
  [
    'see policy reach',
    'GET',
    () => '/api/policy-reach?region=320621100001',
    undefined,
    {
      anonymous: 401,
      owner: 403,
      coordinatorHere: 200,
      coordinatorElsewhere: 403,
      streetHere: 200,
      streetElsewhere: 403,
      county: 200,
    },
  ],
  [
    'list eligible but not enjoying',
    'GET',
    () => '/api/policy-reach/unenjoyed',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 200, streetHere: 200, county: 200 },
  ],
  [
    'record a policy briefing',
    'POST',
    () => `/api/policy-reach/pol_matrix_none:${personId}/explained`,
    { channel: 'phone', date: '2026-11-23' },
    { anonymous: 401, owner: 403, coordinatorHere: 404 },
  ],
  [
    'list deduction candidates',
    'GET',
    () => '/api/policy-deductions?quarter=2026Q3',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 200, county: 200 },
  ],
  [
    'decide a deduction candidate',
    'POST',
    () => `/api/policy-deductions/2026Q3:pol_matrix_none:${personId}`,
    { decision: 'dismiss', reason: '矩阵测试' },
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 404 },
  ],
  [
    'list the applications of my region',
    'GET',
    () => '/api/interests',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 200, streetHere: 200, county: 200 },
  ],
  [
    'record what came of an application',
    'POST',
    () => '/api/interests/int_matrix_none/outcome',
    { outcome: 'interview' },
    { anonymous: 401, owner: 403, coordinatorHere: 404, county: 404 },
  ],
  [
    'see the jobs pushed to my region',
    'GET',
    () => '/api/job-pushes',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 200, county: 200 },
  ],
  [
    'register a returnee on a visit',
    'PUT',
    () => `/api/people/${personId}/returnee`,
    { returnedAt: '2026-11-01', lastWorkplace: '苏州工业园区', wantsLocalWork: true },
    {
      anonymous: 401,
      owner: 403,
      otherResident: 403,
      coordinatorElsewhere: 404,
      streetElsewhere: 404,
      coordinatorHere: 200,
    },
  ],
  [
    'correct a vacancy',
    'PUT',
    () => '/api/vacancies/vac_matrix_none',
    {
      title: '矩阵岗位',
      category: 'textile',
      count: 1,
      salaryMin: 4000,
      salaryMax: 5000,
      region: '320621100',
      validUntil: '2027-02-28',
      description: '只用于检查各角色能否修改岗位。',
    },
    { anonymous: 401, owner: 403, coordinatorHere: 404, streetHere: 404, county: 404 },
  ],
  [
    'count returning migrant workers in the Spring Festival',
    'GET',
    () => '/api/returnee-campaign',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 200, streetHere: 200, county: 200 },
  ],
  [
    'define a public-welfare post',
    'POST',
    () => '/api/welfare-posts',
    { title: '矩阵保洁员', employer: '海安镇城管办', town: '320621100', count: 1, subsidyPerMonth: 1800 },
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 403, county: 201 },
  ],
  [
    'list candidates for a public-welfare post',
    'GET',
    () => '/api/welfare-posts/wfp_matrix_none/candidates',
    undefined,
    { anonymous: 401, owner: 403, coordinatorHere: 404, county: 404 },
  ],
  [
    'allocate a public-welfare post',
    'POST',
    () => '/api/welfare-posts/wfp_matrix_none/allocations',
    { personId: 'psn_matrix_none' },
    { anonymous: 401, owner: 403, coordinatorHere: 403, streetHere: 404, county: 404 },
  ],
]

describe.each(rows)('%s', (_name, method, path, body, expected) => {
  it.each(Object.entries(expected))('as %s → %i', async (caller, status) => {
    const res = await call(app, method, path(), { token: callers[caller], body })
    expect(res.status).toBe(status)
  })
})

it('left the application untouched by every refused attempt', async () => {
  const res = await call(app, 'GET', `/api/applications/${applicationId}`, { token: callers.owner })
  expect(res.body.status).toBe('community_review')
  expect(res.body.timeline).toHaveLength(1)
})
