import { AppError } from '../../../shared/errors'
import { regionCodeSchema } from '../../../shared/regions/region-code'
import { z } from '../../../shared/validation'
import { childRegions, findRegion, HOME_COUNTY } from './region-directory'

export const listRegionsQuerySchema = z.object({ parent: regionCodeSchema.optional() }).strict()

/** Children of a division for pickers and filters; without a parent, the home county itself. */
export const listRegions = (parent: string | undefined) => {
  if (!parent) return { items: [findRegion(HOME_COUNTY)!] }
  const items = childRegions(parent)
  if (!items) throw new AppError('REGION.NOT_FOUND')
  return { items }
}
