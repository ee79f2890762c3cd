import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/**
 * The bad files the corpus hands vpccni, written into `dir`: kubeconfigs that are not kubeconfigs, snapshot folders
 * that are not snapshots, traces and manifests that are not traces or manifests. Cases name them as {dir}/NAME.
 */
export function writeCorpusFiles(dir: string): void {
  const file = (name: string, content: Buffer | string) => writeFileSync(join(dir, name), content)
  const folder = (name: string) => {
    mkdirSync(join(dir, name), {recursive: true})
    return join(dir, name)
  }

  const binary = Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x80, 0x9b, 0x07, 0x00, 0xc3, 0x28])
  file('kubeconfig-bad-yaml', 'apiVersion: v1\nclusters:\n- name: a\n  bad: [unclosed\ncontexts: {\n')
  file('kubeconfig-binary', binary)
  file('kubeconfig-not-a-map', '- just\n- a list\n')
  file('exec-fail.mjs', 'process.stderr.write("first line of the plugin\\nsecond line\\n\\tdetail\\n"); process.exit(1)\n')
  file('kubeconfig-exec-fail', [
    'apiVersion: v1', 'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9", insecure-skip-tls-verify: true}}]',
    `users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(join(dir, 'exec-fail.mjs'))}], interactiveMode: Never}}}]`,
    'contexts: [{name: ctx, context: {cluster: c, user: u}}]', 'current-context: ctx', '',
  ].join('\n'))
  file('kubeconfig-empty', '')
  file('kubeconfig-bad-client-key', [
    'apiVersion: v1', 'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]',
    `users: [{name: u, user: {client-certificate-data: ${Buffer.from('not a certificate').toString('base64')}, client-key-data: ${Buffer.from('not a key').toString('base64')}}}]`,
    'contexts: [{name: ctx, context: {cluster: c, user: u}}]', 'current-context: ctx', '',
  ].join('\n'))
  file('kubeconfig-no-current', [
    'apiVersion: v1', 'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]', 'users: [{name: u, user: {token: t}}]',
    'contexts: [{name: one, context: {cluster: c, user: u}}, {name: two, context: {cluster: c, user: u}}]', '',
  ].join('\n'))
  // As a fleet's kubeconfig is: contexts named by `aws eks update-kubeconfig` (ARNs) beside a hand-named one.
  const arn = (name: string) => `arn:aws:eks:us-west-2:111122223333:cluster/${name}`
  file('kubeconfig-arn-contexts', [
    'apiVersion: v1', 'kind: Config',
    'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]', 'users: [{name: u, user: {token: t}}]',
    `contexts: [{name: prod-a, context: {cluster: c, user: u}}, {name: "${arn('prod-b')}", context: {cluster: c, user: u}}, {name: "${arn('staging')}", context: {cluster: c, user: u}}]`, '',
  ].join('\n'))
  writeFileSync(join(folder('snap-garbage'), 'index.json'), 'garbage{\n')
  writeFileSync(join(folder('snap-binary'), 'index.json'), binary)
  writeFileSync(join(folder('snap-future'), 'index.json'), '{"schemaVersion": 99}\n')
  writeFileSync(join(folder('snap-array'), 'index.json'), '[1, 2, 3]\n')
  folder('snap-empty')
  writeFileSync(join(folder('busy'), 'notes.txt'), 'mine\n')
  folder('a-folder')
  file('a-file', 'x\n')
  file('empty', '')
  file('trace-bad.csv', 'seconds,op,count\n0,+,5\n60,*,2\n')
  file('trace-words.csv', 'hello\nworld\n')
  file('trace-binary.csv', binary)
  file('trace-negative.csv', '0,+,-5\n')
  file('trace-comments.csv', '# nothing but comments\n\n')
  file('ds-bad.yaml', 'kind: DaemonSet\nmetadata: {name: aws-node\nspec: [\n')
  file('ds-configmap.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: amazon-vpc-cni, namespace: kube-system}\ndata: {}\n')
  file('ds-garbage.json', '{"kind": "DaemonSet", "spec": ')
  file('ds-scalar.yaml', 'just a string\n')
  file('ds-binary.yaml', binary)
  const clusterConfig = (groups: string) => `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-west-2}\n${groups}`
  file('cluster-no-groups.yaml', clusterConfig(''))
  file('cluster-unknown-type.yaml', clusterConfig('managedNodeGroups:\n- {name: a, instanceType: m9.large, desiredCapacity: 2}\n'))
  file('cluster-negative.yaml', clusterConfig('managedNodeGroups:\n- {name: a, instanceType: m5.large, desiredCapacity: -2}\n'))
  file('checkpoint-not-json.json', '{"version": "vpc-cni-ipam/1", "allocations": [\n')
  file('checkpoint-no-container.json', '{"version": "vpc-cni-ipam/1", "allocations": [{"ipv4": "10.0.0.9"}]}\n')
  file('json-array.json', '[1, 2, 3]\n')
  file('trace-overdraw.csv', '0,+,2\n10,-,50\n')
}
