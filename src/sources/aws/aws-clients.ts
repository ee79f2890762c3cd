import type {AwsOptions} from './aws-options.js'

interface Destroyable {
  destroy(): void
}

/**
 * The SDK clients of one cluster source (or of a fleet's), one per service, region, profile and timeout, kept across
 * its calls and destroyed together when the source (the fleet) is done. A client made per call paid its configuration
 * and credential chain again (~1 ms of CPU) and opened a new connection each time: against AWS a TCP and TLS
 * handshake, round trips on every step of doctor's reads, per cluster of a fleet. Calls still end by their own deadline and signal.
 */
export class AwsClients {
  private readonly kept = new Map<string, Promise<Destroyable>>()

  /** The kept client for `service` under these options, made by `create` the first time. */
  client<T extends Destroyable>(service: string, options: AwsOptions, create: () => Promise<T>): Promise<T> {
    const key = [service, options.region ?? '', options.profile ?? '', options.timeoutMs ?? ''].join('\u0000')
    let client = this.kept.get(key)
    if (!client) {
      client = create()
      // A client the SDK refused to make (a malformed region) is not kept: each call says so again.
      client.catch(() => this.kept.delete(key))
      this.kept.set(key, client)
    }

    return client as Promise<T>
  }

  destroy(): void {
    for (const client of this.kept.values()) void client.then((c) => c.destroy(), () => undefined)
    this.kept.clear()
  }
}
