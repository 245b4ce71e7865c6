#!/usr/bin/env bash
# sbin/yarn-daemon.sh - start/stop a YARN daemon on this host, in the background.
#
#   yarn-daemon.sh [--config <conf-dir>] (start|stop|status) (resourcemanager|nodemanager) [args...]
#
# stdout/stderr go to $HADOOP_LOG_DIR/yarn-$HADOOP_IDENT_STRING-<daemon>-$HOSTNAME.out,
# the log4j log to the matching .log, the pid to $HADOOP_PID_DIR/yarn-$HADOOP_IDENT_STRING-<daemon>.pid.

usage="Usage: yarn-daemon.sh [--config <conf-dir>] (start|stop|status) <yarn-command> [args...]"

if [ $# -le 1 ]; then
  echo "$usage" >&2
  exit 1
fi

sbin=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" >/dev/null && pwd -P)
. "$sbin/../libexec/yarn-config.sh"

startStop=$1
shift
command=$1
shift

# Keep the last 5 .out files: x.out -> x.out.1 -> ... -> x.out.5
yarn_rotate_log() {
  local log=$1 num=5 prev
  if [ -f "$log" ]; then
    while [ $num -gt 1 ]; do
      prev=$((num - 1))
      [ -f "$log.$prev" ] && mv "$log.$prev" "$log.$num"
      num=$prev
    done
    mv "$log" "$log.$num"
  fi
}

mkdir -p "$HADOOP_LOG_DIR" "$HADOOP_PID_DIR" || exit 1

log=$HADOOP_LOG_DIR/yarn-$HADOOP_IDENT_STRING-$command-$HOSTNAME.out
pid=$HADOOP_PID_DIR/yarn-$HADOOP_IDENT_STRING-$command.pid
YARN_STOP_TIMEOUT=${YARN_STOP_TIMEOUT:-30}

case $startStop in

  start)
    if [ -f "$pid" ]; then
      if kill -0 "$(cat "$pid")" >/dev/null 2>&1; then
        echo "$command running as process $(cat "$pid").  Stop it first."
        exit 1
      fi
    fi

    yarn_rotate_log "$log"
    echo "starting $command, logging to $log"
    cd "$HADOOP_HOME" || exit 1
    nohup nice -n "${YARN_NICENESS:-0}" "$HADOOP_HOME/bin/yarn" --config "$HADOOP_CONF_DIR" "$command" "$@" > "$log" 2>&1 < /dev/null &
    echo $! > "$pid"
    sleep 1
    head "$log"
    if ! kill -0 "$(cat "$pid")" >/dev/null 2>&1; then
      echo "$command failed to start, see $log" >&2
      rm -f "$pid"
      exit 1
    fi
    ;;

  stop)
    if [ -f "$pid" ]; then
      TARGET_PID=$(cat "$pid")
      if kill -0 "$TARGET_PID" >/dev/null 2>&1; then
        echo "stopping $command"
        kill "$TARGET_PID"
        waited=0
        while kill -0 "$TARGET_PID" >/dev/null 2>&1 && [ $waited -lt "$YARN_STOP_TIMEOUT" ]; do
          sleep 1
          waited=$((waited + 1))
        done
        if kill -0 "$TARGET_PID" >/dev/null 2>&1; then
          echo "$command did not stop gracefully after $YARN_STOP_TIMEOUT seconds: killing with kill -9"
          kill -9 "$TARGET_PID"
        fi
      else
        echo "no $command to stop"
      fi
      rm -f "$pid"
    else
      echo "no $command to stop"
    fi
    ;;

  status)
    if [ -f "$pid" ] && kill -0 "$(cat "$pid")" >/dev/null 2>&1; then
      echo "$command is running as process $(cat "$pid")"
    else
      echo "$command is not running"
      exit 1
    fi
    ;;

  *)
    echo "$usage" >&2
    exit 1
    ;;

esac
