import {type FleetMember, wasRead} from '../core/doctor/fleet.js'
import {resourcePath} from './doctor-resource.js'

/** The subnet with the fewest nodes of runway: "5 nodes"; NONE when no subnet's runway is known. */
export function runwayOf(member: FleetMember, none = '-'): string {
  const runway = member.run?.runway ?? []
  if (runway.length === 0) return none
  const least = Math.min(...runway.map((r) => r.runwayNodes))
  return `${least} node${least === 1 ? '' : 's'}`
}

/** The first finding (findings are sorted worst first), "none", or "could not read". */
export function worstOf(member: FleetMember): string {
  if (!wasRead(member)) return 'could not read'
  const worst = member.run!.report.findings[0]
  return worst ? `${worst.id} ${resourcePath(worst.resource)}` : 'none'
}
