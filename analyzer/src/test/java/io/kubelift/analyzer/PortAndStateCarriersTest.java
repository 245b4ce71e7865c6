package io.kubelift.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listen ports and directories from the carriers real installs use — broker acceptors,
 * socket-binding tables, application-server listener tables, named properties, leaf element texts,
 * directory properties — written here as small files in the shapes of those products, analysed end
 * to end.
 */
class PortAndStateCarriersTest {
    @TempDir Path app;

    private Analysis analyze() {
        return Analyzer.withDefaultDetectors().analyze(app, AnalyzeOptions.defaults());
    }

    private void write(String rel, String text) throws Exception {
        Path p = app.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Set<Integer> ports(Analysis a, String file) {
        return a.facts().facts().stream()
                .filter(f -> f.kind() == FactKind.LISTEN_PORT && f.evidence().file().equals(file))
                .map(f -> Integer.parseInt(f.subject()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> dirs(Analysis a, FactKind kind) {
        return a.facts().facts().stream()
                .filter(f -> f.kind() == kind)
                .map(Fact::subject)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void brokerAcceptorsAndWebBindingInAConfigurationRootThatIsNotHadoop() throws Exception {
        write(
                "etc/broker.xml",
                """
                <?xml version='1.0'?>
                <configuration xmlns="urn:activemq">
                  <core xmlns="urn:activemq:core">
                    <paging-directory>data/paging</paging-directory>
                    <journal-directory>data/journal</journal-directory>
                    <acceptors>
                      <acceptor name="artemis">tcp://0.0.0.0:61616?protocols=CORE,AMQP;useEpoll=true</acceptor>
                      <acceptor name="mqtt">tcp://0.0.0.0:1883?protocols=MQTT</acceptor>
                    </acceptors>
                    <connectors>
                      <connector name="remote">tcp://other-broker:61617</connector>
                    </connectors>
                    <broker-plugins>
                      <broker-plugin class-name="org.apache.activemq.artemis.core.server.plugin.impl.LoggingActiveMQServerPlugin">
                        <property key="LOG_ALL_EVENTS" value="true"/>
                      </broker-plugin>
                    </broker-plugins>
                  </core>
                </configuration>
                """);
        write(
                "etc/bootstrap.xml",
                """
                <broker xmlns="http://activemq.apache.org/schema">
                   <web path="web"><binding name="artemis" uri="http://localhost:8161"/></web>
                </broker>
                """);
        Analysis a = analyze();
        assertEquals(Set.of(61616, 1883), ports(a, "etc/broker.xml"));
        assertEquals(Set.of(8161), ports(a, "etc/bootstrap.xml"));
        assertTrue(
                dirs(a, FactKind.STATE_DIR).containsAll(Set.of("data/paging", "data/journal")),
                dirs(a, FactKind.STATE_DIR).toString());
    }

    @Test
    void socketBindingTableWithPlaceholdersAndADirectoryProperty() throws Exception {
        write(
                "standalone/configuration/standalone.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <server xmlns="urn:jboss:domain:20.0">
                  <profile>
                    <subsystem xmlns="urn:jboss:domain:transactions:6.0">
                      <object-store path="tx-object-store" relative-to="jboss.server.data.dir"/>
                    </subsystem>
                    <subsystem xmlns="urn:jboss:domain:core-management:1.0">
                      <local-authentication path="${jboss.server.temp.dir}/auth"/>
                    </subsystem>
                    <subsystem xmlns="urn:jboss:domain:logging:8.0">
                      <periodic-rotating-file-handler name="FILE"><file relative-to="jboss.server.log.dir" path="server.log"/></periodic-rotating-file-handler>
                    </subsystem>
                  </profile>
                  <socket-binding-group name="standard-sockets" default-interface="public" port-offset="${jboss.socket.binding.port-offset:0}">
                    <socket-binding name="http" port="${jboss.http.port:8080}"/>
                    <socket-binding name="management-http" interface="management" port="${jboss.management.http.port:9990}"/>
                    <socket-binding name="txn-recovery-environment" port="4712"/>
                    <outbound-socket-binding name="mail-smtp"><remote-destination host="localhost" port="25"/></outbound-socket-binding>
                  </socket-binding-group>
                </server>
                """);
        Analysis a = analyze();
        assertEquals(Set.of(8080, 9990, 4712), ports(a, "standalone/configuration/standalone.xml"));
        assertTrue(
                dirs(a, FactKind.STATE_DIR).contains("standalone/data"),
                dirs(a, FactKind.STATE_DIR).toString());
        assertTrue(
                dirs(a, FactKind.LOG_DIR).contains("standalone/log"),
                dirs(a, FactKind.LOG_DIR).toString());
        assertTrue(
                dirs(a, FactKind.STATE_DIR).contains("standalone/tmp/auth"),
                "the temp dir property is placed: " + dirs(a, FactKind.STATE_DIR));
        assertTrue(
                a.facts().facts().stream()
                        .anyMatch(
                                f ->
                                        f.kind() == FactKind.STATE_DIR
                                                && f.subject().equals("standalone/data")
                                                && "true".equals(f.attr("durable"))));
    }

    @Test
    void applicationServerListenersSystemPropertiesAndTemplateConfigs() throws Exception {
        write(
                "glassfish/domains/domain1/config/domain.xml",
                """
                <domain log-root="${com.sun.aas.instanceRoot}/logs" application-root="${com.sun.aas.instanceRoot}/applications">
                  <hazelcast-runtime-configuration start-port="5900" das-port="4900" auto-increment-port="true"/>
                  <configs>
                    <config name="server-config">
                      <system-property name="JMS_PROVIDER_PORT" value="7676" description="JMS port"/>
                      <iiop-service><iiop-listener address="0.0.0.0" port="3700" id="orb-listener-1"/></iiop-service>
                      <admin-service><jmx-connector address="0.0.0.0" port="8686" name="system"/></admin-service>
                      <network-config><network-listeners>
                        <network-listener port="8080" protocol="http-listener-1" name="http-listener-1"/>
                        <network-listener port="4848" protocol="admin-listener" name="admin-listener"/>
                      </network-listeners></network-config>
                    </config>
                    <config name="default-config">
                      <system-property name="JMS_PROVIDER_PORT" value="27676"/>
                      <network-config><network-listeners>
                        <network-listener port="${HTTP_LISTENER_PORT}" name="http-listener-1"/>
                      </network-listeners></network-config>
                    </config>
                  </configs>
                </domain>
                """);
        Analysis a = analyze();
        assertEquals(
                Set.of(7676, 3700, 8686, 8080, 4848, 4900),
                ports(a, "glassfish/domains/domain1/config/domain.xml"),
                "the Data Grid's start-port (5900) is the instances' first port, not the DAS's");
        assertTrue(
                dirs(a, FactKind.STATE_DIR).contains("glassfish/domains/domain1"),
                dirs(a, FactKind.STATE_DIR).toString());
        assertTrue(
                dirs(a, FactKind.LOG_DIR).contains("glassfish/domains/domain1/logs"),
                dirs(a, FactKind.LOG_DIR).toString());
    }

    @Test
    void jettyXmlWithItsDoctypeAndPropertyDefaults() throws Exception {
        write(
                "etc/jetty-http.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://www.eclipse.org/jetty/configure_9_3.dtd">
                <Configure id="Server" class="org.eclipse.jetty.server.Server">
                  <Call name="addConnector"><Arg><New class="org.eclipse.jetty.server.ServerConnector">
                    <Set name="port"><Property name="jetty.http.port" deprecated="jetty.port" default="8080"/></Set>
                  </New></Arg></Call>
                </Configure>
                """);
        Analysis a = analyze();
        assertTrue(
                a.facts().problems().stream().noneMatch(p -> p.file().equals("etc/jetty-http.xml")),
                a.facts().problems().toString());
        assertEquals(Set.of(8080), ports(a, "etc/jetty-http.xml"));
    }

    @Test
    void redirectTargetsAreNotListeners() throws Exception {
        write(
                "etc/jetty.xml",
                """
                <Configure id="Server" class="org.eclipse.jetty.server.Server">
                  <New id="httpConfig" class="org.eclipse.jetty.server.HttpConfiguration">
                    <Set name="securePort"><Property name="jetty.httpConfig.securePort" default="8443"/></Set>
                  </New>
                </Configure>
                """);
        write(
                "conf/server.xml",
                """
                <Server port="-1"><Service name="Catalina">
                  <Connector port="8080" protocol="HTTP/1.1" redirectPort="8443"/>
                </Service></Server>
                """);
        Analysis a = analyze();
        assertEquals(
                Set.of(),
                ports(a, "etc/jetty.xml"),
                "securePort is where CONFIDENTIAL requests are redirected");
        assertEquals(Set.of(8080), ports(a, "conf/server.xml"));
    }

    @Test
    void osgiStylePortKeysAndAWorkingDirectoryProperty() throws Exception {
        write("etc/org.apache.karaf.shell.cfg", "sshPort = 8101\nsshHost = 0.0.0.0\n");
        write(
                "etc/org.apache.karaf.management.cfg",
                "rmiRegistryPort = 1099\nrmiServerPort = 44444\n"
                        + "serviceUrl = service:jmx:rmi://${rmiServerHost}:${rmiServerPort}/jndi/rmi://${rmiRegistryHost}:${rmiRegistryPort}/karaf\n");
        write("etc/config.properties", "org.osgi.framework.storage = ${karaf.data}/cache\n");
        Analysis a = analyze();
        assertEquals(Set.of(8101), ports(a, "etc/org.apache.karaf.shell.cfg"));
        assertEquals(Set.of(1099, 44444), ports(a, "etc/org.apache.karaf.management.cfg"));
        assertTrue(
                a.facts().facts().stream()
                        .anyMatch(
                                f ->
                                        f.kind() == FactKind.STATE_DIR
                                                && f.subject().equals("data")
                                                && "false".equals(f.attr("durable"))),
                dirs(a, FactKind.STATE_DIR).toString());
    }
}
