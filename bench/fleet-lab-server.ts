// The lab for bench/doctor-fleet.ts, in its own process so that its CPU is not counted as doctor's nor taken from
// doctor's thread: N clusters (test/lab/fleet-lab.ts), each its own HTTPS Kubernetes API answering after LATENCY_MS
// (answers cached by URL, as bench/doctor.ts's lab does), over one EC2 scenario in moto and the EKS fake, each behind a
// region front (bench/region-front.ts: the same latency, every request on its own, moto's answers replayed).
// IPC: sends {kubeconfig, ec2, eks} when ready; answers 'cpu' with {lab, moto} CPU seconds so far and the fronts'
// request counts; 'stop' stops it.
import {readFileSync} from 'node:fs'

import {startFleetLab} from '../test/lab/fleet-lab.js'
import {startRegionFront} from './region-front.js'

const [clusters, latencyMs] = [Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 150)]
const names = Array.from({length: clusters}, (_, i) => `cluster-${String(i + 1).padStart(2, '0')}`)
const fleet = await startFleetLab(names.map((name) => ({name})), {cacheAnswers: true})
for (const kube of fleet.kubes.values()) kube.faults.push({delayMs: latencyMs, path: '/'})
// LAB_REPLAY=0: every EC2 and EKS request reaches moto and the fake, to see what one shared, single-threaded EC2 bounds.
const replay = process.env.LAB_REPLAY !== '0'
const ec2 = await startRegionFront(fleet.base.aws.ec2.endpoint, latencyMs, replay)
const eks = await startRegionFront(fleet.base.aws.eks.endpoint, latencyMs, replay)

/** utime + stime of a process from /proc, in seconds (clock ticks are 1/100 s on Linux). */
const cpuOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

process.send!({ec2: ec2.endpoint, eks: eks.endpoint, kubeconfig: fleet.kubeconfig, names})
process.on('message', async (message) => {
  if (message === 'cpu') {
    const used = process.cpuUsage()
    const kubeRequests = [...fleet.kubes.values()].reduce((sum, kube) => sum + kube.requests.length, 0)
    const writes = [...fleet.kubes.values()].reduce((sum, kube) => sum + kube.writes.length, 0)
    process.send!({ec2: ec2.stats(), eks: eks.stats(), kubeRequests, lab: (used.user + used.system) / 1e6, moto: cpuOf(fleet.base.aws.moto.pid), writes})
  }

  if (message === 'stop') {
    await Promise.all([ec2.stop(), eks.stop()])
    await fleet.stop()
    process.exit(0)
  }
})
