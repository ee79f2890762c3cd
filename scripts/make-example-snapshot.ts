/**
 * Regenerates examples/snapshot/: `vpccni snapshot` of the cluster lab (test/lab), a small EKS cluster of three
 * nodes in two zones, one of them on a nearly full /28 subnet with pods failing to get an address, and a
 * WARM_IP_TARGET someone set with `kubectl set env` over the EKS add-on (v1.23.1-eksbuild.1).
 *
 *   node --import tsx scripts/make-example-snapshot.ts [--out DIR]
 *
 * takenAt is fixed, just after the lab's fixed event times; EC2 ids and launch times come from moto and change
 * on each run, the lab's API server port too.
 */
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {createLiveClusterSource} from '../src/sources/live-cluster-source.js'
import {captureSnapshot} from '../src/sources/snapshot/capture-snapshot.js'
import {summarizeSnapshot} from '../src/sources/snapshot/snapshot-summary.js'
import {writeSnapshot} from '../src/sources/snapshot/write-snapshot.js'
import {CLUSTER_LAB_REGION, type ClusterLabSpec, startClusterLab} from '../test/lab/cluster-lab.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {out: {default: join(root, 'examples/snapshot'), type: 'string'}}})
const TAKEN_AT = '2026-11-26T05:00:00.000Z'
const ADDON_VERSION = 'v1.23.1-eksbuild.1'

const lab = await startClusterLab()
try {
  // The node on the /28 subnet: its name is known once the lab is built, and stays the same on rebuild.
  const crowded = lab.cluster.nodes.find((node) => node.zone === 'us-west-2b')!
  const spec: ClusterLabSpec = {
    kube: {
      awsNode: {imageTag: ADDON_VERSION, userEnv: {WARM_IP_TARGET: '5'}},
      sandboxFailures: [{count: 7, namespace: 'shop', nodeName: crowded.name, podName: 'cart-6c9d7f9b8d-4k2xw'}],
    },
  }
  await lab.rebuild(spec)
  // The add-on EKS reports and the images it runs agree, as on a real managed cluster.
  const eks = lab.aws.eks.state
  eks.addons.lab['vpc-cni'].addonVersion = ADDON_VERSION
  // The WARM_IP_TARGET was set by hand, so the add-on's own configuration holds none of it.
  delete eks.addons.lab['vpc-cni'].configurationValues
  const versions = (eks.addonVersions[0] as {addonVersions: Array<Record<string, unknown>>}).addonVersions
  versions.unshift({...versions[0], addonVersion: ADDON_VERSION})
  eks.schemas[`vpc-cni@${ADDON_VERSION}`] = eks.schemas['vpc-cni@v1.19.0-eksbuild.1']
  const source = createLiveClusterSource({kubeconfig: lab.kube.kubeconfig, region: CLUSTER_LAB_REGION, 'request-timeout': 10})
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string
  const snapshot = await captureSnapshot(source, {takenAt: TAKEN_AT, vpccniVersion: version}).finally(() => source.close())
  const {captured, failed, noted} = summarizeSnapshot(snapshot.index)
  if (failed.length > 0 || noted.length > 0) throw new Error(`the lab should answer every call: ${JSON.stringify([...failed, ...noted])}`)
  rmSync(values.out, {force: true, recursive: true})
  writeSnapshot(values.out, snapshot)
  process.stdout.write(`wrote ${values.out}: ${captured.map(({call, count}) => `${call}${count === null ? '' : ` ${count}`}`).join(', ')}\n`)
} finally {
  await lab.stop()
}
