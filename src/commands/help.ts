import {Command} from '@oclif/core/command'

/** `vpccni help [COMMAND...]`, as git and kubectl have it: the same text as `vpccni COMMAND --help`. */
export default class HelpCommand extends Command {
  static args = {}
  static description = 'Show help for vpccni, or for one command: vpccni help ipamd simulate is vpccni ipamd simulate --help.'
  static examples = ['<%= config.bin %> help', '<%= config.bin %> help max-pods', '<%= config.bin %> help ipamd simulate']
  static strict = false
  static summary = 'Show help for vpccni or one of its commands.'

  async run(): Promise<void> {
    const {Help} = await import('@oclif/core/help')
    await new Help(this.config).showHelp(this.argv)
  }
}
