import {
  ageOn,
  idCheckChar,
  idNumberFacts,
  idNumberSchema,
  isValidIdNumber,
  isValidMobile,
  maskIdNumber,
  maskMobile,
  maskName,
  mobileSchema,
  normaliseIdNumber,
  normaliseMobile,
  personNameSchema,
} from '../../shared/people/identity-numbers'

/**
 * Every ID number here is made up: 17 digits plus a check character computed below, independently
 * of the module (ISO 7064 MOD 11-2 from first principles: the weight of position i counted from the
 * right, check character at position 1, is 2^(i-1) mod 11, and the check makes the sum 1 mod 11).
 */
const withCheck = (first17: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  const check = (12 - (sum % 11)) % 11
  return first17 + (check === 10 ? 'X' : String(check))
}

/** An ID number for a birth date 'YYYYMMDD' issued in Hai'an, with a 3-digit sequence number. */
const haian = (birth: string, seq = '123') => withCheck(`320621${birth}${seq}`)

/** A number whose check character is X, to test the letter. */
const endingInX = (() => {
  for (let seq = 0; seq < 1000; seq++) {
    const id = haian('19900101', String(seq).padStart(3, '0'))
    if (id.endsWith('X')) return id
  }
  throw new Error('no sequence number gives X')
})()

const TODAY = new Date('2026-11-22T03:00:00Z') // Shanghai 2026-11-22 11:00

describe('the test helper', () => {
  it('agrees with the standard’s own weights and check characters', () => {
    const weights = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11)
    expect(weights).toEqual([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])
    for (let seq = 0; seq < 200; seq++) {
      const first17 = `3206211985061${String(seq).padStart(4, '0')}`
      expect(idCheckChar(first17)).toBe(withCheck(first17)[17])
    }
  })
})

describe('isValidIdNumber', () => {
  it('accepts a well-formed number', () => {
    expect(isValidIdNumber(haian('19900101'), TODAY)).toBe(true)
    expect(isValidIdNumber(haian('19851231', '456'), TODAY)).toBe(true)
  })

  it('accepts the check character X in either case, and surrounding blanks', () => {
    expect(isValidIdNumber(endingInX, TODAY)).toBe(true)
    expect(isValidIdNumber(endingInX.toLowerCase(), TODAY)).toBe(true)
    expect(isValidIdNumber(`  ${endingInX.toLowerCase()}\n`, TODAY)).toBe(true)
  })

  it('refuses a wrong check character', () => {
    const id = haian('19900101')
    for (const c of '0123456789X') {
      if (c !== id[17]) expect(isValidIdNumber(id.slice(0, 17) + c, TODAY)).toBe(false)
    }
  })

  it('refuses a swapped pair of digits', () => {
    const id = haian('19900101', '127')
    const swapped = `${id.slice(0, 15)}${id[16]}${id[15]}${id[17]}`
    expect(swapped).not.toBe(id)
    expect(isValidIdNumber(swapped, TODAY)).toBe(false)
  })

  it('refuses impossible birth dates even with a correct check character', () => {
    for (const birth of [
      '19900230',
      '19900431',
      '19901301',
      '19900001',
      '19900100',
      '20230229',
      '19000229',
    ]) {
      expect(isValidIdNumber(haian(birth), TODAY)).toBe(false)
    }
  })

  it('accepts 29 February in leap years', () => {
    expect(isValidIdNumber(haian('20240229'), TODAY)).toBe(true)
    expect(isValidIdNumber(haian('20000229'), TODAY)).toBe(true)
  })

  it('refuses birth dates before 1900', () => {
    expect(isValidIdNumber(haian('18991231'), TODAY)).toBe(false)
    expect(isValidIdNumber(haian('19000101'), TODAY)).toBe(true)
  })

  it('refuses birth dates after today, by the Shanghai calendar', () => {
    expect(isValidIdNumber(haian('20261122'), TODAY)).toBe(true)
    expect(isValidIdNumber(haian('20261123'), TODAY)).toBe(false)
    expect(isValidIdNumber(haian('20300101'), TODAY)).toBe(false)
    // 16:00 UTC on the 22nd is already the 23rd in Shanghai.
    expect(isValidIdNumber(haian('20261123'), new Date('2026-11-22T15:59:59Z'))).toBe(false)
    expect(isValidIdNumber(haian('20261123'), new Date('2026-11-22T16:00:00Z'))).toBe(true)
  })

  it('refuses the old 15-digit numbers and any other length', () => {
    expect(isValidIdNumber('320621900101123', TODAY)).toBe(false)
    const id = haian('19900101')
    expect(isValidIdNumber(id.slice(0, 17), TODAY)).toBe(false)
    expect(isValidIdNumber(`${id}0`, TODAY)).toBe(false)
    expect(isValidIdNumber('', TODAY)).toBe(false)
  })

  it('refuses letters other than a final X, and inner blanks', () => {
    const id = haian('19900101')
    expect(isValidIdNumber(`${id.slice(0, 5)}A${id.slice(6)}`, TODAY)).toBe(false)
    expect(isValidIdNumber(`${id.slice(0, 6)} ${id.slice(6)}`, TODAY)).toBe(false)
    expect(isValidIdNumber(`${id.slice(0, 17)}Y`, TODAY)).toBe(false)
  })

  it('knows the province codes', () => {
    const valid = [
      ...['11', '12', '13', '14', '15', '21', '22', '23'],
      ...['31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46'],
      ...['50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'],
    ]
    for (let p = 0; p < 100; p++) {
      const province = String(p).padStart(2, '0')
      const id = withCheck(`${province}0621199001011234`.slice(0, 17))
      expect([province, isValidIdNumber(id, TODAY)]).toEqual([province, valid.includes(province)])
    }
  })

  it('reads full-width digits as digits', () => {
    const fullWidth = haian('19900101').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect(isValidIdNumber(fullWidth, TODAY)).toBe(true)
  })

  it('compares with the real date when no day is given', () => {
    expect(isValidIdNumber(haian('19900101'))).toBe(true)
    expect(isValidIdNumber(haian('29991231'))).toBe(false)
  })
})

describe('normaliseIdNumber', () => {
  it('trims and capitalises the X', () => {
    expect(normaliseIdNumber(` ${endingInX.toLowerCase()} `)).toBe(endingInX)
    expect(normaliseIdNumber('\u3000320621199001011234\u3000')).toBe('320621199001011234')
  })
})

describe('idNumberFacts', () => {
  it('reads the birth date, gender and issuing county', () => {
    expect(idNumberFacts(haian('19900101', '123'))).toEqual({
      birthDate: '1990-01-01',
      gender: 'male',
      regionCode: '320621',
    })
    expect(idNumberFacts(haian('20240229', '124'))).toEqual({
      birthDate: '2024-02-29',
      gender: 'female',
      regionCode: '320621',
    })
    expect(idNumberFacts(haian('19851231', '450')).gender).toBe('female')
    expect(idNumberFacts(haian('19851231', '459')).gender).toBe('male')
  })

  it('does not look at the clock', () => {
    expect(idNumberFacts(haian('20991231')).birthDate).toBe('2099-12-31')
  })

  it('works on the lower-case form', () => {
    expect(idNumberFacts(endingInX.toLowerCase()).birthDate).toBe('1990-01-01')
  })

  it('throws on an invalid number without repeating it', () => {
    const bad = `${haian('19900101').slice(0, 17)}${haian('19900101')[17] === '0' ? '1' : '0'}`
    expect(() => idNumberFacts(bad)).toThrow('not a valid resident ID number')
    try {
      idNumberFacts(bad)
    } catch (e) {
      expect((e as Error).message).not.toContain(bad.slice(0, 10))
    }
  })
})

describe('ageOn', () => {
  /** A Shanghai wall-clock time as an instant. */
  const shanghai = (local: string) => new Date(`${local}+08:00`)

  it('counts whole years, going up on the birthday', () => {
    expect(ageOn('2000-03-15', shanghai('2026-03-14T12:00:00'))).toBe(25)
    expect(ageOn('2000-03-15', shanghai('2026-03-15T00:00:00'))).toBe(26)
    expect(ageOn('2000-03-15', shanghai('2026-12-31T23:59:59'))).toBe(26)
    expect(ageOn('2000-03-15', shanghai('2027-01-01T00:00:00'))).toBe(26)
    expect(ageOn('1990-12-31', shanghai('2026-12-30T12:00:00'))).toBe(35)
    expect(ageOn('1990-12-31', shanghai('2026-12-31T12:00:00'))).toBe(36)
  })

  it('is 0 from the day of birth', () => {
    expect(ageOn('2026-11-22', shanghai('2026-11-22T00:00:00'))).toBe(0)
    expect(ageOn('2025-11-23', shanghai('2026-11-22T23:59:59'))).toBe(0)
  })

  it('uses the Shanghai date, not the UTC one', () => {
    // 15:59:59Z is 23:59:59 on the 14th in Shanghai, 16:00Z is midnight on the 15th.
    expect(ageOn('2000-03-15', new Date('2026-03-14T15:59:59.999Z'))).toBe(25)
    expect(ageOn('2000-03-15', new Date('2026-03-14T16:00:00Z'))).toBe(26)
    // New Year's Eve in UTC is already New Year's Day in Shanghai.
    expect(ageOn('2000-01-01', new Date('2025-12-31T17:00:00Z'))).toBe(26)
  })

  it('ages those born on 29 February on 1 March in common years', () => {
    expect(ageOn('2004-02-29', shanghai('2025-02-28T12:00:00'))).toBe(20)
    expect(ageOn('2004-02-29', shanghai('2025-03-01T00:00:00'))).toBe(21)
    expect(ageOn('2004-02-29', shanghai('2028-02-28T12:00:00'))).toBe(23)
    expect(ageOn('2004-02-29', shanghai('2028-02-29T00:00:00'))).toBe(24)
  })

  it('works with the facts of an ID number', () => {
    const { birthDate } = idNumberFacts(haian('19660701'))
    expect(ageOn(birthDate, shanghai('2026-06-30T12:00:00'))).toBe(59)
    expect(ageOn(birthDate, shanghai('2026-07-01T08:00:00'))).toBe(60)
  })

  it('throws on a malformed birth date or a day before birth', () => {
    for (const bad of ['1990-02-30', '19900101', '1990-1-1', '', '2023-02-29']) {
      expect(() => ageOn(bad, TODAY)).toThrow()
    }
    expect(() => ageOn('2026-11-23', TODAY)).toThrow(RangeError)
  })
})

describe('masks', () => {
  it('shows the first 3 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('320621199001011234')).toBe('320***********1234')
    expect(maskIdNumber('320621199001011234')).toHaveLength(18)
    expect(maskIdNumber(` ${endingInX.toLowerCase()} `)).toBe(`320***********${endingInX.slice(-4)}`)
  })

  it('hides everything of something too short to mask that way', () => {
    expect(maskIdNumber('1234567')).toBe('*******')
    expect(maskIdNumber('')).toBe('')
  })

  it('shows the first 3 and last 4 digits of a mobile number', () => {
    expect(maskMobile('13912345678')).toBe('139****5678')
    expect(maskMobile('+86 139-1234-5678')).toBe('139****5678')
  })

  it.each([
    ['张', '*'],
    ['张三', '张*'],
    ['李小明', '李*明'],
    ['欧阳小明', '欧**明'],
    ['  王五 ', '王*'],
    ['买买提·艾力', '买**·*力'],
    ['阿依古丽·买买提', '阿***·**提'],
    ['买买提•艾力', '买**·*力'],
    ['A·B', 'A·*'],
    ['John Smith', 'J*** ****h'],
    ['𠮷田', '𠮷*'],
    ['𠮷田一', '𠮷*一'],
    ['', ''],
  ])('maskName(%j) -> %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})

describe('mobile numbers', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['19912345678', '19912345678'],
    ['139 1234 5678', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['86 13912345678', '13912345678'],
    ['8613912345678', '13912345678'],
    [' 13912345678 ', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
  ])('accepts %j as %j', (phone, normalised) => {
    expect(isValidMobile(phone)).toBe(true)
    expect(normaliseMobile(phone)).toBe(normalised)
  })

  it.each([
    '',
    '12912345678',
    '10912345678',
    '23912345678',
    '1391234567',
    '139123456789',
    '+8612912345678',
    '+85213912345678',
    '051388881234',
    '139_1234_5678',
    '1391234567a',
  ])('refuses %j', (phone) => {
    expect(isValidMobile(phone)).toBe(false)
  })
})

describe('schemas', () => {
  it('idNumberSchema normalises and validates', () => {
    expect(idNumberSchema.parse(` ${endingInX.toLowerCase()} `)).toBe(endingInX)
    const bad = idNumberSchema.safeParse(haian('19900230'))
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.message).toBe('身份证号码第 7–14 位的出生日期不是有效日期')
    expect(idNumberSchema.safeParse('320621900101123').success).toBe(false)
  })

  it('idNumberSchema says which rule a mistyped number breaks', () => {
    const message = (id: string) => idNumberSchema.safeParse(id).error?.issues[0]?.message
    expect(message('320621900101123')).toBe('身份证号码应为 18 位，现在是 15 位')
    expect(message('32062119900101123A')).toBe('身份证号码前 17 位应为数字，最后一位为数字或 X')
    expect(message(`99${endingInX.slice(2)}`)).toBe('身份证号码前两位（省份代码）不正确')
    const good = haian('19900101')
    const wrongCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`
    expect(message(wrongCheck)).toBe('身份证号码最后一位校验码不符，请逐位核对')
    expect(message(haian('29900101'))).toBe('身份证号码中的出生日期晚于今天')
    expect(message(good)).toBeUndefined()
  })

  it('mobileSchema normalises and validates', () => {
    expect(mobileSchema.parse('+86 139-1234-5678')).toBe('13912345678')
    const bad = mobileSchema.safeParse('12912345678')
    expect(bad.error?.issues[0]?.message).toBe('手机号码应为 11 位数字，以 13–19 开头')
    expect(mobileSchema.safeParse('').error?.issues[0]?.message).toBe('请填写手机号码')
  })

  it.each([
    ['张三', '张三'],
    ['欧阳小明', '欧阳小明'],
    [' 李四 ', '李四'],
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['买买提・艾力', '买买提·艾力'],
    ['阿卜杜热合曼·阿卜杜拉·买买提', '阿卜杜热合曼·阿卜杜拉·买买提'],
    ['John Smith', 'John Smith'],
    ['José', 'José'],
    ['𠮷田', '𠮷田'],
    ['张〇', '张〇'],
    ['张'.repeat(30), '张'.repeat(30)],
  ])('personNameSchema accepts %j as %j', (name, stored) => {
    expect(personNameSchema.parse(name)).toBe(stored)
  })

  it.each([
    '',
    '张',
    '𠮷',
    '张'.repeat(31),
    '张3',
    '张三!',
    '张-三',
    '·张三',
    '张三·',
    '张··三',
    '张  三',
    '张·',
    '<script>',
    '张\t三',
  ])('personNameSchema refuses %j', (name) => {
    const result = personNameSchema.safeParse(name)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(
      '姓名应为 2–30 个汉字或字母，多个部分之间可用空格或间隔号 ·，不能有数字和其他符号',
    )
  })
})
