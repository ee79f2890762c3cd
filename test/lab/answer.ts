import type {IncomingMessage, ServerResponse} from 'node:http'
import {gzipSync} from 'node:zlib'

import {RawJson} from './serve-resource.js'
import {LabStatus} from './status.js'

export interface EncodedAnswer {
  body: Buffer | string
  code: number
  gzipped: boolean
  headers: Record<string, string>
}

/** The API server gzips answers over 128 KiB for clients that accept it (level 1, as kube-apiserver does). */
const GZIP_MIN_BYTES = 128 * 1024

export function encodeAnswer(req: IncomingMessage, body: object, retryAfterSeconds?: number): EncodedAnswer {
  const code = body instanceof LabStatus ? body.code : 200
  const headers: Record<string, string> = {'Content-Type': 'application/json'}
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds)
  const text = body instanceof RawJson ? body.text : JSON.stringify(body)
  const gzipped = text.length > GZIP_MIN_BYTES && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
  if (gzipped) headers['Content-Encoding'] = 'gzip'
  return {body: gzipped ? gzipSync(text, {level: 1}) : text, code, gzipped, headers}
}

export function writeAnswer(res: ServerResponse, answer: EncodedAnswer): void {
  res.writeHead(answer.code, answer.headers)
  res.end(answer.body)
}
