import catalogue from '../../../infra/data/policy-catalogue.json'
import { policyIdSchema, policyInputSchema } from '../../../shared/policies/policy'
import { z } from '../../../shared/validation'
import type { Logger } from '../../platform/logger'
import { type PolicyRecord, policies, policyVersions } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { HOME_COUNTY } from '../regions/region-directory'

/**
 * The catalogue a deployment starts with (infra/data/policy-catalogue.json), validated with the
 * same schema the county's editor uses. Each policy is inserted once, published, and marked for
 * policy-match; a policy that already exists (perhaps edited by the county since) is left alone.
 */
const fileSchema = z.object({
  policies: z.array(z.object({ id: policyIdSchema }).passthrough()).min(1),
})

export const catalogueEntries = () =>
  fileSchema.parse(catalogue).policies.map((p) => {
    const { id, ...rest } = p
    return { id, input: policyInputSchema.parse(rest) }
  })

export const seedPolicyCatalogue = async (store: Store, at: Date, log: Logger): Promise<number> => {
  const now = at.toISOString()
  let inserted = 0
  for (const { id, input } of catalogueEntries()) {
    if (await store.get(policies, id)) continue
    const { version: _v, ...content } = input
    const record: PolicyRecord = {
      id,
      ...content,
      effectiveFrom: content.effectiveFrom ?? null,
      regions: input.regions ?? [HOME_COUNTY],
      status: 'published',
      version: 1,
      needsMatch: true,
      owner: HOME_COUNTY,
      createdAt: now,
      createdBy: 'catalogue',
      updatedAt: now,
      publishedAt: now,
      withdrawnAt: null,
      withdrawReason: null,
    }
    try {
      await store.transaction(async (tx) => {
        await tx.insert(policies, record)
        const { id: _id, ...snapshot } = record
        await tx.insert(policyVersions, {
          id: `${id}:v1:published`,
          policyId: id,
          version: 1,
          action: 'published',
          at: now,
          by: 'catalogue',
          snapshot,
        })
      })
      inserted++
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err // another instance seeded it first
    }
  }
  if (inserted) log.info('policy catalogue seeded', { policies: inserted })
  return inserted
}
