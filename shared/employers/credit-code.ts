import { z } from '../validation'

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters — the
 * registering authority (1), the organisation type (1), the division code of the registering
 * office (6), the organisation's code (9) and a check character (1). Letters I, O, Z, S and V are
 * never used. The check character is 31 − (Σ value × weight mod 31), 31 written as 0.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export const creditCheckChar = (first17: string): string | null => {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i] ?? '')
    if (v < 0) return null
    sum += v * WEIGHTS[i]!
  }
  const c = 31 - (sum % 31)
  return CHARS[c === 31 ? 0 : c]!
}

export type CreditCodeProblem = 'length' | 'characters' | 'region' | 'check'

/** What is wrong with a code, or null when it is valid. */
export const creditCodeProblem = (raw: string): CreditCodeProblem | null => {
  const code = raw.trim().toUpperCase()
  if (code.length !== 18) return 'length'
  if (![...code].every((ch) => CHARS.includes(ch))) return 'characters'
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region'
  return creditCheckChar(code.slice(0, 17)) === code[17] ? null : 'check'
}

const PROBLEMS: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  characters: '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V）',
  region: '统一社会信用代码第 3–8 位应为登记机关的行政区划代码',
  check: '统一社会信用代码校验位不正确，请核对营业执照',
}

export const creditCodeSchema = z
  .string({
    error: (iss) => (iss.input === undefined ? '请填写统一社会信用代码' : '统一社会信用代码应为文字'),
  })
  .transform((s) => s.trim().toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code)
    if (problem) ctx.addIssue({ code: 'custom', message: PROBLEMS[problem] })
  })

/** 9132****…123X: enough to recognise a unit on a list without copying its code around. */
export const maskCreditCode = (code: string): string => `${code.slice(0, 4)}**********${code.slice(-4)}`
