# libexec/yarn-config.sh - common setup for bin/yarn and sbin/*.sh. Sourced, never run directly.
#
# Honours from the caller's environment: HADOOP_HOME, HADOOP_CONF_DIR, HADOOP_LOG_DIR,
# HADOOP_PID_DIR, JAVA_HOME, HADOOP_OPTS, YARN_OPTS, HADOOP_CLASSPATH, HADOOP_IDENT_STRING.
# Consumes a leading "--config <dir>" from the caller's arguments.

# The install root: the directory above bin/, sbin/ and libexec/ unless told otherwise.
if [ -z "$HADOOP_HOME" ]; then
  HADOOP_HOME=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." >/dev/null && pwd -P)
fi
export HADOOP_HOME

if [ "$1" = "--config" ]; then
  shift
  if [ ! -d "$1" ]; then
    echo "Error: --config $1: no such directory" >&2
    exit 1
  fi
  HADOOP_CONF_DIR=$(cd -P -- "$1" >/dev/null && pwd -P)
  shift
fi
export HADOOP_CONF_DIR=${HADOOP_CONF_DIR:-$HADOOP_HOME/etc/hadoop}

if [ -f "$HADOOP_CONF_DIR/hadoop-env.sh" ]; then
  . "$HADOOP_CONF_DIR/hadoop-env.sh"
fi
if [ -f "$HADOOP_CONF_DIR/yarn-env.sh" ]; then
  . "$HADOOP_CONF_DIR/yarn-env.sh"
fi

# Everything is one tree here (no share/hadoop/...); the *_HOME variables all point at it.
export HADOOP_COMMON_HOME=${HADOOP_COMMON_HOME:-$HADOOP_HOME}
export HADOOP_HDFS_HOME=${HADOOP_HDFS_HOME:-$HADOOP_HOME}
export HADOOP_YARN_HOME=${HADOOP_YARN_HOME:-$HADOOP_HOME}
export HADOOP_MAPRED_HOME=${HADOOP_MAPRED_HOME:-$HADOOP_HOME}

export HADOOP_LOG_DIR=${HADOOP_LOG_DIR:-$HADOOP_HOME/logs}
export HADOOP_PID_DIR=${HADOOP_PID_DIR:-/tmp}
if [ -z "$HADOOP_IDENT_STRING" ]; then
  HADOOP_IDENT_STRING=$(id -un)
fi
export HADOOP_IDENT_STRING

if [ -z "$JAVA_HOME" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "Error: JAVA_HOME is not set or $JAVA_HOME/bin/java is missing (set it in $HADOOP_CONF_DIR/hadoop-env.sh)." >&2
  exit 1
fi
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java

if ! ls "$HADOOP_HOME"/lib/hadoop-common-*.jar >/dev/null 2>&1; then
  echo "Error: no Hadoop jars in $HADOOP_HOME/lib (fetch them: mvn -B -q -f $HADOOP_HOME/pom.xml package)." >&2
  exit 1
fi

# Config first so that log4j.properties and the *-site.xml files are found as resources.
CLASSPATH="$HADOOP_CONF_DIR:$HADOOP_HOME/lib/*"
if [ -n "$HADOOP_CLASSPATH" ]; then
  CLASSPATH="$CLASSPATH:$HADOOP_CLASSPATH"
fi
