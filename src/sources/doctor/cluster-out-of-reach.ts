import {SourceError} from '../../errors.js'

/**
 * The cluster's API server out of reach (no kubeconfig, credentials refused, no connection, no answer in time): it cannot
 * be checked. One error line (exit 3), as in every other command; `label` names the cluster as its report would have,
 * so the monitoring formats can still say vpccni_doctor_up 0 for it.
 */
export class ClusterOutOfReach extends SourceError {
  readonly label: string
  /** Where the cluster was looked for: its context, region and account, so its metrics' key is the one a read gives. */
  readonly where: {context: null | string; place: {accountId: null | string; region: null | string}}

  constructor(reason: SourceError, label: string, where: ClusterOutOfReach['where']) {
    super(reason.call, reason.detail, {cause: reason.cause, hint: reason.hint, outOfReach: true, permission: reason.permission, shownAs: reason.shownAs})
    this.label = label
    this.where = where
  }

  override withHint(hint: string): ClusterOutOfReach {
    return new ClusterOutOfReach(super.withHint(hint), this.label, this.where)
  }
}
