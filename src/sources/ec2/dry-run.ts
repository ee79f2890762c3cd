import type {AwsOptions} from '../aws/aws-options.js'
import {mapAwsError} from '../aws/map-aws-error.js'
import {runWithDeadline} from '../aws/run-with-deadline.js'
import {createEc2Client, loadEc2} from './create-ec2-client.js'
import type {DryRunAnswer} from './ec2-types.js'

type Sdk = Awaited<ReturnType<typeof loadEc2>>

/**
 * The ipamd actions vpccni can ask about; each is sent only with DryRun=true. EC2 has no DryRun for
 * AssignPrivateIpAddresses or UnassignPrivateIpAddresses, so those cannot be asked about safely.
 */
export type DryRunRequest =
  | {action: 'AttachNetworkInterface'; deviceIndex: number; instanceId: string; networkInterfaceId: string}
  | {action: 'CreateNetworkInterface'; securityGroupIds?: string[]; subnetId: string; tags?: Record<string, string>}
  | {action: 'CreateTags'; resourceIds: string[]; tags: Record<string, string>}
  | {action: 'DeleteNetworkInterface'; networkInterfaceId: string}
  | {action: 'DetachNetworkInterface'; attachmentId: string}
  | {action: 'ModifyNetworkInterfaceAttribute'; attachmentId: string; networkInterfaceId: string}

/**
 * Asks EC2 whether the caller may perform an action, changing nothing: `DryRunOperation` means allowed,
 * `UnauthorizedOperation` denied. Any other failure (unreachable, bad parameters) is a SourceError.
 */
export async function dryRun(options: AwsOptions, request: DryRunRequest): Promise<DryRunAnswer> {
  const action = `ec2:${request.action}`
  const sdk = await loadEc2()
  try {
    const client = await createEc2Client(options)
    await runWithDeadline(options, client, (deadline) => client.send(toCommand(sdk, request) as never, {abortSignal: deadline.signal}))
    // A call that succeeds despite DryRun=true means the endpoint ignored the flag: never report that as fine.
    throw new Error(`${action} answered without DryRunOperation: the endpoint ignored DryRun=true`)
  } catch (error) {
    const {message, name} = error as Error
    if (name === 'DryRunOperation') return {action, allowed: true, code: name, message}
    if (name === 'UnauthorizedOperation') return {action, allowed: false, code: name, message}
    throw mapAwsError(`${action} (DryRun)`, error, options)
  }
}

function toCommand(sdk: Sdk, request: DryRunRequest): unknown {
  switch (request.action) {
    case 'AttachNetworkInterface': {
      return new sdk.AttachNetworkInterfaceCommand({
        DeviceIndex: request.deviceIndex,
        DryRun: true,
        InstanceId: request.instanceId,
        NetworkInterfaceId: request.networkInterfaceId,
      })
    }

    case 'CreateNetworkInterface': {
      const tags = Object.entries(request.tags ?? {}).map(([Key, Value]) => ({Key, Value}))
      const TagSpecifications = tags.length > 0 ? [{ResourceType: 'network-interface' as const, Tags: tags}] : undefined
      return new sdk.CreateNetworkInterfaceCommand({DryRun: true, Groups: request.securityGroupIds, SubnetId: request.subnetId, TagSpecifications})
    }

    case 'CreateTags': {
      const tags = Object.entries(request.tags).map(([Key, Value]) => ({Key, Value}))
      return new sdk.CreateTagsCommand({DryRun: true, Resources: request.resourceIds, Tags: tags})
    }

    case 'DeleteNetworkInterface': {
      return new sdk.DeleteNetworkInterfaceCommand({DryRun: true, NetworkInterfaceId: request.networkInterfaceId})
    }

    case 'DetachNetworkInterface': {
      return new sdk.DetachNetworkInterfaceCommand({AttachmentId: request.attachmentId, DryRun: true})
    }

    case 'ModifyNetworkInterfaceAttribute': {
      // What ipamd sends after attaching: DeleteOnTermination on the new attachment.
      const Attachment = {AttachmentId: request.attachmentId, DeleteOnTermination: true}
      return new sdk.ModifyNetworkInterfaceAttributeCommand({Attachment, DryRun: true, NetworkInterfaceId: request.networkInterfaceId})
    }
  }
}
