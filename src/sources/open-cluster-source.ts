import type {ClusterSource} from './cluster-source.js'
import {createLiveClusterSource, type LiveSourceFlags} from './live-cluster-source.js'
import {openSnapshotSource} from './snapshot/replay-cluster-source.js'

/** What every live command is given: the live cluster and account, or a snapshot folder with --from-dir. */
export async function openClusterSource(flags: LiveSourceFlags & {'from-dir'?: string}): Promise<ClusterSource> {
  if (flags['from-dir'] !== undefined) return openSnapshotSource(flags['from-dir'])
  return createLiveClusterSource(flags)
}
