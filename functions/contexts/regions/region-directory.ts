import haian from '../../../infra/data/regions-320621.json'
import { parentRegionCode, type Region, type RegionLevel } from '../../../shared/regions/region-code'

/**
 * The division tree the deployment serves (national statistical codes, extracted by
 * scripts/extract-regions.ts). Reference data: read-only, small, kept in memory.
 */
interface RegionRow extends Region {
  officialName?: string
  kind?: string
}

const rows = (haian as { regions: RegionRow[] }).regions.map((r) => ({ ...r, level: r.level as RegionLevel }))
const byCode = new Map(rows.map((r) => [r.code, r]))
const children = new Map<string, Region[]>()
for (const r of rows) {
  const parent = parentRegionCode(r.code)
  if (parent === null) continue
  const list = children.get(parent) ?? []
  list.push({ code: r.code, name: r.name, level: r.level })
  children.set(parent, list)
}
// Codes are digits of one length: plain comparison (localeCompare, through ICU, cost a cold
// start ~15 ms over the county's few hundred divisions).
for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))

export const HOME_COUNTY = (haian as { county: string }).county

export const findRegion = (code: string): Region | undefined => {
  const r = byCode.get(code)
  return r && { code: r.code, name: r.name, level: r.level }
}

/** The divisions directly under `parent`; undefined when `parent` is not a known division. */
export const childRegions = (parent: string): Region[] | undefined =>
  byCode.has(parent) ? (children.get(parent) ?? []) : undefined

/** "海安镇" for a town, "海安镇·中坝社区" for a community: how staff name a place. */
export const regionLabel = (code: string): string | null => {
  const r = byCode.get(code)
  if (!r) return null
  if (r.level !== 'community') return r.name
  const town = byCode.get(code.slice(0, 9))
  return town ? `${town.name}·${r.name}` : r.name
}

export const regionsAtLevel = (level: RegionLevel): Region[] =>
  rows.filter((r) => r.level === level).map((r) => ({ code: r.code, name: r.name, level: r.level }))
