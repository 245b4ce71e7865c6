package io.kubelift.analyzer.parse;

/**
 * A key and its raw value as written in a config file, with the 1-based line and the file's format.
 * Raw values may be secrets: entries never leave the analyzer; facts made from them are masked.
 */
public record ConfigEntry(
        String file, String format, String key, String value, int line, String profile) {
    public ConfigEntry(String file, String format, String key, String value, int line) {
        this(file, format, key, value, line, null);
    }
}
