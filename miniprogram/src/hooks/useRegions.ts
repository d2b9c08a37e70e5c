import type { Region } from '@shared/regions/region-code'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { toastError } from '../utils/toast'

export const COUNTY_CODE = '320621'

/** Divisions under `parent` (null: none); `loading` until they arrive, [] with a toast on failure. */
export const useRegions = (parent: string | null): { items: Region[]; loading: boolean } => {
  const [state, setState] = useState<{ parent: string | null; items: Region[] }>({ parent: null, items: [] })
  useEffect(() => {
    if (!parent) return
    let live = true
    api('listRegions', { query: { parent } })
      .then((r) => {
        if (live) setState({ parent, items: r.items })
      })
      .catch((e: unknown) => {
        if (!live) return
        setState({ parent, items: [] })
        toastError(e)
      })
    return () => {
      live = false
    }
  }, [parent])
  if (!parent) return { items: [], loading: false }
  return state.parent === parent ? { items: state.items, loading: false } : { items: [], loading: true }
}
