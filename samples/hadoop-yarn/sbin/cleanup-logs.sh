#!/usr/bin/env bash
# sbin/cleanup-logs.sh - delete old YARN logs on this host. Not a daemon: run from cron on every node.
#
#   crontab -u yarn:  15 3 * * *  /opt/hadoop/sbin/cleanup-logs.sh >> /var/log/hadoop-yarn/cleanup-logs.cron 2>&1
#
#   cleanup-logs.sh [--config <conf-dir>] [--dry-run]
#
# Removes, under $HADOOP_LOG_DIR: rolled daemon logs (*.log.N, *.log.yyyy-mm-dd), rotated .out files,
# gc logs and heap dumps older than $LOG_RETAIN_DAYS (14) days, and container logs (userlogs/application_*)
# older than $USERLOG_RETAIN_DAYS (7) days, which the NodeManager leaves behind when it is killed.

sbin=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" >/dev/null && pwd -P)
. "$sbin/../libexec/yarn-config.sh"

LOG_RETAIN_DAYS=${LOG_RETAIN_DAYS:-14}
USERLOG_RETAIN_DAYS=${USERLOG_RETAIN_DAYS:-7}
DELETE=-delete
if [ "$1" = "--dry-run" ]; then
  DELETE=""
fi

if [ ! -d "$HADOOP_LOG_DIR" ]; then
  echo "$(date '+%F %T') cleanup-logs: $HADOOP_LOG_DIR does not exist, nothing to do"
  exit 0
fi

echo "$(date '+%F %T') cleanup-logs: $HADOOP_LOG_DIR (logs > $LOG_RETAIN_DAYS days, userlogs > $USERLOG_RETAIN_DAYS days)${DELETE:- [dry run]}"

# shellcheck disable=SC2086  # $DELETE is empty for a dry run
find "$HADOOP_LOG_DIR" -maxdepth 1 -type f \
  \( -name '*.log.*' -o -name '*.out.[0-9]*' -o -name 'gc-*.log*' -o -name '*.hprof' \) \
  -mtime +"$LOG_RETAIN_DAYS" -print $DELETE

if [ -d "$HADOOP_LOG_DIR/userlogs" ]; then
  find "$HADOOP_LOG_DIR/userlogs" -mindepth 1 -maxdepth 1 -type d -name 'application_*' \
    -mtime +"$USERLOG_RETAIN_DAYS" -print | while read -r dir; do
      if [ -n "$DELETE" ]; then
        rm -rf -- "$dir"
      fi
    done
fi
