import { createLogger, maskText, redact, setLogSink } from '../../functions/platform/logger'

describe('logs never carry personal data', () => {
  it('masks resident ID numbers and mobile numbers inside any text', () => {
    expect(maskText('身份证 320621199001011234 已核验')).toBe('身份证 320***********1234 已核验')
    expect(maskText('11010519491231002X')).toBe('110***********002X')
    expect(maskText('手机 13912345678')).toBe('手机 139****5678')
    // Landlines and job ids are not personal numbers and stay readable.
    expect(maskText('0513-88123456 hj00012')).toBe('0513-88123456 hj00012')
  })

  it('drops secret and personal fields wherever they are nested', () => {
    expect(
      redact({ headers: { authorization: 'Bearer x' }, person: { idNumber: '1', phone: '2', name: '张三' } }),
    ).toEqual({
      headers: { authorization: '[redacted]' },
      person: { idNumber: '[redacted]', phone: '[redacted]', name: '张三' },
    })
  })

  it('writes one JSON line per entry, redacted', () => {
    const lines: string[] = []
    setLogSink((l) => lines.push(l))
    createLogger({ requestId: 'r1' }).info('登记', { note: '号码 13912345678', token: 'abc' })
    const entry = JSON.parse(lines[0]!)
    expect(entry).toMatchObject({
      level: 'info',
      msg: '登记',
      requestId: 'r1',
      note: '号码 139****5678',
      token: '[redacted]',
    })
  })
})
