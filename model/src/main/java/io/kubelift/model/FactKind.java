package io.kubelift.model;

/**
 * What an analyzer fact is about. The analyzer emits facts; detectors turn them into plan
 * components and the checker's app rules read them. Adding a kind is fine; renaming one breaks
 * checks.
 */
public enum FactKind {
    /** A key/value setting in a config file (subject = key, value = value; secrets masked). */
    CONFIG_PROPERTY,
    /**
     * A {@code java} command line in a script (subject = main class or jar; attrs: classpath,
     * jvmOptions, args, script, role, daemon).
     */
    JAVA_LAUNCH,
    /**
     * A {@code public static void main} in a source file or a manifest's Main-Class (subject =
     * class name).
     */
    MAIN_CLASS,
    /**
     * A port the code or config opens for listening (subject = port number; attrs: configKey, via).
     */
    LISTEN_PORT,
    /** A secret value found (subject = key; value always masked; attrs: kind). */
    SECRET,
    /** A literal host name or IP, or a localhost URL, in config or code (subject = host). */
    HOST_REFERENCE,
    /** A logging appender writing to a file (subject = appender name; attrs: path, framework). */
    FILE_APPENDER,
    /** A logging appender writing to the console. */
    CONSOLE_APPENDER,
    /** A directory where the app keeps state (subject = path; attrs: configKey, purpose). */
    STATE_DIR,
    /** A directory where the app writes logs (subject = path; attrs: configKey). */
    LOG_DIR,
    /**
     * A script that backgrounds the process ({@code nohup … &}, {@code daemon}, {@code
     * start-stop-daemon}).
     */
    DAEMONIZE,
    /** A pid file written by a start script (subject = path). */
    PID_FILE,
    /**
     * A fixed heap or memory setting ({@code -Xmx}, a HEAPSIZE variable; subject = the option;
     * attrs: bytes).
     */
    HEAP_SETTING,
    /** Code or script reading an environment variable (subject = variable name). */
    ENV_READ,
    /** Code reading a system property (subject = property name). */
    SYSTEM_PROPERTY_READ,
    /** Code writing to a local file path (subject = path or expression). */
    FILE_WRITE,
    /** {@code System.exit} / {@code Runtime.halt} in application code. */
    SYSTEM_EXIT,
    /** RMI, CORBA or JNI use (subject = which). */
    LEGACY_REMOTING,
    /** HTTP session state in a web app (subject = how: HttpSession, session config). */
    HTTP_SESSION,
    /**
     * Admin or maintenance work in a start script (schema migration, chown, cleanup; subject =
     * command).
     */
    ADMIN_IN_START_SCRIPT,
    /**
     * An ssh loop over a host list, cron entry, or other host-bound operation (subject = command).
     */
    HOST_BOUND_OPERATION,
    /** A sourced script (subject = the sourced path). */
    SCRIPT_SOURCE,
    /** An environment variable default or export in a script (subject = name, value = default). */
    SCRIPT_VARIABLE,
    /** Basic or digest auth, or an app without authentication (subject = mechanism). */
    AUTH_MECHANISM,
    /** A health, metrics or telemetry endpoint or agent (subject = path or agent). */
    TELEMETRY,
    /** An API description (OpenAPI, WSDL, protobuf) found in the app. */
    API_DESCRIPTION,
    /**
     * A dependency or library found in the app (subject = groupId:artifactId or jar name; value =
     * version).
     */
    DEPENDENCY,
    /** A build descriptor fact: packaging, plugin (subject = what; value). */
    BUILD_DESCRIPTOR,
    /** A servlet/WAR descriptor fact (subject = servlet, listener, context root). */
    WEB_DESCRIPTOR,
    /**
     * A JVM option of a launch the analyzer rewrote, dropped or deliberately kept for the container
     * (subject = the option as launched; value = the option in the plan, absent when dropped;
     * attrs: component, action, rule, reason).
     */
    JVM_OPTION,
    /**
     * A file of the app naming the install's own location by its absolute path (subject = the
     * install directory, as in {@code spec.source.installedAt}; attrs: lines = how many lines of
     * the file name it; evidence = the first such line).
     */
    INSTALL_PATH;
}
