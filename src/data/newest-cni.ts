/**
 * The newest VPC CNI release vpccni knows: the default for --cni-version.
 * Source: aws/amazon-vpc-cni-k8s tags, newest v1.23.0 (2026-07-31), per ../shared/data/cni-releases.json.
 */
export const NEWEST_KNOWN_CNI = 'v1.23.0'
