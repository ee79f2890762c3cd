import {execFileSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface LabCertificates {
  caPem: string
  /** A client certificate the lab's CA signed: a kubeconfig user authenticated by it, as kind's and kubeadm's are. */
  client: {certPem: string; keyPem: string}
  certPem: string
  keyPem: string
}

/**
 * A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl at test time (EC keys: fast), so both clients verify
 * the lab's TLS for real: client-node refuses plain http without insecure-skip-tls-verify, and so should we.
 */
export function makeLabCertificates(dir: string): LabCertificates {
  const file = (name: string): string => join(dir, name)
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, {stdio: 'pipe'})
    } catch (error) {
      throw new Error(`openssl is needed to make the lab's CA and failed: ${(error as Error).message}`)
    }
  }

  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl('req', '-x509', ...ecKey, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2', '-subj', '/CN=vpccni-lab-ca')
  openssl('req', '-new', ...ecKey, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=kube-apiserver')
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  openssl(
    'x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
    '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext'),
  )
  openssl('req', '-new', ...ecKey, '-keyout', file('client.key'), '-out', file('client.csr'), '-subj', '/CN=vpccni-lab-user')
  writeFileSync(file('client.ext'), 'extendedKeyUsage=clientAuth\n')
  openssl('x509', '-req', '-in', file('client.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('client.crt'), '-days', '2', '-extfile', file('client.ext'))
  return {
    caPem: readFileSync(file('ca.crt'), 'utf8'),
    client: {certPem: readFileSync(file('client.crt'), 'utf8'), keyPem: readFileSync(file('client.key'), 'utf8')},
    certPem: readFileSync(file('server.crt'), 'utf8'),
    keyPem: readFileSync(file('server.key'), 'utf8'),
  }
}
