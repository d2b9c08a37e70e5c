import { ensureH5Build } from '../../scripts/lib/h5-build'

/** Browser tests drive the real H5 build: build it first when it is missing or stale. */
export default async function globalSetup(): Promise<void> {
  ensureH5Build()
}
