# bash completion for kubelift: source it, or copy it to /etc/bash_completion.d/kubelift
_kubelift() {
  local cur prev cmd
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd="${COMP_WORDS[1]}"
  local commands="analyze generate check convert build up down merge"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    -o|--output|--cache) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -f|--format) COMPREPLY=($(compgen -W "text json sarif html" -- "$cur")); return ;;
    -b|--base) COMPREPLY=($(compgen -W "jlink debian registry: tar:" -- "$cur")); return ;;
    -t|--to) COMPREPLY=($(compgen -W "tar: registry: docker:" -- "$cur")); return ;;
    -r|--runtime) COMPREPLY=($(compgen -W "podman" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    local opts="--help --debug --quiet --output"
    case "$cmd" in
      analyze) opts="$opts --name" ;;
      generate) opts="$opts --force" ;;
      check) opts="$opts --format --fail-on --manifests" ;;
      convert) opts="$opts --name --force --jobs" ;;
      build) opts="$opts --to --base --cache --insecure-registry" ;;
      up|down) opts="$opts --runtime" ;;
    esac
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _kubelift kubelift
