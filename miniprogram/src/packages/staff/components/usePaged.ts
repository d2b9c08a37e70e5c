import type { Paged } from '@shared/jobs/job'
import { useCallback, useRef, useState } from 'react'
import { errorMessage } from '../../../api/client'
import { toastError } from '../../../utils/toast'

export interface PagedState<T> {
  /** The query these items belong to; a page compares it with its current key. */
  key: string | null
  items: T[]
  nextCursor: string | null
  loading: 'first' | 'more' | null
  error: string | null
  loaded: boolean
}

const empty = <T>(key: string | null): PagedState<T> => ({
  key,
  items: [],
  nextCursor: null,
  loading: null,
  error: null,
  loaded: false,
})

const merge = <T>(have: T[], more: T[], idOf: (item: T) => string): T[] => {
  const seen = new Set(have.map(idOf))
  return [...have, ...more.filter((item) => !seen.has(idOf(item)))]
}

/**
 * A cursor-paged list for endless scrolling. `key` names the query (null: nothing to load);
 * `reload` fetches its first page (keeping what is shown while a same-key refresh runs),
 * `loadMore` the next one. Servers that filter after paging may return short pages: the first
 * load keeps going until `minItems` are there or the list ends, so the page is never too short
 * to scroll to its end.
 */
export function usePaged<T>(
  key: string | null,
  fetchPage: (cursor: string | undefined) => Promise<Paged<T>>,
  idOf: (item: T) => string,
  minItems = 8,
) {
  const [state, setState] = useState<PagedState<T>>(() => empty(key))
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const idRef = useRef(idOf)
  idRef.current = idOf
  const stateRef = useRef(state)
  stateRef.current = state
  const seq = useRef(0)
  const busy = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    if (key === null) {
      busy.current = false
      setState(empty(null))
      return
    }
    busy.current = true
    setState((s) =>
      s.key === key ? { ...s, loading: 'first', error: null } : { ...empty(key), loading: 'first' },
    )
    try {
      let page = await fetchRef.current(undefined)
      let items = page.items
      for (let extra = 0; items.length < minItems && page.nextCursor && extra < 4; extra++) {
        if (mine !== seq.current) return
        page = await fetchRef.current(page.nextCursor)
        items = merge(items, page.items, idRef.current)
      }
      if (mine !== seq.current) return
      setState({ key, items, nextCursor: page.nextCursor, loading: null, error: null, loaded: true })
    } catch (e) {
      if (mine !== seq.current) return
      // A failed refresh keeps the list it had; only a first load shows the error page.
      const had = stateRef.current
      if (had.key === key && had.items.length > 0) {
        toastError(e)
        setState((q) => ({ ...q, loading: null }))
      } else setState({ ...empty<T>(key), error: errorMessage(e), loaded: true })
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [key, minItems])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (busy.current || !s.nextCursor || s.key !== key || s.error) return
    const mine = seq.current
    busy.current = true
    setState((q) => ({ ...q, loading: 'more' }))
    try {
      const page = await fetchRef.current(s.nextCursor)
      if (mine !== seq.current) return
      setState((q) => ({
        ...q,
        items: merge(q.items, page.items, idRef.current),
        nextCursor: page.nextCursor,
        loading: null,
      }))
    } catch (e) {
      if (mine !== seq.current) return
      setState((q) => ({ ...q, loading: null }))
      toastError(e)
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [key])

  /** Replace items in place (after an action on one of them). */
  const update = useCallback((fn: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: fn(s.items) }))
  }, [])

  return { state, current: state.key === key, reload, loadMore, update }
}
