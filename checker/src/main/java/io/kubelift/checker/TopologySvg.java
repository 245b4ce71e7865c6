package io.kubelift.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws a {@link Topology} as an inline SVG, with no script and no external resource: Services
 * (left) in front of the components (middle) with their Secrets and volumes, arrows between
 * components that are peers, and the hosts outside the app (right; data stores as cylinders). The
 * layout is a fixed grid in the topology's sorted order, so the same app always gives the same
 * picture. Every text is escaped and shortened; the picture has a title and a description for
 * screen readers.
 */
public final class TopologySvg {
    private static final int WIDTH = 920;
    private static final int SVC_X = 12;
    private static final int SVC_W = 176;
    private static final int COMP_X = 240;
    private static final int COMP_W = 300;
    private static final int EXT_X = 660;
    private static final int EXT_W = 248;
    private static final int LINE = 17;
    private static final int TOP = 48;
    private static final int MAX_LINES = 12;
    private static final int MAX_EXTERNALS = 30;

    private TopologySvg() {}

    /**
     * The picture; {@code idPrefix} keeps element ids unique when a page holds several (letters,
     * digits and '-' only).
     */
    public static String render(Topology t, String appName, String idPrefix) {
        String p = idPrefix.replaceAll("[^A-Za-z0-9-]", "-");
        List<String> parts = new ArrayList<>();
        Map<String, int[]> compBox = new TreeMap<>(); // name -> {y, height}
        int y = TOP;
        StringBuilder body = new StringBuilder();
        for (Topology.Node n : t.components()) {
            List<String[]> rows = new ArrayList<>();
            n.secrets().forEach(s -> rows.add(new String[] {"secret", "Secret " + s}));
            n.volumes().forEach(v -> rows.add(new String[] {"volume", v}));
            int shown = Math.min(rows.size(), MAX_LINES);
            int h = 46 + LINE * (shown + (rows.size() > shown ? 1 : 0));
            int svcH = n.ports().isEmpty() ? 0 : 26 + LINE * Math.min(n.ports().size(), MAX_LINES);
            h = Math.max(h, svcH);
            compBox.put(n.name(), new int[] {y, h});
            body.append("<g class=\"component\"><rect x=\"")
                    .append(COMP_X)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(COMP_W)
                    .append("\" height=\"")
                    .append(h)
                    .append(
                            "\" rx=\"8\" fill=\"#e8f0fb\" stroke=\"#1f3a5f\" stroke-width=\"1.5\"/>");
            text(body, COMP_X + 12, y + 20, "name", n.name(), 34);
            text(
                    body,
                    COMP_X + 12,
                    y + 37,
                    "sub",
                    n.workload()
                            + " × "
                            + n.replicas()
                            + (n.replicas() == 1 ? " replica" : " replicas"),
                    40);
            int ry = y + 37 + LINE;
            for (int i = 0; i < shown; i++) {
                String[] r = rows.get(i);
                if (r[0].equals("secret")) {
                    body.append("<rect x=\"")
                            .append(COMP_X + 12)
                            .append("\" y=\"")
                            .append(ry - 10)
                            .append("\" width=\"10\" height=\"10\" rx=\"2\" fill=\"#f9a825\"/>");
                } else {
                    body.append("<ellipse cx=\"")
                            .append(COMP_X + 17)
                            .append("\" cy=\"")
                            .append(ry - 5)
                            .append("\" rx=\"5\" ry=\"5\" fill=\"#6d8fb3\"/>");
                }
                text(body, COMP_X + 28, ry, "item", r[1], 42);
                ry += LINE;
            }
            if (rows.size() > shown) {
                text(body, COMP_X + 28, ry, "item", "… " + (rows.size() - shown) + " more", 40);
            }
            body.append("</g>\n");
            if (!n.ports().isEmpty()) {
                body.append("<g class=\"service\"><rect x=\"")
                        .append(SVC_X)
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(SVC_W)
                        .append("\" height=\"")
                        .append(svcH)
                        .append(
                                "\" rx=\"14\" fill=\"#e7f5ea\" stroke=\"#2e7d32\" stroke-width=\"1.5\"/>");
                text(body, SVC_X + 12, y + 18, "name", "Service " + n.name(), 22);
                int py = y + 18 + LINE;
                for (int i = 0; i < Math.min(n.ports().size(), MAX_LINES); i++) {
                    text(body, SVC_X + 12, py, "item", ":" + n.ports().get(i), 24);
                    py += LINE;
                }
                body.append("<line x1=\"")
                        .append(SVC_X + SVC_W)
                        .append("\" y1=\"")
                        .append(y + 18)
                        .append("\" x2=\"")
                        .append(COMP_X - 2)
                        .append("\" y2=\"")
                        .append(y + 18)
                        .append("\" stroke=\"#2e7d32\" stroke-width=\"1.5\" marker-end=\"url(#")
                        .append(p)
                        .append("-arrow-green)\"/></g>\n");
            }
            parts.add(
                    n.name()
                            + " ("
                            + n.workload()
                            + ", "
                            + n.replicas()
                            + (n.ports().isEmpty() ? "" : ", ports " + String.join(", ", n.ports()))
                            + (n.secrets().isEmpty()
                                    ? ""
                                    : ", Secrets " + String.join(", ", n.secrets()))
                            + (n.volumes().isEmpty()
                                    ? ""
                                    : ", volumes " + String.join(", ", n.volumes()))
                            + ")");
            y += h + 22;
        }
        int compBottom = y;
        // peers: arcs on the right edge of the components
        int i = 0;
        List<String> peerText = new ArrayList<>();
        for (Topology.Link l : t.links()) {
            int[] a = compBox.get(l.from());
            int[] b = compBox.get(l.to());
            if (a == null || b == null) {
                continue;
            }
            int x = COMP_X + COMP_W;
            int ya = a[0] + Math.min(a[1] / 2, 24) + (i % 4) * 5;
            int yb = b[0] + Math.min(b[1] / 2, 24) + 12 + (i % 4) * 5;
            int bulge = x + 30 + (i % 5) * 14;
            body.append("<path class=\"peer\" d=\"M")
                    .append(x)
                    .append(' ')
                    .append(ya)
                    .append(" C")
                    .append(bulge)
                    .append(' ')
                    .append(ya)
                    .append(' ')
                    .append(bulge)
                    .append(' ')
                    .append(yb)
                    .append(' ')
                    .append(x + 2)
                    .append(' ')
                    .append(yb)
                    .append(
                            "\" fill=\"none\" stroke=\"#1f3a5f\" stroke-width=\"1.5\" marker-end=\"url(#")
                    .append(p)
                    .append("-arrow)\"><title>")
                    .append(
                            esc(
                                    l.from()
                                            + " → "
                                            + l.to()
                                            + (l.via().isEmpty()
                                                    ? ""
                                                    : " (" + String.join(", ", l.via()) + ")")))
                    .append("</title></path>\n");
            peerText.add(l.from() + " → " + l.to());
            i++;
        }
        // externals
        int ey = TOP;
        List<String> extText = new ArrayList<>();
        List<Topology.External> ext = t.externals();
        for (int k = 0; k < Math.min(ext.size(), MAX_EXTERNALS); k++) {
            Topology.External e = ext.get(k);
            String label = e.host() + (e.port() > 0 ? ":" + e.port() : "");
            body.append("<g class=\"external\">");
            if (e.dataStore()) {
                body.append("<path d=\"M")
                        .append(EXT_X)
                        .append(' ')
                        .append(ey + 8)
                        .append(" a")
                        .append(EXT_W / 2)
                        .append(" 8 0 0 0 ")
                        .append(EXT_W)
                        .append(" 0 v30 a")
                        .append(EXT_W / 2)
                        .append(" 8 0 0 1 -")
                        .append(EXT_W)
                        .append(" 0 z M")
                        .append(EXT_X)
                        .append(' ')
                        .append(ey + 8)
                        .append(" a")
                        .append(EXT_W / 2)
                        .append(" 8 0 0 1 ")
                        .append(EXT_W)
                        .append(" 0\" fill=\"#fdf3e1\" stroke=\"#ef6c00\" stroke-width=\"1.5\"/>");
            } else {
                body.append("<rect x=\"")
                        .append(EXT_X)
                        .append("\" y=\"")
                        .append(ey)
                        .append("\" width=\"")
                        .append(EXT_W)
                        .append(
                                "\" height=\"46\" rx=\"4\" fill=\"#fff\" stroke=\"#5b6678\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
            }
            text(body, EXT_X + 12, ey + 27, "name", label, 32);
            text(
                    body,
                    EXT_X + 12,
                    ey + 42,
                    "sub",
                    e.dataStore() ? "data store: " + e.kind() : "external host",
                    36);
            body.append("</g>\n");
            for (String c : e.from()) {
                int[] box = compBox.get(c);
                if (box == null) {
                    continue;
                }
                body.append("<line class=\"uses\" x1=\"")
                        .append(COMP_X + COMP_W)
                        .append("\" y1=\"")
                        .append(box[0] + box[1] - 12)
                        .append("\" x2=\"")
                        .append(EXT_X - 3)
                        .append("\" y2=\"")
                        .append(ey + 23)
                        .append("\" stroke=\"#9aa5b1\" stroke-width=\"1\" marker-end=\"url(#")
                        .append(p)
                        .append("-arrow-grey)\"/>\n");
            }
            extText.add(label + (e.dataStore() ? " (" + e.kind() + ")" : ""));
            ey += 62;
        }
        if (ext.size() > MAX_EXTERNALS) {
            text(
                    body,
                    EXT_X + 12,
                    ey + 14,
                    "item",
                    "… " + (ext.size() - MAX_EXTERNALS) + " more hosts",
                    36);
            ey += 30;
        }
        int height = Math.max(Math.max(compBottom, ey), TOP + 60) + 8;
        String title = "Topology of " + appName + " after migration";
        String desc =
                t.components().size()
                        + " component(s): "
                        + String.join("; ", parts)
                        + ". Peers: "
                        + (peerText.isEmpty() ? "none" : String.join(", ", peerText))
                        + ". Outside the app: "
                        + (extText.isEmpty() ? "nothing" : String.join(", ", extText))
                        + ".";
        StringBuilder svg = new StringBuilder(body.length() + 2048);
        svg.append("<svg class=\"topology\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-labelledby=\"")
                .append(p)
                .append("-title ")
                .append(p)
                .append("-desc\"><title id=\"")
                .append(p)
                .append("-title\">")
                .append(esc(title))
                .append("</title><desc id=\"")
                .append(p)
                .append("-desc\">")
                .append(esc(desc))
                .append("</desc><defs>");
        marker(svg, p + "-arrow", "#1f3a5f");
        marker(svg, p + "-arrow-green", "#2e7d32");
        marker(svg, p + "-arrow-grey", "#9aa5b1");
        svg.append("</defs><style>.name{font:600 13px system-ui,sans-serif;fill:#1d2430}")
                .append(".sub{font:12px system-ui,sans-serif;fill:#5b6678}")
                .append(".item{font:12px ui-monospace,Menlo,Consolas,monospace;fill:#1d2430}")
                .append(
                        ".head{font:600 12px system-ui,sans-serif;fill:#5b6678;text-transform:uppercase}</style>\n");
        text(svg, SVC_X, 22, "head", "Services and ports", 30);
        text(svg, COMP_X, 22, "head", "Components (Secrets, volumes)", 40);
        text(svg, EXT_X, 22, "head", "Outside the app", 30);
        if (t.components().isEmpty()) {
            text(svg, COMP_X, TOP + 20, "sub", "no component in the plan", 40);
        }
        return svg.append(body).append("</svg>").toString();
    }

    private static void marker(StringBuilder svg, String id, String colour) {
        svg.append("<marker id=\"")
                .append(id)
                .append(
                        "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0 0 L10 5 L0 10 z\" fill=\"")
                .append(colour)
                .append("\"/></marker>");
    }

    private static void text(StringBuilder b, int x, int y, String cls, String s, int max) {
        String shown = s.length() > max ? s.substring(0, max - 1) + "…" : s;
        b.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" class=\"")
                .append(cls)
                .append("\">");
        if (!shown.equals(s)) {
            b.append("<title>").append(esc(s)).append("</title>");
        }
        b.append(esc(shown)).append("</text>");
    }

    private static String esc(String s) {
        return HtmlReportRenderer.esc(s);
    }
}
