package io.kubelift.analyzer.detect;

import io.kubelift.analyzer.Inventory;
import io.kubelift.analyzer.scan.RelPaths;
import io.kubelift.model.Component;
import io.kubelift.model.Entrypoint;
import io.kubelift.model.Fact;
import io.kubelift.model.FactKind;
import io.kubelift.model.Names;
import io.kubelift.model.Runtime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generic fall-back when no script launches anything and no other detector found a component: one Deployment per
 * manifest Main-Class, or per source main class whose sources open a listener.
 */
public final class MainClassDetector implements Detector {
    @Override
    public String id() {
        return "main-class";
    }

    @Override
    public void detect(DetectionContext ctx) {
        if (!ctx.components().isEmpty()) {
            return;
        }
        Inventory inv = ctx.inventory();
        List<Fact> mains = inv.facts(FactKind.MAIN_CLASS).filter(f -> !ctx.isClaimedClass(f.subject())).toList();
        for (Fact m : mains) {
            String srcDir = RelPaths.parent(m.evidence().file());
            Set<String> files = inv.facts(FactKind.LISTEN_PORT).map(f -> f.evidence().file())
                    .filter(f -> "manifest".equals(m.attr("via")) || f.startsWith(srcDir)).collect(Collectors.toCollection(TreeSet::new));
            if (files.isEmpty() && !"manifest".equals(m.attr("via"))) {
                continue;
            }
            String name = Names.dnsLabel(m.subject().substring(m.subject().lastIndexOf('.') + 1));
            ctx.add(id(), Component.builder(name)
                    .description("main class " + m.subject())
                    .entrypoint(new Entrypoint(null, m.subject(), null, null, List.of(), List.of(), List.of(), null, m.evidence()))
                    .runtime(new Runtime("17", null, null, null))
                    .ports(ComponentParts.ports(inv, files, f -> true))
                    .secrets(ComponentParts.secrets(inv, inv.secrets().stream().map(h -> h.file()).filter(f -> f.startsWith(srcDir)).toList(), h -> true))
                    .evidence(m.evidence())
                    .build());
            ctx.claimClass(m.subject());
        }
    }
}
