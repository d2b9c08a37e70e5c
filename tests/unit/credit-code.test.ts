import { creditCodeProblem, creditCodeSchema } from '../../shared/employers/credit-code'

/** Unified social credit codes (GB 32100-2015): published codes pass, every kind of slip is named. */
describe('unified social credit code', () => {
  it.each(['91350100M000100Y43', '9144030071526726XG', '91110000802100433B', '91320621MA1XYW1234'])(
    'accepts %s',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull()
    },
  )

  it('accepts lower case and spaces around, and stores the code in upper case', () => {
    expect(creditCodeSchema.parse(' 9144030071526726xg ')).toBe('9144030071526726XG')
  })

  it.each([
    ['9144030071526726X', 'length'],
    ['9144030071526726XGG', 'length'],
    ['9144030071526726IG', 'characters'],
    ['91440300715267260O', 'characters'],
    ['91A40300715267262G', 'region'],
    ['9144030071526726XA', 'check'],
    ['91350100M000100Y44', 'check'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem)
  })

  it('says which rule failed, in Chinese', () => {
    const r = creditCodeSchema.safeParse('91350100M000100Y44')
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe('统一社会信用代码校验位不正确，请核对营业执照')
  })
})
