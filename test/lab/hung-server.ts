import {createServer, type Socket} from 'node:net'

export interface HungServer {
  /** A kubeconfig whose cluster is this server (TLS never starts, so the CA does not matter). */
  kubeconfig: string
  stop(): Promise<void>
  url: string
}

/**
 * A loopback endpoint that accepts connections and never answers, as a hung API server, proxy or black-holed
 * route does. It only holds sockets until stop(); the kubeconfig is written to `dir`.
 */
export async function startHungServer(dir: string): Promise<HungServer> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined).on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  const url = `https://127.0.0.1:${port}`
  const {writeFileSync} = await import('node:fs')
  const {join} = await import('node:path')
  const kubeconfig = join(dir, 'kubeconfig-hung')
  const context = 'arn:aws:eks:us-west-2:111122223333:cluster/hung'
  writeFileSync(kubeconfig, [
    'apiVersion: v1', 'kind: Config',
    `clusters: [{name: hung, cluster: {server: "${url}", insecure-skip-tls-verify: true}}]`,
    'users: [{name: hung, user: {token: not-a-secret}}]',
    `contexts: [{name: "${context}", context: {cluster: hung, user: hung}}]`,
    `current-context: "${context}"`, '',
  ].join('\n'))
  return {
    kubeconfig,
    stop: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    }),
    url,
  }
}
