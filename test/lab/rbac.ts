import {parse} from 'yaml'

import type {RequestInfo} from './request-info.js'

/** One rule of a (Cluster)Role, as in rbac.authorization.k8s.io/v1. */
export interface PolicyRule {
  apiGroups?: string[]
  nonResourceURLs?: string[]
  resourceNames?: string[]
  resources?: string[]
  verbs: string[]
}

export function parseClusterRole(text: string): PolicyRule[] {
  const role = parse(text) as {kind?: string; rules?: PolicyRule[]}
  if (role.kind !== 'ClusterRole' || !Array.isArray(role.rules)) throw new Error('expected a ClusterRole with rules')
  return role.rules
}

const has = (list: string[] | undefined, value: string): boolean => Boolean(list?.includes('*') || list?.includes(value))

/** The RBAC authorizer's rule match (k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac), for a ClusterRole bound cluster-wide. */
export function ruleAllows(rule: PolicyRule, info: RequestInfo): boolean {
  if (!has(rule.verbs, info.verb)) return false
  if (!info.isResource) {
    return Boolean(rule.nonResourceURLs?.some((url) => url === info.path || (url.endsWith('*') && info.path.startsWith(url.slice(0, -1)))))
  }

  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource
  if (!has(rule.apiGroups, info.apiGroup) || !has(rule.resources, resource)) return false
  return !rule.resourceNames?.length || (info.name !== undefined && rule.resourceNames.includes(info.name))
}

export function rulesAllow(rules: PolicyRule[], info: RequestInfo): boolean {
  return rules.some((rule) => ruleAllows(rule, info))
}
