# Sourced by demo.sh, test.sh and stop.sh: background processes with pid files, stopped as a whole group.
# A pid file holds "<pid> <start time>" so a recycled pid is never mistaken for ours.

# start_process PIDFILE LOGFILE COMMAND...: runs COMMAND detached, in its own process group.
start_process() {
  local pidfile="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  setsid "$@" >>"$logfile" 2>&1 </dev/null &
  local pid=$!
  echo "$pid $(process_start_time "$pid")" >"$pidfile"
}

# is_running PIDFILE: true while the process recorded there is alive.
is_running() {
  local pidfile="$1" pid started
  [ -s "$pidfile" ] || return 1
  read -r pid started <"$pidfile" || true
  [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ "$(process_start_time "$pid")" = "${started:-}" ]
}

# stop_process PIDFILE: TERM to the whole group, KILL after 10 s; removes the pid file. False if nothing ran.
stop_process() {
  local pidfile="$1" pid _started
  if ! is_running "$pidfile"; then
    rm -f "$pidfile"
    return 1
  fi
  read -r pid _started <"$pidfile"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# wait_for_http URL PIDFILE LOGFILE [SECONDS]: waits until URL answers at all (any status); fails early,
# showing the log's tail, if the process dies first.
wait_for_http() {
  local url="$1" pidfile="$2" logfile="$3" seconds="${4:-120}"
  local deadline=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if node -e 'fetch(process.argv[1], { redirect: "manual", signal: AbortSignal.timeout(5000) }).then(() => process.exit(0), () => process.exit(1))' "$url"; then
      return 0
    fi
    if ! is_running "$pidfile"; then
      echo "error: the process behind $url exited; last lines of $logfile:" >&2
      tail -n 30 "$logfile" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  echo "error: $url did not answer within ${seconds}s; last lines of $logfile:" >&2
  tail -n 30 "$logfile" >&2 || true
  return 1
}

process_start_time() {
  # Field 22 of /proc/<pid>/stat, counted after the command name (which may contain spaces).
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  echo "${stat##*) }" | cut -d' ' -f20
}
