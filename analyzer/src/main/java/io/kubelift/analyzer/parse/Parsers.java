package io.kubelift.analyzer.parse;

import io.kubelift.analyzer.java.JavaSourceParser;
import java.util.List;

/**
 * The registry of file parsers, in the order they run on a file. Add a parser here (one class
 * each).
 */
public final class Parsers {
    private Parsers() {}

    public static List<FileParser> defaults() {
        return List.of(
                new HadoopXmlParser(),
                new XmlConfigParser(),
                new PropertiesParser(),
                new IniParser(),
                new YamlParser(),
                new JsonParser(),
                new EnvFileParser(),
                new JaasParser(),
                new CommentedSecrets(),
                new CredentialTables(),
                new ShellScriptParser(),
                new CommandLineSecrets(),
                new ManifestParser(),
                new JavaSourceParser(),
                new TextScanParser());
    }
}
