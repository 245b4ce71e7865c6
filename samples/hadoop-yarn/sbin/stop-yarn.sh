#!/usr/bin/env bash
# sbin/stop-yarn.sh - stop the whole YARN cluster. Run on rm01 as the yarn user:
#   the NodeManagers on every host listed in etc/hadoop/workers (over ssh), then the ResourceManager here.

sbin=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" >/dev/null && pwd -P)
. "$sbin/../libexec/yarn-config.sh"

# NodeManagers (each takes ~20 s to stop; they stop in parallel)
WORKERS_FILE=${HADOOP_WORKERS:-$HADOOP_CONF_DIR/workers}
for worker in $(sed -e 's/#.*$//' -e '/^[[:space:]]*$/d' "$WORKERS_FILE"); do
  # shellcheck disable=SC2029,SC2086
  ssh $HADOOP_SSH_OPTS "$worker" \
    "cd '$HADOOP_HOME' && '$HADOOP_HOME/sbin/yarn-daemon.sh' --config '$HADOOP_CONF_DIR' stop nodemanager" \
    2>&1 | sed "s/^/$worker: /" &
done
wait

# ResourceManager
"$sbin"/yarn-daemon.sh --config "$HADOOP_CONF_DIR" stop resourcemanager
