/** roff rendering for generate-man.ts: pure functions from oclif manifest entries to man(7) pages. */

export interface ManifestFlag {
  char?: string
  default?: unknown
  description?: string
  env?: string
  helpGroup?: string
  name: string
  allowNo?: boolean
  options?: string[]
  type: 'boolean' | 'option'
}

export interface ManifestCommand {
  args: Record<string, {description?: string; name: string}>
  description?: string
  examples?: Array<string | {command: string; description: string}>
  flags: Record<string, ManifestFlag>
  id: string
  summary?: string
}

/** The page a command's id names: `ipamd:simulate` (oclif's internal id) is the page vpccni-ipamd-simulate(1). */
export function manPageName(id: string): string {
  return `vpccni-${id.replaceAll(/[ :]/g, '-')}`
}

/** The command as users type it: oclif's internal `ipamd:simulate` is `ipamd simulate` (topicSeparator " "). */
function typedCommand(id: string): string {
  return id.replaceAll(':', ' ')
}

export interface PageContext {
  date: string
  exitCodes: string
  version: string
}

/**
 * Escapes text for roff: backslashes, hyphens, a leading dot or quote that roff would read as a request,
 * and non-ASCII characters as \[uXXXX] (groff reads input as Latin-1 unless told otherwise).
 */
export function escapeRoff(text: string): string {
  return text
    .replaceAll('\\', '\\e')
    .replaceAll('-', '\\-')
    .replaceAll(/[^\u0000-\u007F]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n')
}

const EXIT_PARAGRAPH = /\n*Exit codes:\n[\s\S]*$/

function paragraphs(text: string): string[] {
  return text.replace(EXIT_PARAGRAPH, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
}

function header(name: string, context: PageContext): string[] {
  return [`.TH ${name.toUpperCase()} 1 "${context.date}" "vpccni ${context.version}" "vpccni manual"`]
}

function flagSynopsis(flag: ManifestFlag): string {
  const name = flag.allowNo ? `\\-\\-[no\\-]${escapeRoff(flag.name)}` : `\\-\\-${escapeRoff(flag.name)}`
  return flag.type === 'option' ? `${name} \\fIvalue\\fR` : name
}

function flagEntry(flag: ManifestFlag): string[] {
  const details = [flag.description ?? '']
  if (flag.options) details.push(`One of: ${flag.options.join(', ')}.`)
  if (flag.default !== undefined && flag.default !== false) details.push(`Default: ${String(flag.default)}.`)
  if (flag.env) details.push(`Environment: ${flag.env}.`)
  return ['.TP', `.B ${flagSynopsis(flag)}`, escapeRoff(details.filter(Boolean).join(' '))]
}

function exitStatus(context: PageContext): string[] {
  const lines = ['.SH EXIT STATUS']
  for (const row of context.exitCodes.split('\n')) {
    const [code, ...rest] = row.trim().split(/\s+/)
    lines.push('.TP', `.B ${code}`, escapeRoff(rest.join(' ')))
  }

  return lines
}

export function renderCommandPage(command: ManifestCommand, context: PageContext): string {
  const page = manPageName(command.id)
  const flags = Object.values(command.flags).sort((a, b) => a.name.localeCompare(b.name))
  const args = Object.values(command.args).map((a) => `[\\fI${escapeRoff(a.name.toUpperCase())}\\fR...]`)
  const lines = [
    ...header(page, context),
    '.SH NAME',
    `${escapeRoff(page)} \\- ${escapeRoff(command.summary ?? '')}`,
    '.SH SYNOPSIS',
    `.B vpccni ${escapeRoff(typedCommand(command.id))}`,
    [...args, '[\\fIOPTIONS\\fR]'].join(' '),
    '.SH DESCRIPTION',
  ]
  for (const [i, p] of paragraphs(command.description ?? command.summary ?? '').entries()) {
    if (i > 0) lines.push('.PP')
    lines.push(escapeRoff(p))
  }

  lines.push('.SH OPTIONS')
  for (const flag of flags) lines.push(...flagEntry(flag))
  if (command.examples?.length) {
    lines.push('.SH EXAMPLES')
    for (const example of command.examples) {
      const {command: cmd, description} = typeof example === 'string' ? {command: example, description: ''} : example
      if (description) lines.push('.PP', escapeRoff(description))
      lines.push('.PP', '.RS 4', `.B ${escapeRoff(cmd.replace('<%= config.bin %>', 'vpccni'))}`, '.RE')
    }
  }

  lines.push(...exitStatus(context), '.SH SEE ALSO', '.BR vpccni (1)', '')
  return lines.join('\n')
}

export function renderIndexPage(commands: ManifestCommand[], description: string, context: PageContext): string {
  const lines = [
    ...header('vpccni', context),
    '.SH NAME',
    `vpccni \\- ${escapeRoff(description)}`,
    '.SH SYNOPSIS',
    '.B vpccni',
    '\\fICOMMAND\\fR [\\fIOPTIONS\\fR]',
    '.SH DESCRIPTION',
    escapeRoff('vpccni answers the questions operators of the Amazon VPC CNI ask most: how many pods a node can take, ' +
      'how large the warm pool should be, whether a CNI version fits the cluster, and what the EKS managed add-on will revert. ' +
      'Every command prints JSON with --json; errors are one line on stderr.'),
    '.SH COMMANDS',
  ]
  for (const command of commands) {
    lines.push('.TP', `.BR ${escapeRoff(manPageName(command.id))} (1)`, escapeRoff(command.summary ?? ''))
  }

  lines.push(...exitStatus(context), '.SH ENVIRONMENT', '.TP', '.B NO_COLOR', 'Turns colour off.', '.TP', '.B DEBUG',
    'Prints stack traces of errors.', '.SH SEE ALSO')
  lines.push(commands.map((c) => `.BR ${escapeRoff(manPageName(c.id))} (1)`).join(',\n'), '')
  return lines.join('\n')
}
