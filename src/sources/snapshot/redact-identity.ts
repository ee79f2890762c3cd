/**
 * Error texts name who asked: kube-apiserver's 403 (`User "alice@corp"`), IAM denials (`User: arn:aws:sts::...`)
 * and EC2's encoded authorization message. A snapshot is made to be shared, so it keeps the refusal and drops the identity.
 */
const IDENTITIES: Array<[RegExp, string]> = [
  [/User "[^"]*"/g, 'User "(not recorded)"'],
  [/User: arn:\S+/g, 'User: (not recorded)'],
  [/(Encoded authorization failure message:)\s*\S+/gi, '$1 (not recorded)'],
]

export function redactIdentity(text: string): string {
  return IDENTITIES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text)
}
