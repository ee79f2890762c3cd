import {SourceError} from '../../errors.js'

/**
 * The cluster's API server out of reach (no kubeconfig, credentials refused, no connection, no answer in time): it cannot
 * be checked. One error line (exit 3), as in every other command; `label` names the cluster as its report would have,
 * so the monitoring formats can still say vpccni_doctor_up 0 for it.
 */
export class ClusterOutOfReach extends SourceError {
  readonly label: string

  constructor(reason: SourceError, label: string) {
    super(reason.call, reason.detail, {cause: reason.cause, hint: reason.hint, outOfReach: true, permission: reason.permission, shownAs: reason.shownAs})
    this.label = label
  }

  override withHint(hint: string): ClusterOutOfReach {
    return new ClusterOutOfReach(super.withHint(hint), this.label)
  }
}
