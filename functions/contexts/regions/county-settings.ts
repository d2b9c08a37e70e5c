import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  type CountySettings,
  type CountySettingsView,
  DEFAULT_COUNTY_SETTINGS,
} from '../../../shared/people/working-age'
import type { Deps } from '../../runtime/deps'
import { meta } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { regionLabel } from './region-directory'

/** A county's parameters live in `meta` under its six-digit division code. */
const key = (county: string) => `county-settings:${county}`
const countyOf = (region: string) => region.slice(0, 6)

interface Stored extends CountySettings {
  updatedAt: string
  updatedBy: string
}

const read = async (store: Store, county: string): Promise<Stored | null> => {
  const row = await store.get(meta, key(county))
  return row ? (JSON.parse(row.value) as Stored) : null
}

/** The parameters that apply to a person or office in `region` (the county's, or the defaults). */
export const countySettingsFor = async (store: Store, region: string): Promise<CountySettings> => {
  const saved = await read(store, countyOf(region))
  return saved ? { workingAge: saved.workingAge, followScope: saved.followScope } : DEFAULT_COUNTY_SETTINGS
}

/**
 * Batch jobs meet thousands of persons of a handful of counties: read each county's parameters
 * once per run.
 */
export const countySettingsCache = (store: Store) => {
  const seen = new Map<string, Promise<CountySettings>>()
  return (region: string): Promise<CountySettings> => {
    const county = countyOf(region)
    let hit = seen.get(county)
    if (!hit) {
      hit = countySettingsFor(store, county)
      seen.set(county, hit)
    }
    return hit
  }
}

const view = (county: string, saved: Stored | null): CountySettingsView => ({
  county,
  countyName: regionLabel(county),
  workingAge: saved?.workingAge ?? DEFAULT_COUNTY_SETTINGS.workingAge,
  followScope: saved?.followScope ?? DEFAULT_COUNTY_SETTINGS.followScope,
  isDefault: !saved,
  updatedAt: saved?.updatedAt ?? null,
  updatedBy: saved?.updatedBy ?? null,
})

/** Any staff member reads the parameters of their county (the coordinator's screens follow them). */
export const getCountySettings = async (deps: Deps, who: Identity): Promise<CountySettingsView> => {
  if (!who.region) throw new AppError('AUTH.FORBIDDEN')
  const county = countyOf(who.region)
  return view(county, await read(deps.store, county))
}

/** The county officer sets them; audited, and they apply from the next check or monthly run. */
export const setCountySettings = async (
  deps: Deps,
  who: Identity,
  input: CountySettings,
): Promise<CountySettingsView> => {
  if (who.region?.length !== 6) throw new AppError('AUTH.FORBIDDEN')
  for (const g of ['male', 'female'] as const) {
    if (input.workingAge[g].from >= input.workingAge[g].to) {
      throw new AppError('REQUEST.INVALID', {
        issues: [{ field: `workingAge.${g}.to`, message: '退休年龄应大于起始年龄' }],
      })
    }
  }
  const at = deps.clock.now()
  const saved: Stored = { ...input, updatedAt: at.toISOString(), updatedBy: actorLabel(who) }
  const id = key(who.region)
  const value = JSON.stringify(saved)
  // Two officers saving at once: the later write wins, neither fails.
  await deps.store.insert(meta, { id, value, updatedAt: saved.updatedAt }).catch(async (err) => {
    if (!(err instanceof DuplicateKeyError)) throw err
    await deps.store.update(meta, id, { value, updatedAt: saved.updatedAt })
  })
  await recordAudit(deps.store, at, who, {
    action: 'county-settings.set',
    subject: who.region,
    result: 'ok',
    detail: {
      male: `${input.workingAge.male.from}-${input.workingAge.male.to}`,
      female: `${input.workingAge.female.from}-${input.workingAge.female.to}`,
      followScope: input.followScope,
    },
  })
  return view(who.region, saved)
}
