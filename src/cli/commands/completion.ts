// keydesk completion bash|zsh|fish: scripts generated from the command tree itself, so they never fall behind it.
import { Command, type Command as Cmd } from 'commander'
import { assertNever } from '../../shared/errors'
import type { Bind } from '../context'

type Shell = 'bash' | 'zsh' | 'fish'

interface Node {
  readonly path: string
  readonly subcommands: readonly string[]
  readonly options: readonly string[]
}

export function completionCommand(bind: Bind, root: () => Cmd): Command {
  const cmd = new Command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      '\nInstall:\n  bash  keydesk completion bash > ~/.local/share/bash-completion/completions/keydesk\n' +
        '  zsh   keydesk completion zsh > "${fpath[1]}/_keydesk"\n' +
        '  fish  keydesk completion fish > ~/.config/fish/completions/keydesk.fish',
    )
  return bind(cmd, async (ctx, [shell]) => {
    if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') {
      ctx.out.note(`keydesk: completion is written for bash, zsh or fish, not "${shell ?? ''}".`)
      return 2
    }
    process.stdout.write(script(shell, nodes(root())))
  })
}

function nodes(root: Cmd, path = ''): Node[] {
  const options = [...root.options.map((o) => o.long ?? o.short ?? ''), '--help'].filter(Boolean)
  const here: Node = { path, subcommands: root.commands.map((c) => c.name()), options }
  return [here, ...root.commands.flatMap((c) => nodes(c, `${path} ${c.name()}`.trim()))]
}

function script(shell: Shell, tree: readonly Node[]): string {
  switch (shell) {
    case 'bash':
      return bash(tree)
    case 'zsh':
      return `#compdef keydesk\nautoload -U +X bashcompinit && bashcompinit\n${bash(tree)}`
    case 'fish':
      return fish(tree)
    default:
      return assertNever(shell)
  }
}

function bash(tree: readonly Node[]): string {
  // Bash arrays cannot have an empty key: the root is "keydesk", its children "keydesk keys", and so on.
  const key = (n: Node): string => `keydesk${n.path ? ` ${n.path}` : ''}`
  const words = tree.map((n) => `  ["${key(n)}"]="${[...n.subcommands, ...n.options].join(' ')}"`).join('\n')
  const subs = tree.map((n) => `  ["${key(n)}"]="${n.subcommands.join(' ')}"`).join('\n')
  return `# keydesk completion for bash
_keydesk() {
  local -A words=(
${words}
  )
  local -A subs=(
${subs}
  )
  local node="keydesk" w i
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if [[ " \${subs[$node]} " == *" $w "* ]]; then node="$node $w"; fi
  done
  COMPREPLY=($(compgen -W "\${words[$node]}" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -F _keydesk keydesk
`
}

function fish(tree: readonly Node[]): string {
  const lines = ['# keydesk completion for fish', 'complete -c keydesk -f']
  for (const n of tree) {
    const parts = n.path.split(' ').filter(Boolean)
    const seen = parts.length
      ? parts.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and ')
      : '__fish_use_subcommand'
    const notDeeper = n.subcommands.length ? `; and not __fish_seen_subcommand_from ${n.subcommands.join(' ')}` : ''
    if (n.subcommands.length) lines.push(`complete -c keydesk -n '${seen}${notDeeper}' -a '${n.subcommands.join(' ')}'`)
    for (const o of n.options) {
      if (o.startsWith('--')) lines.push(`complete -c keydesk -n '${seen}${notDeeper}' -l ${o.slice(2)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
