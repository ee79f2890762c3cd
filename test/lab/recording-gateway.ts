import {createServer, type IncomingHttpHeaders} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface GatewayRequest {
  body: string
  headers: IncomingHttpHeaders
  method?: string
  url?: string
}

export interface GatewayAnswer {
  body?: string
  headers?: Record<string, string>
  status: number
}

/** A loopback HTTP server standing in for a Pushgateway: it records every request and answers as told (default 200). */
export interface RecordingGateway {
  requests: GatewayRequest[]
  stop(): Promise<void>
  /** http://127.0.0.1:PORT */
  url: string
}

export async function startRecordingGateway(answer: (request: GatewayRequest) => GatewayAnswer = () => ({status: 200})): Promise<RecordingGateway> {
  const requests: GatewayRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const request = {body: Buffer.concat(chunks).toString(), headers: req.headers, method: req.method, url: req.url}
      requests.push(request)
      const {body = '', headers = {}, status} = answer(request)
      res.writeHead(status, headers).end(body)
    })
  })
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  return {
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }
}
