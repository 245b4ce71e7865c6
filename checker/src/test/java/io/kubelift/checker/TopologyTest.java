package io.kubelift.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubelift.model.MigrationPlan;
import io.kubelift.model.PlanCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
    /** A worker that names its master in three settings, one of them twice (two files). */
    private static final String PLAN =
            """
            apiVersion: kubelift.io/v1alpha1
            kind: MigrationPlan
            metadata:
              name: two
            spec:
              source:
                path: app
              components:
              - name: master
                workload: StatefulSet
                replicas: 1
                entrypoint:
                  mainClass: com.example.Master
              - name: worker
                workload: Deployment
                replicas: 2
                entrypoint:
                  mainClass: com.example.Worker
                peers:
                - configKey: master.scheduler.address
                  component: master
                  host: m1
                - configKey: master.hostname
                  component: master
                  host: m1
                - configKey: master.hostname
                  component: master
                  host: m1
                  file: conf/other.xml
                - configKey: master.tracker.address
                  component: master
                  host: m1
            """;

    @Test
    void onePeerLinkPerPairOfComponentsWithEverySettingThatNamesIt() {
        MigrationPlan plan = PlanCodec.read(PLAN, "plan.yaml", false);
        Topology t = Topology.of(plan, null);
        assertEquals(
                List.of(
                        new Topology.Link(
                                "worker",
                                "master",
                                List.of(
                                        "master.hostname",
                                        "master.scheduler.address",
                                        "master.tracker.address"))),
                t.links());
        String svg = TopologySvg.render(t, "two", "t");
        assertEquals(1, svg.split("class=\"peer\"", -1).length - 1, svg);
        assertTrue(
                svg.contains(
                        "worker → master (master.hostname, master.scheduler.address,"
                                + " master.tracker.address)"),
                svg);
    }
}
