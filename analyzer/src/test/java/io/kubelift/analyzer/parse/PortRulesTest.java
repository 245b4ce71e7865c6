package io.kubelift.analyzer.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports from every common carrier, and the settings that look like one but are not. */
class PortRulesTest {
    private static List<Integer> p(String key, String value) {
        return PortRules.listenPorts(key, value);
    }

    @Test
    void portKeysInEveryFormat() {
        assertEquals(List.of(8101), p("sshPort", "8101"));
        assertEquals(List.of(1099), p("rmiRegistryPort", "1099"));
        assertEquals(List.of(8080), p("server.port", "8080"));
        assertEquals(
                List.of(7676), p("domain/configs/config[server-config]/JMS_PROVIDER_PORT", "7676"));
        assertEquals(
                List.of(8080),
                p(
                        "domain/configs/config[server-config]/network-config/network-listeners/network-listener[http-listener-1]@port",
                        "8080"));
        assertEquals(
                List.of(8686),
                p(
                        "domain/configs/config[server-config]/admin-service/jmx-connector[system]@port",
                        "8686"));
    }

    @Test
    void placeholdersResolveToTheirDefaults() {
        assertEquals(
                List.of(8080),
                p(
                        "server/socket-binding-group[standard-sockets]/socket-binding[http]@port",
                        "${jboss.http.port:8080}"));
        assertEquals(
                List.of(9990),
                p("x/socket-binding[management-http]@port", "${jboss.management.http.port:9990}"));
        assertEquals(List.of(8080), p("http.port", "${env.HTTP_PORT:8080}"));
        assertEquals(List.of(8081), p("PORT", "${PORT:-8081}"));
        assertEquals(
                List.of(), p("x/network-listener[http-listener-1]@port", "${HTTP_LISTENER_PORT}"));
    }

    @Test
    void uriAndHostPortValuesOfListenerSettings() {
        assertEquals(
                List.of(61616),
                p(
                        "configuration/core/acceptors/acceptor[artemis]",
                        "tcp://0.0.0.0:61616?tcpSendBufferSize=1048576;protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE;useEpoll=true"));
        assertEquals(
                List.of(5672),
                p(
                        "configuration/core/acceptors/acceptor[amqp]",
                        "tcp://0.0.0.0:5672?protocols=AMQP"));
        assertEquals(List.of(8161), p("broker/web/binding[artemis]@uri", "http://localhost:8161"));
        assertEquals(List.of(8161), p("broker/web@bind", "http://localhost:8161"));
        assertEquals(
                List.of(8088),
                p("yarn.resourcemanager.webapp.address", "rm01.example.internal:8088"));
        assertEquals(List.of(9092, 9093), p("listeners", "PLAINTEXT://:9092,SSL://:9093"));
    }

    @Test
    void genericUriKeysCountOnlyWithALocalBindAddress() {
        assertEquals(List.of(8443), p("server.endpoint", "https://0.0.0.0:8443/"));
        assertEquals(List.of(), p("upstream.uri", "http://billing.example.com:8080/api"));
        assertEquals(List.of(), p("app.url", "http://billing.example.com:8080/api"));
    }

    @Test
    void clientsTemplatesAndLookalikesAreNotListeners() {
        // Artemis connectors name where this broker connects to
        assertEquals(
                List.of(),
                p("configuration/core/connectors/connector[artemis]", "tcp://localhost:61616"));
        assertEquals(
                List.of(),
                p(
                        "server/socket-binding-group[s]/outbound-socket-binding[mail-smtp]/remote-destination@port",
                        "25"));
        assertEquals(List.of(), p("spring.datasource.url", "jdbc:mysql://db:3306/x"));
        assertEquals(List.of(), p("zookeeper.connect", "zk:2181"));
        // GlassFish's default-config is the template new instances copy, not this server
        assertEquals(
                List.of(),
                p(
                        "domain/configs/config[default-config]/network-config/network-listeners/network-listener[http-listener-1]@port",
                        "28080"));
        assertEquals(
                List.of(), p("domain/configs/config[default-config]/JMS_PROVIDER_PORT", "27676"));
        // words that end in "port"
        assertEquals(List.of(), p("transport", "1"));
        assertEquals(List.of(), p("mail.support", "2"));
        assertEquals(List.of(), p("x@port-offset", "${jboss.socket.binding.port-offset:0}"));
    }
}
