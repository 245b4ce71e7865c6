package io.kubelift.analyzer.parse;

import io.kubelift.model.FactKind;
import java.util.Map;

/**
 * Applies to every text file, whatever else parses it: PEM private keys, and API descriptions by
 * name ({@code *.proto}, {@code openapi*}, {@code swagger*}).
 */
final class TextScanParser implements FileParser {
    @Override
    public String id() {
        return "text";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return true;
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        for (int i = 1; i <= f.lines().size(); i++) {
            String l = f.line(i);
            if (l.startsWith("-----BEGIN") && l.contains("PRIVATE KEY-----")) {
                int end = i;
                StringBuilder block = new StringBuilder(l).append('\n');
                while (end < f.lines().size() && !f.line(end).startsWith("-----END")) {
                    end++;
                    block.append(f.line(end)).append('\n');
                }
                ctx.sink()
                        .secret(
                                f.path() + "#" + i,
                                "private-key",
                                block.toString().strip(),
                                ctx.ev(f, i),
                                Map.of("format", "pem"));
                i = end;
            }
        }
        String n = f.lowerName();
        if (n.endsWith(".proto")) {
            ctx.fact(FactKind.API_DESCRIPTION, "protobuf", f, 1);
        }
    }
}
