/** The recommendation written the three ways users apply aws-node settings. */
export interface ApplySnippets {
  /** `configurationValues` for the EKS managed add-on: a JSON string with string values. */
  configurationValues: string
  /** The container env entries for the aws-node DaemonSet, as YAML. */
  envBlock: string
  kubectl: string
  updateAddon: string
}

/** Variables to remove when the recommendation goes back to the coarse targets (`NAME-` in kubectl set env). */
const WARM_IP_VARIABLES = ['WARM_IP_TARGET', 'MINIMUM_IP_TARGET']

export function buildApplySnippets(env: Record<string, string>): ApplySnippets {
  const entries = Object.entries(env)
  const envBlock = ['env:', ...entries.flatMap(([name, value]) => [`  - name: ${name}`, `    value: "${value}"`])].join('\n')
  const unset = WARM_IP_VARIABLES.some((name) => name in env) ? [] : WARM_IP_VARIABLES.map((name) => `${name}-`)
  const kubectl = ['kubectl set env daemonset aws-node -n kube-system', ...entries.map(([n, v]) => `${n}=${v}`), ...unset].join(' ')
  const configurationValues = JSON.stringify({env})
  const updateAddon = `aws eks update-addon --cluster-name CLUSTER --addon-name vpc-cni --configuration-values '${configurationValues}'`
  return {configurationValues, envBlock, kubectl, updateAddon}
}
