# yarn-env.sh - YARN daemon settings, sourced after hadoop-env.sh.

# ResourceManager: 2 GB heap, sized for ~200 running apps (INC-1642).
export YARN_RESOURCEMANAGER_HEAPSIZE=2048
# --add-opens: Guice in the RM web app breaks on Java 17 without it (CHG-1187).
export YARN_RESOURCEMANAGER_OPTS="--add-opens=java.base/java.lang=ALL-UNNAMED -XX:+UseG1GC -Xlog:gc*:file=${HADOOP_LOG_DIR}/gc-resourcemanager.log:time,uptime:filecount=10,filesize=20M -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=${HADOOP_LOG_DIR}"

# NodeManager: the containers get the memory, the daemon itself needs little.
export YARN_NODEMANAGER_HEAPSIZE=1024
export YARN_NODEMANAGER_OPTS="--add-opens=java.base/java.lang=ALL-UNNAMED -XX:+UseG1GC -Xlog:gc*:file=${HADOOP_LOG_DIR}/gc-nodemanager.log:time,uptime:filecount=10,filesize=20M"

# Lower priority for the daemons than for sshd and the monitoring agent.
export YARN_NICENESS=0

# Seconds sbin/yarn-daemon.sh waits for a daemon to exit after SIGTERM before kill -9.
# The NodeManager needs ~20 s to stop.
export YARN_STOP_TIMEOUT=${YARN_STOP_TIMEOUT:-30}
