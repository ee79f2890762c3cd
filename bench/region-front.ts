// A front for one of the lab's AWS endpoints (EC2: moto behind the fault proxy; EKS: the fake), for
// bench/fleet-lab-server.ts. Each request is answered after LATENCY_MS, on its own timer, as a region's endpoint
// answers many clients at once. A 200 answer is kept by method, URL and body and replayed: moto is one Python
// thread for the whole lab, and while the fleet is timed it would answer the same reads for 20 clusters in turn,
// which a region does not. The first answer to each read is moto's own (made in the warm-up, not timed).
import {createServer, type IncomingMessage} from 'node:http'
import type {AddressInfo} from 'node:net'

interface Kept {
  body: Buffer
  headers: Record<string, string>
  status: number
}

export interface RegionFront {
  endpoint: string
  /** Requests answered, and how many of them went on to the lab's own server (not replayed). */
  stats(): {forwarded: number; requests: number}
  stop(): Promise<void>
}

/** Hop-by-hop and framing headers are the front's own to send. */
const DROPPED = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding'])

/** `replay` false forwards every request (the lab's own servers answer each, in turn: moto is one thread). */
export async function startRegionFront(upstream: string, latencyMs: number, replay = true): Promise<RegionFront> {
  const kept = new Map<string, Kept>()
  const counts = {forwarded: 0, requests: 0}
  const forward = async (req: IncomingMessage, body: Buffer): Promise<Kept> => {
    counts.forwarded++
    const response = await fetch(new URL(req.url ?? '/', upstream), {
      body: body.length > 0 ? body : undefined,
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host' && !DROPPED.has(k)).map(([k, v]) => [k, String(v)])),
      method: req.method,
    })
    const headers = Object.fromEntries([...response.headers].filter(([k]) => !DROPPED.has(k) && k !== 'content-encoding'))
    return {body: Buffer.from(await response.arrayBuffer()), headers, status: response.status}
  }

  const server = createServer((req, res) => {
    void (async () => {
      counts.requests++
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = Buffer.concat(chunks)
      const key = `${req.method} ${req.url} ${body.toString()}`
      const delay = new Promise((resolve) => setTimeout(resolve, latencyMs))
      const answer = kept.get(key) ?? (await forward(req, body))
      if (replay && answer.status === 200) kept.set(key, answer)
      await delay
      res.writeHead(answer.status, answer.headers).end(answer.body)
    })().catch((error: Error) => {
      if (!res.headersSent) res.writeHead(502, {'content-type': 'text/plain'})
      res.end(`region front: ${error.message}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({...counts}),
    stop: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
