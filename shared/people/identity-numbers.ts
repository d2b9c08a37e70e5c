import { z } from '../validation'

/**
 * Resident ID numbers (GB 11643-1999), mainland mobile numbers and names: checking what residents
 * type into forms, and masking what staff screens and logs show. Pure code, no `node:` modules: the
 * mini-program bundles this file too.
 */

/**
 * Province-level codes (GB/T 2260) that start a resident ID number, plus 83: residence permits for
 * Taiwan residents (港澳台居民居住证, 2018) use 830000, as those for Hong Kong and Macao use 81 and 82.
 */
// biome-ignore format: one row per group of regions, as the standard lists them
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82', '83',
])

/** ISO 7064 MOD 11-2 as GB 11643 writes it out: weight of each of the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** Check character for each remainder of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432'

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const EARLIEST_BIRTH = '1900-01-01'

/** Phones and Chinese input methods often give full-width digits (１２３) and letters (Ｘ). */
const toHalfWidth = (text: string): string =>
  text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/**
 * The calendar date of `at` in Asia/Shanghai as 'YYYY-MM-DD'. China has kept UTC+8 all year since
 * 1991, so shifting by 8 hours and reading the UTC fields is exact (and needs no time-zone data).
 */
const shanghaiDate = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/** 'YYYY-MM-DD' for a real calendar date, or null (19900230 and 20230229 are not dates). */
const calendarDate = (year: number, month: number, day: number): string | null => {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const birthDateOf = (id: string): string | null =>
  calendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))

/** The check character for the first 17 digits of a resident ID number. */
export const idCheckChar = (first17: string): string => {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

/** Trimmed, half-width, with the check character as capital X: the form we store and compare. */
export const normaliseIdNumber = (id: string): string => toHalfWidth(id.trim()).toUpperCase()

/** The birth date of a normalised number whose format, province, date and check character hold. */
const birthDateIfWellFormed = (n: string): string | null => {
  if (!/^\d{17}[\dX]$/.test(n) || !PROVINCE_CODES.has(n.slice(0, 2))) return null
  const birth = birthDateOf(n)
  if (!birth || birth < EARLIEST_BIRTH) return null
  return idCheckChar(n.slice(0, 17)) === n[17] ? birth : null
}

/**
 * An 18-character resident ID number whose province, birth date and check character all hold.
 * The old 15-digit numbers were replaced in 2004-2013 and carry no check digit, so they are refused.
 * `today` (default: now) decides, by its Shanghai date, which birth dates lie in the future.
 */
export const isValidIdNumber = (id: string, today: Date = new Date()): boolean => {
  const birth = birthDateIfWellFormed(normaliseIdNumber(id))
  return birth !== null && birth <= shanghaiDate(today)
}

export type Gender = 'male' | 'female'

export interface IdNumberFacts {
  /** 'YYYY-MM-DD' */
  birthDate: string
  gender: Gender
  /** County-level division code where the number was first issued (not where the person lives now). */
  regionCode: string
}

/**
 * What a valid number says about its holder. Throws on a malformed one; the message leaves the
 * number out so it never ends up in logs. The clock plays no part: the future-birth check belongs
 * to isValidIdNumber, run when the number was entered.
 */
export const idNumberFacts = (id: string): IdNumberFacts => {
  const n = normaliseIdNumber(id)
  const birthDate = birthDateIfWellFormed(n)
  if (!birthDate) throw new Error('not a valid resident ID number')
  return {
    birthDate,
    // The 17th character is the sequence number's last digit: odd for men, even for women.
    gender: Number(n[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: n.slice(0, 6),
  }
}

/**
 * Age in whole years (周岁) on the Shanghai calendar date of `on`. The age goes up on the birthday
 * itself; someone born on 29 February turns a year older on 1 March in common years.
 */
export const ageOn = (birthDate: string, on: Date): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate)
  if (!m || !calendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error('birth date must be a real date as YYYY-MM-DD')
  }
  const today = shanghaiDate(on)
  if (today < birthDate) throw new RangeError('the date is before the birth date')
  const years = Number(today.slice(0, 4)) - Number(m[1])
  // Same-width 'MM-DD' strings compare in calendar order.
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}

/**
 * Keep the first 3 and last 4 characters and star the rest, keeping the length. Too short to hide
 * anything that way (under 8 characters): all stars.
 */
const maskMiddle = (text: string): string => {
  const chars = Array.from(text)
  if (chars.length < 8) return '*'.repeat(chars.length)
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('')
}

/** '320***********1234': enough for a resident to recognise their own number, not to reuse it. */
export const maskIdNumber = (id: string): string => maskMiddle(normaliseIdNumber(id))

/**
 * Spaces, dashes and a +86 / 86 country code removed: '+86 139-1234-5678' -> '13912345678'.
 * A bare 86 is only taken as the country code when 11 digits follow it.
 */
export const normaliseMobile = (phone: string): string => {
  const compact = toHalfWidth(phone.trim()).replace(/[\s-]/g, '')
  if (compact.startsWith('+86')) return compact.slice(3)
  if (/^86\d{11}$/.test(compact)) return compact.slice(2)
  return compact
}

/** A mainland mobile number: 1, then 3-9, then 9 more digits. */
export const isValidMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(normaliseMobile(phone))

/** '139****5678' */
export const maskMobile = (phone: string): string => maskMiddle(normaliseMobile(phone))

/** Dot-like characters people type between the parts of a transliterated name. */
const NAME_DOTS = /[\u00B7\u2022\u2027\u2219\u30FB\uFF65\u318D\u22C5]/g
const NAME_DOT = '\u00B7'
const isNameSeparator = (c: string): boolean => c === NAME_DOT || c === ' '

/**
 * 张三 -> 张*, 李小明 -> 李*明, 欧阳小明 -> 欧**明, 1 character -> *. Names in parts (买买提·艾力,
 * John Smith) follow the same rule over the name as a whole: the first and last characters stay,
 * every other character is starred, and the dots and spaces between parts stay where they are:
 * 买买提·艾力 -> 买**·*力. Masking part by part (买*提·艾*) would show more of the name than the
 * rule shows of a Han name.
 */
export const maskName = (name: string): string => {
  const chars = Array.from(name.trim().replace(NAME_DOTS, NAME_DOT))
  const letters = chars.flatMap((c, i) => (isNameSeparator(c) ? [] : [i]))
  const shown = new Set(
    letters.length >= 3 ? [letters[0], letters.at(-1)] : letters.length === 2 ? [letters[0]] : [],
  )
  return chars.map((c, i) => (isNameSeparator(c) || shown.has(i) ? c : '*')).join('')
}

/**
 * Which rule a mistyped ID number breaks, in the words a resident can act on (length, the birth
 * date inside it, the check character), or null when it holds.
 */
export const idNumberProblem = (id: string, today: Date = new Date()): string | null => {
  const n = normaliseIdNumber(id)
  if (n.length !== 18) return `身份证号码应为 18 位，现在是 ${n.length} 位`
  if (!/^\d{17}[\dX]$/.test(n)) return '身份证号码前 17 位应为数字，最后一位为数字或 X'
  if (!PROVINCE_CODES.has(n.slice(0, 2))) return '身份证号码前两位（省份代码）不正确'
  const birth = birthDateOf(n)
  if (!birth || birth < EARLIEST_BIRTH) return '身份证号码第 7–14 位的出生日期不是有效日期'
  if (birth > shanghaiDate(today)) return '身份证号码中的出生日期晚于今天'
  if (idCheckChar(n.slice(0, 17)) !== n[17]) return '身份证号码最后一位校验码不符，请逐位核对'
  return null
}

export const idNumberSchema = z
  .string()
  .overwrite(normaliseIdNumber)
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const mobileSchema = z
  .string()
  .overwrite(normaliseMobile)
  // An empty box is a number not given yet, not a wrong one.
  .refine((phone) => /^1[3-9]\d{9}$/.test(phone), {
    error: (iss) => (iss.input === '' ? '请填写手机号码' : '手机号码应为 11 位数字，以 13–19 开头'),
  })

/**
 * Han characters (including the rarer extension blocks and 〇), Latin letters, and single spaces or
 * middle dots between parts. Written as code-point ranges rather than \p{Script=Han} so that older
 * mini-program JavaScript engines read it too.
 */
const NAME_PART =
  '[\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u{20000}-\\u{323AF}A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]+'
const PERSON_NAME = new RegExp(`^${NAME_PART}(?:[ \\u00B7]${NAME_PART})*$`, 'u')

/** Trimmed, with look-alike dots made into the middle dot · that ID cards print. */
const normalisePersonName = (name: string): string => name.trim().replace(NAME_DOTS, NAME_DOT)

export const personNameSchema = z
  .string()
  .overwrite(normalisePersonName)
  .refine((name) => {
    const length = Array.from(name).length
    return length >= 2 && length <= 30 && PERSON_NAME.test(name)
  }, '姓名应为 2–30 个汉字或字母，多个部分之间可用空格或间隔号 ·，不能有数字和其他符号')
