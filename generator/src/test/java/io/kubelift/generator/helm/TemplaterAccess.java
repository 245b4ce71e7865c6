package io.kubelift.generator.helm;

import com.fasterxml.jackson.databind.JsonNode;

/** Test access to the package-private templater. */
public final class TemplaterAccess {
    private static final ThreadLocal<Templater> T = ThreadLocal.withInitial(Templater::new);

    private TemplaterAccess() {}

    public static void escape(JsonNode n) {
        T.set(new Templater());
        T.get().escapeLiterals(n);
    }

    public static String render(JsonNode n) {
        return T.get().render(n);
    }
}
