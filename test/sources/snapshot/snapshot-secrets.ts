import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {LAB_TOKEN} from '../../lab/kubeconfig.js'

/** Texts that must never reach a snapshot: the kubeconfig's user entry and credentials, whatever the lab's AWS env holds. */
export function forbiddenTexts(caPem?: string): string[] {
  const texts = [LAB_TOKEN, 'lab-user', ':user/lab', 'AKIALABLABLABLAB', 'lab-secret', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'BEGIN CERTIFICATE', 'certificate-authority']
  if (caPem) {
    const body = caPem.split('\n').filter((line) => line && !line.startsWith('-----')).join('')
    texts.push(Buffer.from(caPem).toString('base64').slice(0, 40), body.slice(0, 40))
  }

  return texts
}

/** `file: text` for every forbidden text found in a snapshot folder's files. */
export function findForbidden(dir: string, texts: string[]): string[] {
  return readdirSync(dir).flatMap((file) => {
    const content = readFileSync(join(dir, file), 'utf8')
    return texts.filter((text) => content.includes(text)).map((text) => `${file}: ${text}`)
  })
}
