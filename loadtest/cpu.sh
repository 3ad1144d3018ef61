# CPU per process group while a load generator runs, for the benchmarks (sourced, not run).
# JFR and async-profiler see only the server's JVM; these figures also show PostgreSQL's backends,
# Redis and the load generator, so a report can say which process a core-second went to.
#
#   cpu_watch DIR NAME SERVER_PID LOADGEN_PID   starts pidstat (epoch times) and a watcher that
#                                               writes "PID GROUP" lines to DIR/NAME.pids every 2 s
#   cpu_unwatch                                 stops both
#   cpu_figures DIR NAME [FROM TO]              one FIGURES line: the mean %CPU of each group (100
#                                               is one core) over the samples, or over the samples
#                                               from FROM to TO (epoch seconds) when given
#
# The groups: server (its JVM), postgres (the postmaster of DIR/data/postgres and its backends,
# which come and go), redis (the embedded redis-server, a child of the server), loadgen (the
# load generator and its children: mvn and the JVM it forks), and other (everything else).

cpu_watch_pids=()

cpu_watch() { # DIR NAME SERVER_PID LOADGEN_PID
  local dir=$1 name=$2 server=$3 loadgen=$4
  rm -f "$dir/$name.pids" "$dir/$name.cpu-stop"
  pidstat -u -h -H -p ALL 2 > "$dir/$name.pidstat" 2>/dev/null &
  cpu_watch_pids=($!)
  cpu_watch_groups "$dir" "$name" "$server" "$loadgen" &
  cpu_watch_pids+=($!)
  cpu_watch_dir=$dir cpu_watch_name=$name
}

cpu_unwatch() {
  local pid
  [[ -n "${cpu_watch_dir:-}" ]] && touch "$cpu_watch_dir/$cpu_watch_name.cpu-stop"
  for pid in "${cpu_watch_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [[ -n "${cpu_watch_dir:-}" ]] && rm -f "$cpu_watch_dir/$cpu_watch_name.cpu-stop"
  cpu_watch_pids=() cpu_watch_dir=""
}

cpu_watch_groups() { # DIR NAME SERVER_PID LOADGEN_PID
  local dir=$1 name=$2 server=$3 loadgen=$4 postmaster
  set +e +o pipefail
  while [[ ! -e "$dir/$name.cpu-stop" ]]; do
    {
      echo "$server server"
      postmaster=$(pgrep -f -- "-D $dir/data/postgres" | head -1 || true)
      if [[ -n "$postmaster" ]]; then
        echo "$postmaster postgres"
        pgrep -P "$postmaster" | sed 's/$/ postgres/'
      fi
      pgrep -P "$server" -f redis-server | sed 's/$/ redis/'
      echo "$loadgen loadgen"
      pgrep -P "$loadgen" | while read -r child; do
        echo "$child loadgen"
        pgrep -P "$child" | sed 's/$/ loadgen/'
      done
    } >> "$dir/$name.pids" 2>/dev/null
    sleep 2
  done
}

cpu_figures() { # DIR NAME [FROM TO]
  local dir=$1 name=$2 from=${3:-0} to=${4:-0}
  awk -v sim="$name" -v from="$from" -v to="$to" '
    FNR == NR { group[$1] = $2; next }
    /^#/ || NF < 9 { next }
    to > 0 && ($1 < from || $1 > to) { next }
    { t = $1; seen[t] = 1; cpu = $8 + 0; g = ($3 in group) ? group[$3] : "other"; sum[g] += cpu }
    END {
      n = 0; for (t in seen) n++; if (n == 0) n = 1
      printf "FIGURES sim=%s name=\"cpu\" samples=%d server=%.0f postgres=%.0f redis=%.0f loadgen=%.0f other=%.0f\n",
        sim, n, sum["server"] / n, sum["postgres"] / n, sum["redis"] / n, sum["loadgen"] / n, sum["other"] / n
    }' <(sort -u "$dir/$name.pids" 2>/dev/null) "$dir/$name.pidstat"
}
