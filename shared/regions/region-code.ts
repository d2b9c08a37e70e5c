import { z } from './../validation'

/**
 * National statistical division codes (统计用区划代码): 2 digits province, 4 city, 6 county,
 * 9 town/street, 12 community/village. A staff member's scope is a code prefix.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'town', 'community'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

const LENGTH_TO_LEVEL: Record<number, RegionLevel> = {
  2: 'province',
  4: 'city',
  6: 'county',
  9: 'town',
  12: 'community',
}

export const regionCodeSchema = z
  .string()
  // An empty code is a place not chosen yet: say so, rather than talk about digits.
  .min(1, '请选择地区')
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '行政区划代码应为 2、4、6、9 或 12 位数字')

export const regionLevel = (code: string): RegionLevel => {
  const level = LENGTH_TO_LEVEL[code.length]
  if (!level) throw new Error(`not a division code: ${code.length} digits`)
  return level
}

/** The parent's code: 320621100001 -> 320621100 -> 320621 -> 3206 -> 32. */
export const parentRegionCode = (code: string): string | null => {
  const cut = { 12: 9, 9: 6, 6: 4, 4: 2 }[code.length]
  return cut ? code.slice(0, cut) : null
}

/** True when `code` lies inside the area whose code is `scope` (a prefix of it). */
export const isWithinRegion = (code: string, scope: string): boolean => code.startsWith(scope)

export interface Region {
  code: string
  name: string
  level: RegionLevel
}
