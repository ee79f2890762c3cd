import {setAwsLabEnv} from './aws-lab-env.js'
import {type Ec2FaultProxy, type RecordedEc2Request, startEc2FaultProxy} from './ec2-fault-proxy.js'
import {buildEc2Scenario} from './ec2-scenario.js'
import {type EksFake, startEksFake} from './eks-fake.js'
import {defaultEksState} from './eks-fixtures.js'
import type {LabScenario, LabScenarioSpec} from './ec2-scenario-spec.js'
import {type MotoServer, startMoto} from './moto-server.js'

/** moto behind the fault proxy and the EKS fake, with this process's AWS environment pointed at them. */
export interface AwsLab {
  ec2: Ec2FaultProxy
  /** The requests the code under test made (not the scenario builder's). */
  ec2Requests(): RecordedEc2Request[]
  eks: EksFake
  moto: MotoServer
  /**
   * Resets moto, the proxy's faults and prefixes, builds a scenario (its writes are recorded as the lab's)
   * and serves the matching EKS cluster and vpc-cni add-on.
   */
  scenario(spec?: LabScenarioSpec): Promise<LabScenario>
  stop(): Promise<void>
}

export async function startAwsLab(): Promise<AwsLab> {
  const moto = await startMoto()
  const ec2 = await startEc2FaultProxy(moto.endpoint)
  const eks = await startEksFake()
  const restoreEnv = setAwsLabEnv({ec2: ec2.endpoint, eks: eks.endpoint})
  return {
    ec2,
    ec2Requests: () => ec2.requests.filter((request) => request.origin === 'vpccni'),
    eks,
    moto,
    async scenario(spec) {
      await moto.reset()
      ec2.clearFaults()
      ec2.prefixes.clear()
      ec2.interfaceTypes.clear()
      ec2.setOrigin('lab')
      try {
        const built = await buildEc2Scenario(ec2.endpoint, spec, ec2.interfaceTypes)
        eks.clearFaults()
        eks.state = defaultEksState(built)
        return built
      } finally {
        ec2.setOrigin('vpccni')
      }
    },
    async stop() {
      restoreEnv()
      await eks.stop()
      await ec2.stop()
      await moto.stop()
    },
  }
}
