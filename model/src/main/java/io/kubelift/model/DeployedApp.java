package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An application a server component runs because it is deployed in one of the server's deployment
 * directories (Tomcat/Jetty {@code webapps/}, WildFly {@code standalone/deployments/}, GlassFish
 * {@code domains/<domain>/autodeploy/}, …): a WAR, an EAR or another archive, packed or exploded.
 * The files ship with the app in the image; the plan records what runs and where it was found.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"path", "kind", "contextPath", "evidence"})
public record DeployedApp(
        /** The archive or exploded directory, relative to the app. */
        @JsonProperty(required = true) String path,
        /** {@code war}, {@code ear}, {@code rar}, {@code jar} or {@code sar}. */
        @JsonProperty(required = true) String kind,
        /** For a web application, the context path it is served at (the server's naming rule). */
        String contextPath,
        Evidence evidence) {
    public DeployedApp {
        Lists.require(path, "deployedApp.path");
        Lists.require(kind, "deployedApp.kind");
    }
}
