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

/**
 * Every snippet makes the same change. Going back to a coarse target also turns the warm-IP variables off, since they
 * would otherwise win: kubectl removes them; the add-on configuration cannot remove a variable another field manager
 * set, so it sets them to 0, which ipamd reads as unset (getWarmIPTarget, getMinimumIPTarget).
 */
export function buildApplySnippets(env: Record<string, string>): ApplySnippets {
  const entries = Object.entries(env)
  const unsetNames = WARM_IP_VARIABLES.some((name) => name in env) ? [] : WARM_IP_VARIABLES
  const removal = unsetNames.length > 0 ? [`# and remove ${unsetNames.join(' and ')} from the env, if set`] : []
  const envBlock = ['env:', ...entries.flatMap(([name, value]) => [`  - name: ${name}`, `    value: "${value}"`]), ...removal].join('\n')
  const kubectl = ['kubectl set env daemonset aws-node -n kube-system', ...entries.map(([n, v]) => `${n}=${v}`), ...unsetNames.map((n) => `${n}-`)].join(' ')
  const configurationValues = JSON.stringify({env: {...env, ...Object.fromEntries(unsetNames.map((n) => [n, '0']))}})
  const updateAddon = `aws eks update-addon --cluster-name CLUSTER --addon-name vpc-cni --configuration-values '${configurationValues}'`
  return {configurationValues, envBlock, kubectl, updateAddon}
}
