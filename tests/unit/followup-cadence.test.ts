import { addMonths, followupDue, periodEnd, periodOf } from '../../shared/followups/followup'

describe('follow-up cadence', () => {
  it('follows the unemployed monthly, flexible and no-wish half-yearly, stable yearly', () => {
    expect(followupDue('unemployed', '2026-01', '2026-02')).toBe(true)
    expect(followupDue('unemployed', '2026-02', '2026-02')).toBe(false)
    expect(followupDue('flexible', '2026-01', '2026-06')).toBe(false)
    expect(followupDue('flexible', '2026-01', '2026-07')).toBe(true)
    expect(followupDue('no_wish', '2025-09', '2026-03')).toBe(true)
    expect(followupDue('stable', '2026-03', '2027-02')).toBe(false)
    expect(followupDue('stable', '2026-03', '2027-03')).toBe(true)
  })

  it('is due at once for someone never followed up', () => {
    expect(followupDue('stable', null, '2026-12')).toBe(true)
  })

  it('counts months across a year end', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02')
    expect(followupDue('flexible', '2026-09', '2027-03')).toBe(true)
  })

  it('reads the period in Shanghai time: the evening of the 31st UTC is already next month', () => {
    expect(periodOf(new Date('2026-01-31T15:59:59.999Z'))).toBe('2026-01')
    expect(periodOf(new Date('2026-01-31T16:00:00.000Z'))).toBe('2026-02')
    expect(periodOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01')
  })

  it('ends a period on its last calendar day, leap years included', () => {
    expect(periodEnd('2026-02')).toBe('2026-02-28')
    expect(periodEnd('2028-02')).toBe('2028-02-29')
    expect(periodEnd('2026-12')).toBe('2026-12-31')
    expect(periodEnd('2026-04')).toBe('2026-04-30')
  })
})
