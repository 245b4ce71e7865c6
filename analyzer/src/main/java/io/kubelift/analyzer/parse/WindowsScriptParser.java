package io.kubelift.analyzer.parse;

import io.kubelift.model.Problem;

/** {@code *.cmd}/{@code *.bat}: noted (the Unix scripts are the ones interpreted). */
final class WindowsScriptParser implements FileParser {
    @Override
    public String id() {
        return "windows-script";
    }

    @Override
    public boolean accepts(SourceFile f) {
        return f.lowerName().endsWith(".cmd") || f.lowerName().endsWith(".bat");
    }

    @Override
    public void parse(SourceFile f, ParseContext ctx) {
        ctx.problem(Problem.Kind.NOTE, f, 0, "Windows script noted, not interpreted");
    }
}
