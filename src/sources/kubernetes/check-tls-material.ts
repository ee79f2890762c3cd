import {createPrivateKey, type KeyObject, X509Certificate} from 'node:crypto'
import {readFileSync} from 'node:fs'

import type {Cluster, User} from '@kubernetes/client-node'

import {UserError} from '../../errors.js'
import {errnoWords} from '../errno-words.js'

interface Field {
  data?: string
  file?: string
  /** The kubeconfig's own key for the value: what the user looks for in the file. */
  name: string
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g
const BASE64 = /^[\sA-Za-z\d+/]*={0,2}\s*$/

/**
 * The kubeconfig's certificates and key, checked field by field before they are used: OpenSSL's own errors
 * ("DECODER routines::unsupported") name neither the field nor the fault, and a CA that is not one only shows later as a
 * failed handshake (exit 3, as if the cluster were out of reach). Each fault is bad input naming the context and field.
 */
export function checkTlsMaterial(cluster: Cluster, user: User, context: string): void {
  const refuse = (message: string) => new UserError(`kubeconfig context "${context}": ${message}`, {
    hint: 'kubectl config view --raw shows the fields; `aws eks update-kubeconfig` writes a working context for an EKS cluster',
  })
  const ca = read({data: cluster.caData, file: cluster.caFile, name: 'certificate-authority'}, refuse)
  const cert = read({data: user.certData, file: user.certFile, name: 'client-certificate'}, refuse)
  const key = read({data: user.keyData, file: user.keyFile, name: 'client-key'}, refuse)

  if (ca) certificates(ca.text, ca.shown, refuse)
  const certificate = cert ? certificates(cert.text, cert.shown, refuse)[0] : undefined
  let privateKey: KeyObject | undefined
  if (key) {
    try {
      privateKey = createPrivateKey(key.text)
    } catch {
      throw refuse(`${key.shown} is not a PEM private key`)
    }
  }

  if (certificate && privateKey && !certificate.checkPrivateKey(privateKey)) {
    throw refuse(`${key?.shown} is not the key of ${cert?.shown}`)
  }
}

/** The field's text (a file's, or the base64 data's), and how to name it; undefined when the kubeconfig has neither. */
function read(field: Field, refuse: (message: string) => UserError): undefined | {shown: string; text: string} {
  if (field.file) {
    try {
      return {shown: `${field.name} ${field.file}`, text: readFileSync(field.file, 'latin1')}
    } catch (error) {
      throw refuse(`cannot read its ${field.name} ${field.file}: ${errnoWords(error)}`)
    }
  }

  if (!field.data) return undefined
  const shown = `${field.name}-data`
  if (!BASE64.test(field.data)) throw refuse(`${shown} is not base64`)
  return {shown, text: Buffer.from(field.data, 'base64').toString('latin1')}
}

/** Every certificate of a PEM bundle, parsed; a bundle with none, or with one OpenSSL cannot parse, is refused. */
function certificates(text: string, shown: string, refuse: (message: string) => UserError): X509Certificate[] {
  const blocks = text.match(CERTIFICATE_BLOCK)
  if (!blocks) throw refuse(`${shown} is not PEM: it has no -----BEGIN CERTIFICATE----- block`)
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block)
    } catch {
      throw refuse(`${shown}: its ${blocks.length > 1 ? `certificate ${index + 1}` : 'certificate'} cannot be parsed`)
    }
  })
}
