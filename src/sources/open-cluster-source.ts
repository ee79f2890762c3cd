import {UserError} from '../errors.js'
import type {ClusterSource} from './cluster-source.js'
import {createLiveClusterSource, type LiveSourceFlags} from './live-cluster-source.js'

/** What every live command is given: the live cluster and account, or a snapshot folder with --from-dir. */
export async function openClusterSource(flags: LiveSourceFlags & {'from-dir'?: string}): Promise<ClusterSource> {
  if (flags['from-dir']) throw new UserError('--from-dir is not available in this build')
  return createLiveClusterSource(flags)
}
