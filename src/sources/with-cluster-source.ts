import type {ClusterSource} from './cluster-source.js'
import {openClusterSource} from './open-cluster-source.js'
import type {LiveSourceFlags} from './live-cluster-source.js'

/** Opens the cluster source the flags name, runs one gather step with it, and closes it whatever happens. */
export async function withClusterSource<T>(flags: LiveSourceFlags & {'from-dir'?: string}, gather: (source: ClusterSource) => Promise<T>): Promise<T> {
  const source = await openClusterSource(flags)
  try {
    return await gather(source)
  } finally {
    source.close()
  }
}
