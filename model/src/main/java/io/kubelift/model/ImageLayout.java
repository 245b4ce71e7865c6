package io.kubelift.model;

import java.util.List;

/**
 * The image layout contract shared with the image builder: where the app, the start script and Java
 * live inside the image. Paths in the plan that are relative are relative to {@link #APP_HOME}.
 */
public final class ImageLayout {
    /** The app's files, at the same relative paths as in the analysed app. */
    public static final String APP_HOME = "/opt/app";

    /**
     * The container variable that holds {@link #APP_HOME}; every generated container sets it, so
     * plan env values can point into the app as {@code $(KUBELIFT_APP_HOME)/etc/hadoop} without
     * knowing the image layout.
     */
    public static final String APP_HOME_ENV = "KUBELIFT_APP_HOME";

    /** The generated start script, the image's entrypoint. */
    public static final String ENTRYPOINT = "/opt/kubelift/bin/entrypoint.sh";

    /**
     * The runtime user's home directory (its passwd entry). The root filesystem is read-only in
     * pods, so it is an emptyDir there: clients and daemons write to {@code ~} (Hadoop's local file
     * system uses it as the working directory, e.g. for a distributed-shell job's staging files).
     */
    public static final String USER_HOME = "/home/app";

    /** The Java runtime ({@code $JAVA_HOME}). */
    public static final String JAVA_HOME = "/opt/java";

    /**
     * Where config templates that hold {@code ${X}} secret placeholders are mounted for rendering.
     */
    public static final String TEMPLATES = "/opt/kubelift/templates";

    /** The writable emptyDir rendered config copies are written to. */
    public static final String RENDERED = "/opt/kubelift/rendered";

    /*
     * A build project's image (the Maven plugin's build): the build output split the way jib lays out a Maven
     * project, dependency jars, resources and classes in their own directories below APP_HOME (so they become their
     * own layers); a WAR exploded into a servlet container's webapps directory instead.
     */
    /** A build project's dependency jars, relative to {@link #APP_HOME}. */
    public static final String PROJECT_LIBS = "libs";

    /**
     * A build project's resources (non-class files of its classes directory), relative to {@link
     * #APP_HOME}.
     */
    public static final String PROJECT_RESOURCES = "resources";

    /** A build project's compiled classes, relative to {@link #APP_HOME}. */
    public static final String PROJECT_CLASSES = "classes";

    /**
     * A build project's classpath, relative to {@link #APP_HOME}: resources first so they can
     * override what jars carry.
     */
    public static final List<String> PROJECT_CLASSPATH =
            List.of(PROJECT_RESOURCES, PROJECT_CLASSES, PROJECT_LIBS + "/*");

    /**
     * Tomcat's home in the official images; a WAR is exploded into {@link #WEBAPP_ROOT} below it.
     */
    public static final String TOMCAT_HOME = "/usr/local/tomcat";

    public static final String WEBAPP_ROOT = TOMCAT_HOME + "/webapps/ROOT";
    public static final List<String> TOMCAT_COMMAND = List.of("catalina.sh", "run");
    public static final int TOMCAT_PORT = 8080;

    private ImageLayout() {}

    /** {@code etc/hadoop} → {@code /opt/app/etc/hadoop}; absolute paths stay. */
    public static String inApp(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String p = path.startsWith("./") ? path.substring(2) : path;
        return p.isEmpty() || p.equals(".") ? APP_HOME : APP_HOME + "/" + p;
    }
}
