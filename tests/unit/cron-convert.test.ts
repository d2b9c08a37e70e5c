import { CronError, parseCron, toAwsCron, toCloudbaseCron } from '../../functions/platform/cron-convert'

describe('toAwsCron', () => {
  it.each([
    ['30 1 * * *', 'cron(30 1 * * ? *)'],
    ['0 0 1 * *', 'cron(0 0 1 * ? *)'],
    ['*/15 * * * *', 'cron(0/15 * * * ? *)'],
    ['0 */2 * * *', 'cron(0 0/2 * * ? *)'],
    ['0 0 */2 * *', 'cron(0 0 1/2 * ? *)'],
    ['0 0 1 */3 *', 'cron(0 0 1 1/3 ? *)'],
    ['5/20 * * * *', 'cron(5/20 * * * ? *)'],
    ['0 9 * * 1-5', 'cron(0 9 ? * MON-FRI *)'],
    ['0 9 * * mon-fri', 'cron(0 9 ? * MON-FRI *)'],
    ['0 9 * * 0,6', 'cron(0 9 ? * SUN,SAT *)'],
    ['0 9 * * 7', 'cron(0 9 ? * SUN *)'],
    ['0 9 * * 5-7', 'cron(0 9 ? * SUN,FRI,SAT *)'],
    ['0 9 * * 1,2', 'cron(0 9 ? * MON,TUE *)'],
    ['0 0 * * */2', 'cron(0 0 ? * SUN,TUE,THU,SAT *)'],
    ['0 8-18 * * *', 'cron(0 8-18 * * ? *)'],
    ['0,30 8 * * *', 'cron(0,30 8 * * ? *)'],
    ['0 0 1-10/3 * *', 'cron(0 0 1,4,7,10 * ? *)'],
    ['0 0 1 JAN,jul *', 'cron(0 0 1 1,7 ? *)'],
    ['  30   1 * * *  ', 'cron(30 1 * * ? *)'],
  ])('%s -> %s', (cron, aws) => {
    expect(toAwsCron(cron)).toBe(aws)
  })

  it('always yields six fields with exactly one `?`', () => {
    for (const cron of ['30 1 * * *', '0 9 * * 1-5', '0 0 15 * *']) {
      const fields = /^cron\((.*)\)$/.exec(toAwsCron(cron))![1]!.split(' ')
      expect(fields).toHaveLength(6)
      expect(fields.filter((f) => f === '?')).toHaveLength(1)
      expect(fields[5]).toBe('*')
    }
  })
})

describe('toCloudbaseCron', () => {
  it.each([
    ['30 1 * * *', '0 30 1 * * * *'],
    ['0 0 1 * *', '0 0 0 1 * * *'],
    ['*/15 * * * *', '0 0/15 * * * * *'],
    ['0 9 * * 1-5', '0 0 9 * * MON-FRI *'],
    ['0 9 * * 0', '0 0 9 * * SUN *'],
    ['0 9 * * 7', '0 0 9 * * SUN *'],
    ['0 0 1 */3 *', '0 0 0 1 1/3 * *'],
    ['0 0 1-10/3 * *', '0 0 0 1,4,7,10 * * *'],
  ])('%s -> %s', (cron, cloudbase) => {
    expect(toCloudbaseCron(cron)).toBe(cloudbase)
  })

  it('yields seven fields: second first, year last', () => {
    const fields = toCloudbaseCron('30 1 * * *').split(' ')
    expect(fields).toHaveLength(7)
    expect(fields[0]).toBe('0')
    expect(fields[6]).toBe('*')
  })
})

describe('rejected expressions', () => {
  it.each([
    ['30 1 * *', /expected 5 fields/],
    ['0 30 1 * * *', /expected 5 fields/],
    ['@daily', /expected 5 fields/],
    ['60 1 * * *', /minute 60 is outside 0-59/],
    ['0 24 * * *', /hour 24 is outside 0-23/],
    ['0 0 0 * *', /day-of-month 0 is outside 1-31/],
    ['0 0 * 13 *', /month 13 is outside 1-12/],
    ['0 0 * * 8', /day-of-week 8 is outside 0-7/],
    ['0 0 L * *', /bad day-of-month value "L"/],
    ['0 0 ? * *', /bad day-of-month value "\?"/],
    ['0 0 * * 1#2', /bad day-of-week value "1#2"/],
    ['0 0 5-1 * *', /runs backwards/],
    ['*/0 * * * *', /bad minute step/],
    ['1/2/3 * * * *', /bad minute/],
    ['*,5 * * * *', /lists \* with other values/],
    ['0 0 1,2 * 1', /both day-of-month and day-of-week are restricted/],
    ['0 0 1 * */2', /both day-of-month and day-of-week are restricted/],
  ])('%s', (cron, message) => {
    expect(() => toAwsCron(cron)).toThrow(CronError)
    expect(() => toAwsCron(cron)).toThrow(message)
    expect(() => toCloudbaseCron(cron)).toThrow(message)
  })
})

describe('parseCron', () => {
  it('records whether a field is unrestricted', () => {
    const parsed = parseCron('30 1 * * 1-5')
    expect(parsed.dayOfMonth.any).toBe(true)
    expect(parsed.dayOfWeek.any).toBe(false)
    expect(parsed.minute.items).toEqual([{ kind: 'value', value: 30 }])
  })
})
