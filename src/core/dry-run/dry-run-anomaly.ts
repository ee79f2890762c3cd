/** Something that looks wrong on the node as it stands. */
export interface DryRunAnomaly {
  code: 'assigned-without-pod' | 'pod-ip-on-no-eni' | 'settings-predate-daemonset' | 'unmanaged-eni'
  detail: string
  /** The ENI, address or pod it is about. */
  subject: string
}
