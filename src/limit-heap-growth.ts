import {setFlagsFromString} from 'node:v8'

/**
 * Lets the heap grow to twice what the last full collection kept, not V8's up to four times. doctor on 5,000 nodes
 * keeps about 100 MB of summaries while the AWS SDK turns 26 MB of ENI XML into ~1.3 GB of short-lived objects, many
 * of which outlive young collections; left to pile up to four times, they took doctor to 390-450 MB RSS, at twice to
 * 320-370 MB, for about 0.3 s more CPU (bench/doctor.ts). Set by doctor only, once the launcher has read its code
 * cache: a V8 flag changed before that makes V8 reject the cache, which cost every command ~50 ms of start-up.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100')
}
