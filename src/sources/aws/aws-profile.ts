import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'
import {join} from 'node:path'

/** The profile the SDK will use: --profile, else AWS_PROFILE; undefined means the default chain. */
export function profileInUse(profile: string | undefined): string | undefined {
  return profile ?? (process.env.AWS_PROFILE || undefined)
}

/** The shared files the SDK reads profiles from, where AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point. */
export function sharedConfigFiles(): string[] {
  return [
    process.env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config'),
    process.env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials'),
  ]
}

/** Whether either shared file has a section for the profile (`[profile NAME]` in config, `[NAME]` in both). */
export function isProfileDefined(profile: string): boolean {
  return sharedConfigFiles().some((file) => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return false
    }

    return text.split(/\r?\n/).some((line) => {
      const section = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]/.exec(line)?.[1]
      return section === profile
    })
  })
}
