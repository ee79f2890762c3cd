/** The few text styles vpccni uses; identity functions when colour is off, so views never test for it. */
export interface Style {
  bold(text: string): string
  dim(text: string): string
  green(text: string): string
  red(text: string): string
  yellow(text: string): string
}

const identity = (text: string): string => text

export const plainStyle: Style = {bold: identity, dim: identity, green: identity, red: identity, yellow: identity}

/** chalk is loaded only when colour is on: plain output, the common case in pipelines, never pays for it. */
export async function createStyle(color: boolean): Promise<Style> {
  if (!color) return plainStyle
  const {Chalk} = await import('chalk')
  const chalk = new Chalk({level: 1})
  return {bold: chalk.bold, dim: chalk.dim, green: chalk.green, red: chalk.red, yellow: chalk.yellow}
}
