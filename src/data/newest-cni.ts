import {CNI_RELEASE_DATA} from './cni-releases.generated.js'

/**
 * The newest VPC CNI release vpccni knows: the default for --cni-version.
 * Derived from the embedded release data (src/data/cni-releases.generated.ts, sorted by version), so it moves with it.
 */
export const NEWEST_KNOWN_CNI: string = CNI_RELEASE_DATA.releases.at(-1)?.version ?? 'v1.23.0'
