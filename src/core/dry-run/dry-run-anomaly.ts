/** Something that looks wrong on the node as it stands. */
export interface DryRunAnomaly {
  code:
    | 'assigned-without-pod'
    | 'datastore-ip-on-no-eni'
    | 'leftover-cidrs'
    | 'no-eni-subnet'
    | 'pod-ip-on-no-eni'
    | 'pods-on-leftover-cidr'
    | 'settings-predate-daemonset'
    | 'unmanaged-eni'
  detail: string
  /** The ENI, address or pod it is about. */
  subject: string
}
