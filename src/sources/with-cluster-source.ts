import {SourceError} from '../errors.js'
import type {ClusterSource} from './cluster-source.js'
import type {LiveSourceFlags} from './live-cluster-source.js'

/**
 * Opens the cluster source the flags name, runs one gather step with it, and closes it whatever happens.
 * When the cluster is out of reach, the error also names the command's offline way (`offline`), if it has one.
 */
export async function withClusterSource<T>(
  flags: LiveSourceFlags & {'from-dir'?: string},
  gather: (source: ClusterSource) => Promise<T>,
  offline?: string,
): Promise<T> {
  // Loaded on use: the source stack pulls in node:https, node:zlib and more, which every command would pay for at start.
  const {openClusterSource} = await import('./open-cluster-source.js')
  const source = await openClusterSource(flags)
  try {
    return await gather(source)
  } catch (error) {
    if (!offline || !(error instanceof SourceError) || !error.outOfReach || !error.call.startsWith('kubernetes:')) throw error
    throw error.withHint(`${error.hint ? `${error.hint}; ` : ''}or, without a cluster: ${offline}`)
  } finally {
    source.close()
  }
}
