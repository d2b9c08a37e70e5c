import { childRegions, findRegion, regionLabel } from '../../functions/contexts/regions/region-directory'
import {
  isWithinRegion,
  parentRegionCode,
  regionCodeSchema,
  regionLevel,
} from '../../shared/regions/region-code'

describe('division codes', () => {
  it('reads the level from the length', () => {
    expect(regionLevel('32')).toBe('province')
    expect(regionLevel('320621')).toBe('county')
    expect(regionLevel('320621100')).toBe('town')
    expect(regionLevel('320621100001')).toBe('community')
    expect(() => regionLevel('3206211')).toThrow()
  })

  it('walks up to the parent', () => {
    expect(parentRegionCode('320621100001')).toBe('320621100')
    expect(parentRegionCode('320621100')).toBe('320621')
    expect(parentRegionCode('32')).toBeNull()
  })

  it('scopes by prefix', () => {
    expect(isWithinRegion('320621100001', '320621100')).toBe(true)
    expect(isWithinRegion('320621101001', '320621100')).toBe(false)
  })

  it('accepts only well-formed codes', () => {
    for (const ok of ['32', '3206', '320621', '320621100', '320621100001'])
      expect(regionCodeSchema.safeParse(ok).success).toBe(true)
    for (const bad of ['', '3', '3206211', '32062110000', 'abcdef', '320621100001 ']) {
      expect(regionCodeSchema.safeParse(bad).success).toBe(false)
    }
  })
})

describe("Hai'an's division tree", () => {
  it('has the county with its eleven towns and their communities', () => {
    expect(findRegion('320621')?.name).toBe('海安市')
    expect(childRegions('320621')).toHaveLength(11)
    const all = childRegions('320621')!.flatMap((t) => childRegions(t.code)!)
    expect(all.length).toBe(239)
    expect(all.every((c) => c.level === 'community' && c.code.length === 12)).toBe(true)
  })

  it('names a community with its town, the way staff say it', () => {
    expect(regionLabel('320621100001')).toBe('海安镇·中坝社区')
    expect(regionLabel('320621102')).toBe('曲塘镇')
    expect(regionLabel('999999')).toBeNull()
  })
})
