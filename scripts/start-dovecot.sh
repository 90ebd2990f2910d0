#!/usr/bin/env bash
# Starts a throwaway Dovecot IMAP server for development and tests, and prints shell `export` lines.
#
#   eval "$(scripts/start-dovecot.sh)"          # NQBA_DOVECOT_DIR, NQBA_TEST_IMAP (host:port:user:password)
#   scripts/start-dovecot.sh --stop "$NQBA_DOVECOT_DIR"
#
# The server lives in a new temporary directory, listens on 127.0.0.1 only, on a free port, without TLS, with one
# mailbox user (a random password) whose Maildir is in that directory. Progress goes to stderr; stdout carries
# only the export lines.
set -euo pipefail

marker=.nqba-dovecot
dovecot=${NQBA_DOVECOT:-/usr/sbin/dovecot}

log() { echo "start-dovecot: $*" >&2; }
die() { log "$*"; exit 1; }

stop() {
  local dir=${1:?usage: start-dovecot.sh --stop DIR}
  [[ -f $dir/$marker ]] || die "$dir was not created by start-dovecot.sh; not touching it."
  if [[ -f $dir/run/master.pid ]]; then
    local pid
    pid=$(cat "$dir/run/master.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  [[ -x $dovecot ]] || die "dovecot not found. Install it (Debian: apt-get install dovecot-imapd)."
  local dir port user group login password
  dir=$(mktemp -d "${TMPDIR:-/tmp}/nqba-dovecot.XXXXXX")
  chmod 755 "$dir"
  touch "$dir/$marker"
  if [[ $EUID -eq 0 ]]; then
    user=dovecot group=dovecot login=dovenull
  else
    user=$(id -un) group=$(id -gn) login=$user
  fi
  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  echo "nqba:{PLAIN}$password" >"$dir/users"
  [[ $EUID -eq 0 ]] && chown -R "$user:$group" "$dir/mail"
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    cat >"$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $user
default_internal_group = $group
default_login_user = $login
first_valid_uid = $(id -u "$user")
mail_location = maildir:$dir/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$user gid=$group home=$dir/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
    "$dovecot" -c "$dir/dovecot.conf" >&2 || continue
    for _ in $(seq 50); do
      if port_in_use "$port"; then
        log "Dovecot IMAP on 127.0.0.1:$port, files in $dir"
        echo "export NQBA_DOVECOT_DIR='$dir'"
        echo "export NQBA_TEST_IMAP='127.0.0.1:$port:nqba:$password'"
        return
      fi
      sleep 0.1
    done
  done
  cat "$dir/dovecot.log" >&2 2>/dev/null || true
  stop "$dir"
  die "Dovecot did not start"
}

case ${1:-} in
  --stop) stop "${2:-}" ;;
  '') start ;;
  -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown argument '$1' (use --stop DIR or --help)" ;;
esac
