import type { Condition, FactName, Rule } from '@shared/policies/rules'

/**
 * The county's rule editor works on a flat list of conditions joined by 全部满足 (all) or 满足其一
 * (any) — what almost every policy needs. Deeper rules (an "any" inside an "all") are edited as
 * JSON; `toRows` says when a rule does not fit the list.
 */
export type Join = 'all' | 'any'

export interface Rows {
  join: Join
  rows: Condition[]
}

const isCondition = (r: Rule): r is Condition => 'fact' in r

export const toRows = (rule: Rule): Rows | null => {
  if (isCondition(rule)) return { join: 'all', rows: [rule] }
  if ('all' in rule && rule.all.every(isCondition)) return { join: 'all', rows: rule.all as Condition[] }
  if ('any' in rule && rule.any.every(isCondition)) return { join: 'any', rows: rule.any as Condition[] }
  return null
}

export const fromRows = ({ join, rows }: Rows): Rule => (join === 'all' ? { all: rows } : { any: rows })

/** A fresh condition of a kind, with sensible first values. */
export const blankCondition = (fact: FactName): Condition => {
  switch (fact) {
    case 'keyGroup':
      return { fact, in: ['difficulty'] }
    case 'employmentStatus':
      return { fact, in: ['unemployed'] }
    case 'unemployedMonths':
      return { fact, min: 12 }
    case 'age':
      return { fact, min: 16 }
    case 'gender':
      return { fact, is: 'female' }
    case 'hukou':
      return { fact, in: ['local_urban'] }
    case 'enjoying':
      return { fact, policy: 'pol_post_subsidy', is: false }
    case 'region':
      return { fact, in: ['320621'] }
    default:
      return { fact, is: true }
  }
}

/** Toggle a value in a multi-choice list; an empty list is shown as an error until one is chosen. */
export const toggleIn = <T extends string>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
