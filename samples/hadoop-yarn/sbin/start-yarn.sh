#!/usr/bin/env bash
# sbin/start-yarn.sh - start the whole YARN cluster. Run on rm01 as the yarn user:
#   the ResourceManager on this host, then a NodeManager on every host listed in etc/hadoop/workers
#   (over ssh, passwordless keys; Hadoop is unpacked at the same path on every host).

sbin=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" >/dev/null && pwd -P)
. "$sbin/../libexec/yarn-config.sh"

# ResourceManager
"$sbin"/yarn-daemon.sh --config "$HADOOP_CONF_DIR" start resourcemanager

# NodeManagers
WORKERS_FILE=${HADOOP_WORKERS:-$HADOOP_CONF_DIR/workers}
for worker in $(sed -e 's/#.*$//' -e '/^[[:space:]]*$/d' "$WORKERS_FILE"); do
  # shellcheck disable=SC2029,SC2086  # expand locally on purpose; HADOOP_SSH_OPTS is a word list
  ssh $HADOOP_SSH_OPTS "$worker" \
    "cd '$HADOOP_HOME' && '$HADOOP_HOME/sbin/yarn-daemon.sh' --config '$HADOOP_CONF_DIR' start nodemanager" \
    2>&1 | sed "s/^/$worker: /" &
  if [ -n "$HADOOP_WORKER_SLEEP" ]; then
    sleep "$HADOOP_WORKER_SLEEP"
  fi
done
wait
