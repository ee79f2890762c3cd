import {createCompactor} from '../compact.js'
import type {KubeGet} from './kube-get.js'
import {readListPage} from './read-list-page.js'
import {KubeRequestError} from './kube-request-error.js'
import type {JsonObject} from './types.js'

/** The API server's page size for every list: 500, as kubectl and client-go's pager use. */
export const PAGE_SIZE = 500

/**
 * Every item of a collection, summarised item by item as each page arrives (read-list-page.ts) so neither 100,000 raw
 * pods nor a page's text ever sit in memory, each summary made compact (src/sources/compact.ts) as it is kept. A 410
 * Expired token (the list outlived etcd's compaction window) restarts the list once, as client-go's pager does.
 */
export async function listAllPages<T>(
  get: KubeGet,
  path: string,
  query: Record<string, string | undefined>,
  summarise: (item: JsonObject) => T,
): Promise<T[]> {
  for (let restart = 0; ; restart++) {
    const results: T[] = []
    const keep = createCompactor()
    const summariseAndKeep = (item: JsonObject) => keep(summarise(item))
    try {
      let next: string | undefined
      do {
        const page = await get(path, {...query, continue: next, limit: String(PAGE_SIZE)}, (json) => readListPage(json, summariseAndKeep))
        for (const item of page.items) results.push(item)
        next = page.continue
      } while (next)
      return results
    } catch (error) {
      const expired = error instanceof KubeRequestError && error.status === 410
      if (!expired || restart > 0) throw error
    }
  }
}
