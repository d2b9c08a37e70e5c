import * as chineseDays from 'chinese-days'
import {
  addWorkdays,
  createWorkdayCalendar,
  firstWorkdayOfMonth,
  isWorkday,
  knowsHolidays,
  OFFICIAL_DAYS,
  WORKDAY_OVERRIDES,
  workdayOverridesFileSchema,
  workdaysBetween,
} from '../../functions/platform/workdays'
import overridesFile from '../../infra/data/workday-overrides.json'

/** A Shanghai wall-clock time as an instant. */
const shanghai = (local: string) => new Date(`${local}+08:00`)
/** The instant a working-day period ending on `date` closes. */
const endOf = (date: string) => shanghai(`${date}T23:59:59.999`)

/** Every date from `from` to `to`, both included. */
const datesFrom = (from: string, to: string): string[] => {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}
const workdaysIn = (from: string, to: string) => datesFrom(from, to).filter((d) => isWorkday(d))

describe('the 2026 arrangement, as the package carries the State Council notice', () => {
  it('Spring Festival: 15-23 February off, Saturdays 14 and 28 February worked', () => {
    expect(workdaysIn('2026-02-09', '2026-03-01')).toEqual([
      ...['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13'],
      '2026-02-14', // Saturday, 调休上班
      ...['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27'],
      '2026-02-28', // Saturday, 调休上班
    ])
  })

  it('Mid-Autumn 25-27 September and National Day 1-7 October off, Sunday 20 September and Saturday 10 October worked', () => {
    expect(workdaysIn('2026-09-19', '2026-10-11')).toEqual([
      '2026-09-20', // Sunday, 调休上班
      ...['2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24'],
      ...['2026-09-28', '2026-09-29', '2026-09-30'],
      ...['2026-10-08', '2026-10-09'],
      '2026-10-10', // Saturday, 调休上班
    ])
  })

  it('New Year: 1-3 January off, Sunday 4 January worked', () => {
    expect(workdaysIn('2026-01-01', '2026-01-05')).toEqual(['2026-01-04', '2026-01-05'])
  })

  it('has ordinary weekends and weekdays elsewhere', () => {
    expect(isWorkday('2026-03-07')).toBe(false) // Saturday
    expect(isWorkday('2026-03-08')).toBe(false) // Sunday
    expect(isWorkday('2026-03-09')).toBe(true) // Monday
  })

  it('counts whole months', () => {
    expect(workdaysBetween('2026-08-31', '2026-09-30')).toBe(22) // 22 weekdays − 25th + Sunday 20th
    expect(workdaysBetween('2026-09-30', '2026-10-31')).toBe(18) // 22 weekdays − 5 holidays + Saturday 10th
    expect(workdaysBetween('2026-01-31', '2026-02-28')).toBe(16) // 20 weekdays − 6 holidays + two Saturdays
  })
})

describe('isWorkday', () => {
  it('reads an instant by its Shanghai date', () => {
    // 2026-09-30T17:00Z is 1 October 01:00 in Shanghai (National Day), still 30 September in UTC.
    expect(isWorkday(new Date('2026-09-30T17:00:00Z'))).toBe(false)
    expect(isWorkday(new Date('2026-09-30T15:59:59.999Z'))).toBe(true)
    expect(isWorkday(new Date('2026-09-30T16:00:00Z'))).toBe(false)
    expect(isWorkday(shanghai('2026-02-14T09:00:00'))).toBe(true)
  })

  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-9-1', '2026-02-30', '20260901', '2026-09-01T00:00:00Z', '', 'tomorrow']) {
      expect(() => isWorkday(bad)).toThrow()
    }
    expect(() => isWorkday(new Date('nonsense'))).toThrow()
  })
})

describe('addWorkdays', () => {
  it('ends a 5-working-day notice published Thursday 24 September 2026 on Friday 9 October', () => {
    for (const published of ['2026-09-24T00:00:00', '2026-09-24T10:30:00', '2026-09-24T23:59:59']) {
      expect(addWorkdays(shanghai(published), 5).toISOString()).toBe('2026-10-09T15:59:59.999Z')
    }
  })

  it('counts a weekend make-up day as a working day', () => {
    expect(addWorkdays(shanghai('2026-02-13T10:00:00'), 1)).toEqual(endOf('2026-02-14'))
    expect(addWorkdays(shanghai('2026-02-13T10:00:00'), 2)).toEqual(endOf('2026-02-24'))
    expect(addWorkdays(shanghai('2026-09-18T10:00:00'), 1)).toEqual(endOf('2026-09-20'))
  })

  it('with n = 0 ends the start day itself, whatever kind of day it is', () => {
    expect(addWorkdays(shanghai('2026-09-24T10:00:00'), 0)).toEqual(endOf('2026-09-24'))
    expect(addWorkdays(shanghai('2026-10-03T10:00:00'), 0)).toEqual(endOf('2026-10-03'))
  })

  it('counts from the day after a start on a holiday', () => {
    expect(addWorkdays(shanghai('2026-10-03T10:00:00'), 1)).toEqual(endOf('2026-10-08'))
    expect(addWorkdays(shanghai('2026-10-03T10:00:00'), 3)).toEqual(endOf('2026-10-10'))
    expect(addWorkdays(shanghai('2026-02-15T10:00:00'), 1)).toEqual(endOf('2026-02-24'))
  })

  it('takes the start day in Shanghai, not in UTC', () => {
    // 29 September 23:30 in Shanghai: the next working day is the 30th.
    expect(addWorkdays(new Date('2026-09-29T15:30:00Z'), 1)).toEqual(endOf('2026-09-30'))
    // 30 September 00:30 in Shanghai (still the 29th in UTC): the 30th is the start day, so 8 October.
    expect(addWorkdays(new Date('2026-09-29T16:30:00Z'), 1)).toEqual(endOf('2026-10-08'))
    // 1 October 01:00 in Shanghai (30 September in UTC): a holiday start, 8 and 9 October follow.
    expect(addWorkdays(new Date('2026-09-30T17:00:00Z'), 2)).toEqual(endOf('2026-10-09'))
  })

  it('crosses years', () => {
    expect(addWorkdays(shanghai('2025-12-31T10:00:00'), 1)).toEqual(endOf('2026-01-04'))
  })

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkdays(shanghai('2026-09-24T10:00:00'), -1)).toThrow(RangeError)
    expect(() => addWorkdays(shanghai('2026-09-24T10:00:00'), 1.5)).toThrow(RangeError)
    expect(() => addWorkdays(shanghai('2026-09-24T10:00:00'), Number.NaN)).toThrow(RangeError)
  })

  it('is undone by workdaysBetween', () => {
    for (const start of [
      '2026-01-01',
      '2026-02-13',
      '2026-04-30',
      '2026-09-18',
      '2026-09-24',
      '2026-12-25',
    ]) {
      for (const n of [0, 1, 2, 5, 10, 20]) {
        const end = addWorkdays(shanghai(`${start}T10:00:00`), n)
        expect([start, n, workdaysBetween(start, end)]).toEqual([start, n, n])
        expect(isWorkday(end) || n === 0).toBe(true)
      }
    }
  })
})

describe('workdaysBetween', () => {
  it('counts (a, b]: the first day never, the last day when it is a working day', () => {
    expect(workdaysBetween('2026-09-24', '2026-10-09')).toBe(5)
    expect(workdaysBetween('2026-09-23', '2026-09-24')).toBe(1)
    expect(workdaysBetween('2026-09-24', '2026-09-25')).toBe(0)
  })

  it('is 0 for an empty or backwards interval', () => {
    expect(workdaysBetween('2026-09-24', '2026-09-24')).toBe(0)
    expect(workdaysBetween('2026-10-09', '2026-09-24')).toBe(0)
  })

  it('takes instants by their Shanghai dates', () => {
    // 1 October 01:00 Shanghai to 9 October: 8 and 9 October.
    expect(workdaysBetween(new Date('2026-09-30T17:00:00Z'), '2026-10-09')).toBe(2)
    // 30 September 23:59 Shanghai: the same.
    expect(workdaysBetween(new Date('2026-09-30T15:59:00Z'), '2026-10-09')).toBe(2)
    // 29 September 23:59 Shanghai: 30 September counts too.
    expect(workdaysBetween(new Date('2026-09-29T15:59:00Z'), new Date('2026-10-09T15:00:00Z'))).toBe(3)
  })
})

describe('firstWorkdayOfMonth', () => {
  it.each([
    [2026, 1, '2026-01-04'], // 1-3 January off, Sunday the 4th worked
    [2026, 2, '2026-02-02'],
    [2026, 3, '2026-03-02'],
    [2026, 5, '2026-05-06'],
    [2026, 8, '2026-08-03'],
    [2026, 10, '2026-10-08'],
    [2026, 12, '2026-12-01'],
    [2025, 2, '2025-02-05'], // Spring Festival 28 January - 4 February 2025
  ])('%i-%i -> %s', (year, month, first) => {
    expect(firstWorkdayOfMonth(year, month)).toBe(first)
  })

  it('refuses months outside 1-12 and odd years', () => {
    expect(() => firstWorkdayOfMonth(2026, 0)).toThrow(RangeError)
    expect(() => firstWorkdayOfMonth(2026, 13)).toThrow(RangeError)
    expect(() => firstWorkdayOfMonth(2026, 1.5)).toThrow(RangeError)
    expect(() => firstWorkdayOfMonth(26, 1)).toThrow(RangeError)
  })
})

describe('overrides', () => {
  const calendar = createWorkdayCalendar(
    {
      '2026-10-09': 'holiday', // a package working day made a holiday
      '2026-10-11': 'workday', // an ordinary Sunday made a working day
      '2026-10-07': 'workday', // a package holiday made a working day
      '2026-10-10': 'holiday', // a package make-up Saturday made a holiday again
    },
    OFFICIAL_DAYS,
  )

  it('win over the package both ways', () => {
    expect(calendar.isWorkday('2026-10-09')).toBe(false)
    expect(calendar.isWorkday('2026-10-11')).toBe(true)
    expect(calendar.isWorkday('2026-10-07')).toBe(true)
    expect(calendar.isWorkday('2026-10-10')).toBe(false)
    expect(calendar.isWorkday('2026-10-08')).toBe(true)
    expect(calendar.isWorkday('2026-10-06')).toBe(false)
  })

  it('move deadlines', () => {
    // 28, 29, 30 September, 7 October (now worked), 8 October; the 9th and 10th are now off.
    expect(calendar.addWorkdays(shanghai('2026-09-24T10:00:00'), 5)).toEqual(endOf('2026-10-08'))
    expect(calendar.addWorkdays(shanghai('2026-09-24T10:00:00'), 6)).toEqual(endOf('2026-10-11'))
    expect(calendar.workdaysBetween('2026-09-30', '2026-10-31')).toBe(18 + 1 - 1 - 1 + 1)
    expect(calendar.firstWorkdayOfMonth(2026, 10)).toBe('2026-10-07')
  })

  it('fill a year the package does not know yet', () => {
    const year = 2099 // made-up entries: nothing here claims what any State Council notice says
    const plain = createWorkdayCalendar({}, OFFICIAL_DAYS)
    const patched = createWorkdayCalendar({ '2099-01-01': 'holiday', '2099-01-03': 'workday' }, OFFICIAL_DAYS)
    expect(plain.knowsHolidays(year)).toBe(false)
    expect(plain.isWorkday('2099-01-01')).toBe(true) // a Thursday, with no data
    expect(plain.isWorkday('2099-01-03')).toBe(false) // a Saturday
    expect(patched.knowsHolidays(year)).toBe(true)
    expect(patched.isWorkday('2099-01-01')).toBe(false)
    expect(patched.isWorkday('2099-01-03')).toBe(true)
  })

  it('must be real dates', () => {
    expect(() => createWorkdayCalendar({ '2026-02-30': 'holiday' }, OFFICIAL_DAYS)).toThrow()
    expect(() => createWorkdayCalendar({ '2026/10/08': 'holiday' }, OFFICIAL_DAYS)).toThrow()
  })
})

describe('the overrides file', () => {
  it('is valid and is what the module uses', () => {
    const parsed = workdayOverridesFileSchema.parse(overridesFile)
    expect(parsed.note.length).toBeGreaterThan(0)
    expect(WORKDAY_OVERRIDES).toEqual(parsed.days)
  })

  it('holds only real dates marked workday or holiday', () => {
    const ok = { note: 'x', days: { '2027-02-06': 'holiday', '2027-02-20': 'workday' } }
    expect(workdayOverridesFileSchema.safeParse(ok).success).toBe(true)
    for (const days of [
      { '2027-02-30': 'holiday' },
      { '2027-2-6': 'holiday' },
      { '2027-02-06': 'off' },
      { '2027-02-06': true },
    ]) {
      expect(workdayOverridesFileSchema.safeParse({ note: 'x', days }).success).toBe(false)
    }
    expect(workdayOverridesFileSchema.safeParse({ days: {} }).success).toBe(false)
    expect(workdayOverridesFileSchema.safeParse({ note: 'x', day: {} }).success).toBe(false)
  })
})

describe('the package data', () => {
  it('covers 2004 to 2026; later years are plain weekdays until the package or the overrides catch up', () => {
    expect(knowsHolidays(2003)).toBe(false)
    for (let year = 2004; year <= 2026; year++) expect([year, knowsHolidays(year)]).toEqual([year, true])
  })

  it('agrees with the package’s own isWorkday, where that one works', () => {
    // The package's functions read dates in the process's local zone and are only right at UTC
    // or east of it (see functions/platform/workdays.ts); elsewhere there is nothing to compare.
    if (new Date(2026, 0, 1).getTimezoneOffset() > 0) return
    const disagreements = datesFrom('2004-01-01', '2026-12-31').filter(
      (d) => isWorkday(d) !== chineseDays.isWorkday(d),
    )
    expect(disagreements).toEqual([])
  })
})
