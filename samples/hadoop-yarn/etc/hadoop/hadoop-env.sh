# hadoop-env.sh - sourced by bin/yarn and the sbin/ scripts on every host of the prod YARN cluster.
# Site-wide settings. Anything already exported in the caller's environment wins.

# OpenJDK 17 from the distribution (moved from Java 8 in 2024, CHG-1187).
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}

# Where the tarball was unpacked. bin/yarn works it out from its own location if unset.
#export HADOOP_HOME=/opt/hadoop

# Daemon logs (*.log, *.out, gc logs, container userlogs) and pid files.
export HADOOP_LOG_DIR=${HADOOP_LOG_DIR:-/var/log/hadoop-yarn}
export HADOOP_PID_DIR=${HADOOP_PID_DIR:-/var/run/hadoop-yarn}

# All daemons and clients run as this user on the cluster hosts.
export HADOOP_IDENT_STRING=${HADOOP_IDENT_STRING:-$USER}

# Default heap for every JVM started through bin/yarn (clients included).
export HADOOP_HEAPSIZE_MAX=1g

# IPv6 is disabled on the cluster network.
export HADOOP_OPTS="$HADOOP_OPTS -Djava.net.preferIPv4Stack=true"

# ssh options for the workers loop in sbin/start-yarn.sh / stop-yarn.sh.
export HADOOP_SSH_OPTS="-o BatchMode=yes -o StrictHostKeyChecking=no -o ConnectTimeout=10s"
