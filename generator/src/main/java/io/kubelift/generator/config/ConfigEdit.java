package io.kubelift.generator.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One change to one key of a config file. {@code change} receives the key's current value ({@code
 * null} when the file does not have the key) and returns the new value, or {@code null} to leave
 * the file as it is. {@code reason} ends up in a comment next to the changed setting.
 */
public record ConfigEdit(String key, String reason, UnaryOperator<String> change) {
    public ConfigEdit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(change, "change");
        reason = reason == null || reason.isBlank() ? "set by kubelift" : reason;
    }

    /** Sets the key to {@code value}, adding it when missing. */
    public static ConfigEdit set(String key, String value, String reason) {
        return new ConfigEdit(key, reason, current -> value.equals(current) ? null : value);
    }

    /**
     * Replaces the legacy host in the key's value (a host, {@code host:port}, a URL or a comma list
     * of them) by {@code newHost}. With no legacy host known, the host part of every {@code
     * host[:port]} item is replaced. A missing key is added as {@code newHost}.
     */
    public static ConfigEdit replaceHost(
            String key, String oldHost, String newHost, String reason) {
        return new ConfigEdit(
                key,
                reason,
                current -> {
                    if (current == null) {
                        return newHost;
                    }
                    String v;
                    if (oldHost != null && !oldHost.isBlank()) {
                        v =
                                java.util.regex.Pattern.compile(
                                                "(?<![A-Za-z0-9.-])"
                                                        + java.util.regex.Pattern.quote(oldHost)
                                                        + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])")
                                        .matcher(current)
                                        .replaceAll(
                                                java.util.regex.Matcher.quoteReplacement(newHost));
                    } else {
                        java.util.StringJoiner sb = new java.util.StringJoiner(",");
                        for (String item : current.split(",", -1)) {
                            String t = item.strip();
                            int colon = t.lastIndexOf(':');
                            boolean hostPort =
                                    colon > 0
                                            && !t.contains("/")
                                            && colon < t.length() - 1
                                            && t.substring(colon + 1)
                                                    .chars()
                                                    .allMatch(Character::isDigit);
                            sb.add(
                                    hostPort
                                            ? newHost + t.substring(colon)
                                            : (t.contains("/") || t.isEmpty() ? item : newHost));
                        }
                        v = sb.toString();
                    }
                    return v.equals(current) ? null : v;
                });
    }

    /**
     * Replaces an existing value by a placeholder the runtime resolves; a missing key is an error
     * of the plan.
     */
    public static ConfigEdit secret(String key, String placeholder, String reason) {
        return new ConfigEdit(
                key,
                reason,
                current -> {
                    if (current == null) {
                        throw new MissingKeyException(key);
                    }
                    return placeholder.equals(current) ? null : placeholder;
                });
    }

    /** Thrown when a secret the plan names is not in the file. */
    public static final class MissingKeyException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;

        public MissingKeyException(String key) {
            super("key " + key + " not found");
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
