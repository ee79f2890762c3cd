import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {suite} from 'uvu'
import * as assert from 'uvu/assert'

import {SourceError, UserError, type VpccniError} from '../../../src/errors.js'
import {createKubernetesSource, type KubernetesOptions} from '../../../src/sources/kubernetes/index.js'
import {loadClientNode} from '../../../src/sources/kubernetes/load-client-node.js'
import {parseKubeconfigFile} from '../../../src/sources/kubernetes/read-kubeconfig-files.js'
import {type KubeLab, startKubeLab} from '../../lab/kube-lab.js'
import {buildLabCluster} from '../../lab/scenario.js'
import {makeLabCertificates} from '../../lab/tls.js'

const EXEC_TOKEN = 'k8s-aws-v1.exec-plugin-token'
const kubeconfig = suite<{lab: KubeLab}>('kubeconfig and credentials', {} as never)

kubeconfig.before(async (context) => {
  const {state} = buildLabCluster({nodeGroups: [{count: 2, instanceType: 'm5.large'}]})
  context.lab = await startKubeLab(state, {acceptedTokens: ['lab-token-not-a-secret', EXEC_TOKEN]})
})

kubeconfig.after(async ({lab}) => {
  await lab.stop()
})

async function nodeCount(options: KubernetesOptions): Promise<number> {
  const source = await createKubernetesSource(options)
  try {
    return (await source.listNodes()).length
  } finally {
    source.close()
  }
}

async function failure(work: () => Promise<unknown>): Promise<VpccniError> {
  try {
    await work()
  } catch (error) {
    return error as VpccniError
  }

  throw new Error('expected a failure')
}

function withEnv<T>(name: string, value: string | undefined, work: () => Promise<T>): Promise<T> {
  const previous = process.env[name]
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
  return work().finally(() => {
    if (previous === undefined) delete process.env[name]
    else process.env[name] = previous
  })
}

kubeconfig('--kubeconfig FILE is used as given', async ({lab}) => {
  assert.is(await nodeCount({kubeconfig: lab.kubeconfig}), 2)
})

kubeconfig('KUBECONFIG with several files is merged, and --context picks one of them', async ({lab}) => {
  const second = lab.writeKubeconfig({context: 'staging'}, 'kubeconfig-staging')
  await withEnv('KUBECONFIG', `${lab.kubeconfig}:${second}`, async () => {
    assert.is(await nodeCount({}), 2)
    const source = await createKubernetesSource({context: 'staging'})
    assert.is(source.context.name, 'staging')
    source.close()
  })
})

kubeconfig('an unknown --context is bad input (exit 2) with a did-you-mean', async ({lab}) => {
  const second = lab.writeKubeconfig({context: 'staging'}, 'kubeconfig-typo')
  const error = await failure(() => createKubernetesSource({context: 'stagign', kubeconfig: second}))
  assert.instance(error, UserError)
  assert.is(error.exitCode, 2)
  assert.is(error.message, 'kubeconfig has no context "stagign"')
  assert.is(error.hint, 'did you mean staging?')
})

kubeconfig('a missing kubeconfig file is bad input (exit 2)', async () => {
  const error = await failure(() => createKubernetesSource({kubeconfig: '/nonexistent/kubeconfig'}))
  assert.instance(error, UserError)
  assert.is(error.message, 'kubeconfig /nonexistent/kubeconfig does not exist')
})

kubeconfig('a kubeconfig without a current context: exit 3 naming the contexts', async ({lab}) => {
  const path = join(lab.dir, 'kubeconfig-nocurrent')
  writeFileSync(path, readFileSync(lab.kubeconfig, 'utf8').replace(/^current-context:.*$/m, ''))
  const error = await failure(() => createKubernetesSource({kubeconfig: path}))
  assert.instance(error, SourceError)
  assert.is(error.exitCode, 3)
  assert.match(error.hint ?? '', /pass --context \(one of arn:aws:eks:us-west-2:111122223333:cluster\/lab\)/)
})

kubeconfig('a kubeconfig that is not one (bad YAML, binary) is one line naming the file, also from KUBECONFIG', async ({lab}) => {
  const badYaml = join(lab.dir, 'kubeconfig-bad-yaml')
  writeFileSync(badYaml, 'apiVersion: v1\nclusters:\n- name: a\n  bad: [unclosed\ncontexts: {\n')
  const binary = join(lab.dir, 'kubeconfig-binary')
  writeFileSync(binary, Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x80, 0x00, 0x07]))
  for (const [file, error] of [
    [badYaml, await failure(() => createKubernetesSource({kubeconfig: badYaml}))],
    [binary, await failure(() => createKubernetesSource({kubeconfig: binary}))],
    [badYaml, await withEnv('KUBECONFIG', `${lab.kubeconfig}:${badYaml}`, () => failure(() => createKubernetesSource({})))],
  ] as const) {
    assert.instance(error, UserError)
    assert.ok(error.message.startsWith(`cannot read the kubeconfig ${file}: `), error.message)
    assert.not.match(error.message, /\n|\u001b|\u0000|\ufffd/)
  }
})

kubeconfig('--context with no kubeconfig at all is exit 3 with the hint, as without --context', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'vpccni-nokube-'))
  try {
    for (const context of ['prod', undefined]) {
      const error = await withEnv('KUBECONFIG', join(empty, 'missing'), () => failure(() => createKubernetesSource({context})))
      assert.instance(error, SourceError)
      assert.is(error.exitCode, 3)
      assert.is(error.message, `kubernetes:kubeconfig: no kubeconfig context found (looked in ${join(empty, 'missing')})`)
      assert.is(error.hint, 'pass --kubeconfig or set KUBECONFIG')
    }
  } finally {
    rmSync(empty, {force: true, recursive: true})
  }
})

kubeconfig('exec-plugin credentials (as aws eks get-token) are run and sent', async ({lab}) => {
  const plugin = join(lab.dir, 'get-token.mjs')
  const credential = {apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', spec: {}, status: {expirationTimestamp: '2099-01-01T00:00:00Z', token: EXEC_TOKEN}}
  writeFileSync(plugin, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))})\n`)
  const exec = {apiVersion: 'client.authentication.k8s.io/v1beta1', args: [plugin], command: process.execPath, interactiveMode: 'Never'}
  const path = lab.writeKubeconfig({user: {exec}}, 'kubeconfig-exec')
  assert.is(await nodeCount({kubeconfig: path}), 2)
})

kubeconfig('a client certificate (as kind and kubeadm write) authenticates, on the connections that share one TLS context', async ({lab}) => {
  const data = (pem: string) => Buffer.from(pem).toString('base64')
  const user = {'client-certificate-data': data(lab.client.certPem), 'client-key-data': data(lab.client.keyPem)}
  const source = await createKubernetesSource({kubeconfig: lab.writeKubeconfig({user}, 'kubeconfig-client-cert')})
  try {
    // Several lists at once: more than one socket, each presenting the certificate.
    const counts = await Promise.all([source.listNodes(), source.listNodes(), source.listNodes()])
    assert.equal(counts.map((nodes) => nodes.length), [2, 2, 2])
  } finally {
    source.close()
  }

  const stranger = makeLabCertificates(mkdtempSync(join(tmpdir(), 'vpccni-stranger-'))).client
  const path = lab.writeKubeconfig({user: {'client-certificate-data': data(stranger.certPem), 'client-key-data': data(stranger.keyPem)}}, 'kubeconfig-stranger-cert')
  const error = await failure(() => nodeCount({kubeconfig: path}))
  assert.match(error.message, /^kubernetes:listNodes: unauthorized: /, 'a certificate another CA signed is not taken')
})

kubeconfig('a certificate or key that is not one: bad input naming the context and the kubeconfig field (not OpenSSL\'s code)', async ({lab}) => {
  const data = (text: string) => Buffer.from(text).toString('base64')
  const stranger = makeLabCertificates(mkdtempSync(join(tmpdir(), 'vpccni-stranger-')))
  const client = {'client-certificate-data': data(lab.client.certPem), 'client-key-data': data(lab.client.keyPem)}
  const garbled = lab.client.certPem.replace(/\n(.{20})/, '\nAAAA$1')
  const cases: Array<[string, {cluster?: object; user?: object}, RegExp]> = [
    ['CA data not base64', {cluster: {'certificate-authority-data': 'not base64!'}}, /: certificate-authority-data is not base64$/],
    ['CA data not PEM', {cluster: {'certificate-authority-data': data('hello')}}, /: certificate-authority-data is not PEM: it has no -----BEGIN CERTIFICATE----- block$/],
    ['CA file missing', {cluster: {'certificate-authority': '/nowhere/ca.crt'}}, /: cannot read its certificate-authority \/nowhere\/ca\.crt: no such file$/],
    ['second CA of a bundle garbled', {cluster: {'certificate-authority-data': data(lab.caPem + garbled)}}, /: certificate-authority-data: its certificate 2 cannot be parsed$/],
    ['client certificate garbled', {user: {...client, 'client-certificate-data': data(garbled)}}, /: client-certificate-data: its certificate cannot be parsed$/],
    ['client key not a key', {user: {...client, 'client-key-data': data('not a key')}}, /: client-key-data is not a PEM private key$/],
    ['client key of another certificate', {user: {...client, 'client-key-data': data(stranger.client.keyPem)}}, /: client-key-data is not the key of client-certificate-data$/],
  ]
  for (const [name, options, line] of cases) {
    const error = await failure(() => createKubernetesSource({kubeconfig: lab.writeKubeconfig(options, 'kubeconfig-tls-fault')}))
    assert.instance(error, UserError, name)
    assert.match(error.message, /^kubeconfig context "arn:aws:eks:us-west-2:111122223333:cluster\/lab": /, name)
    assert.match(error.message, line, name)
  }

  // A bundle of two good CAs (one of them the lab's) is taken.
  const bundle = lab.writeKubeconfig({cluster: {'certificate-authority-data': data(stranger.caPem + lab.caPem)}, user: client}, 'kubeconfig-ca-bundle')
  assert.is(await nodeCount({kubeconfig: bundle}), 2)
})

kubeconfig('a failing exec plugin: exit 3, saying the credentials could not be had', async ({lab}) => {
  const plugin = join(lab.dir, 'broken-token.mjs')
  writeFileSync(plugin, 'process.stderr.write("An error occurred (ExpiredToken): the SSO session has expired"); process.exit(1)\n')
  const exec = {apiVersion: 'client.authentication.k8s.io/v1beta1', args: [plugin], command: process.execPath, interactiveMode: 'Never'}
  const path = lab.writeKubeconfig({user: {exec}}, 'kubeconfig-broken-exec')
  const error = await failure(() => createKubernetesSource({kubeconfig: path}))
  assert.instance(error, SourceError)
  assert.match(error.message, /^kubernetes:kubeconfig: cannot get credentials for context "arn:aws:eks:us-west-2:111122223333:cluster\/lab" \(exec ".+"\): .*SSO session has expired/)
})

kubeconfig('an exec plugin that writes several lines gives one line', async ({lab}) => {
  const plugin = join(lab.dir, 'chatty-token.mjs')
  writeFileSync(plugin, 'process.stderr.write("first problem\\nsecond line\\n\\ttrailing detail\\n"); process.exit(1)\n')
  const exec = {apiVersion: 'client.authentication.k8s.io/v1beta1', args: [plugin], command: process.execPath, interactiveMode: 'Never'}
  const error = await failure(() => createKubernetesSource({kubeconfig: lab.writeKubeconfig({user: {exec}}, 'kubeconfig-chatty-exec')}))
  assert.instance(error, SourceError)
  assert.not.match(error.message, /\n/)
  assert.match(error.message, /first problem second line trailing detail$/)
})

kubeconfig('a rejected token: 401 becomes exit 3 saying the credentials were rejected', async ({lab}) => {
  const path = lab.writeKubeconfig({user: {token: 'expired'}}, 'kubeconfig-bad-token')
  const error = await failure(() => nodeCount({kubeconfig: path}))
  assert.instance(error, SourceError)
  assert.match(error.message, /^kubernetes:listNodes: unauthorized: the API server rejected the credentials/)
})

kubeconfig('a server certificate the kubeconfig CA did not sign is refused (exit 3, TLS hint)', async ({lab}) => {
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-other-ca-'))
  try {
    const path = join(lab.dir, 'kubeconfig-other-ca')
    const otherCa = Buffer.from(makeLabCertificates(dir).caPem).toString('base64')
    writeFileSync(path, readFileSync(lab.kubeconfig, 'utf8').replace(/certificate-authority-data: .*/, `certificate-authority-data: ${otherCa}`))
    const error = await failure(() => nodeCount({kubeconfig: path}))
    assert.instance(error, SourceError)
    assert.match(error.hint ?? '', /certificate-authority/)
  } finally {
    rmSync(dir, {force: true, recursive: true})
  }
})

kubeconfig('a server that is not there: exit 3, cannot reach', async ({lab}) => {
  const path = join(lab.dir, 'kubeconfig-closed-port')
  writeFileSync(path, readFileSync(lab.kubeconfig, 'utf8').replace(lab.url, 'https://127.0.0.1:1'))
  const error = await failure(() => nodeCount({kubeconfig: path}))
  assert.instance(error, SourceError)
  assert.match(error.message, /^kubernetes: cannot reach the API server https:\/\/127\.0\.0\.1:1 \(connection refused\)/)
  assert.is((error as SourceError).call, 'kubernetes:listNodes', 'the read it cost is still known (doctor\'s read outcomes say it)')
})

kubeconfig('a kubeconfig file is parsed once per text, each caller getting its own current context', async ({lab}) => {
  const {KubeConfig} = await loadClientNode()
  const dir = mkdtempSync(join(tmpdir(), 'vpccni-kc-'))
  try {
    const file = join(dir, 'config')
    writeFileSync(file, readFileSync(lab.kubeconfig, 'utf8'))
    const [first, second] = [parseKubeconfigFile(KubeConfig, file), parseKubeconfigFile(KubeConfig, file)]
    assert.ok(first.getClusters() === second.getClusters(), 'the second read reused the first parse')
    first.setCurrentContext('other')
    assert.is.not(second.getCurrentContext(), 'other')
    writeFileSync(file, readFileSync(lab.kubeconfig, 'utf8').replace(/127\.0\.0\.1/g, 'localhost'))
    const changed = parseKubeconfigFile(KubeConfig, file)
    assert.match(changed.getCurrentCluster()?.server ?? '', /^https:\/\/localhost:/, 'a rewritten file is parsed again')
  } finally {
    rmSync(dir, {force: true, recursive: true})
  }
})

kubeconfig('read-only: no request but GET reached the lab', ({lab}) => {
  assert.equal(lab.writes, [])
})

kubeconfig.run()
