import type {DoctorReport} from './doctor-report.js'
import type {SubnetRunway} from './subnet-runway.js'

/** One doctor run as the CI and monitoring formats need it: the report, each subnet's runway, and when and how long it ran. */
export interface DoctorRun {
  durationSeconds: number
  report: DoctorReport
  runway: SubnetRunway[]
  /** ISO 8601, when the gather began. */
  startedAt: string
}

/** The name a cluster goes by in every format: the EKS name, else the kubeconfig context, else "cluster". */
export const clusterLabel = (report: DoctorReport): string => report.cluster.name ?? report.cluster.context ?? 'cluster'
