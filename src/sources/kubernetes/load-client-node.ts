let clientNode: Promise<typeof import('@kubernetes/client-node')> | undefined

/**
 * client-node, loaded on first use (~0.9 s) and kept: in the bundle each import() is a require() wrapped in a fresh
 * copy of its ~800 exports, which each context of a fleet would pay again.
 */
export function loadClientNode(): Promise<typeof import('@kubernetes/client-node')> {
  clientNode ??= import('@kubernetes/client-node')
  return clientNode
}
