package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a secret lives in the app: the key and the file holding it. Never the value. {@code kind}
 * says what it is (password, token, private-key, key-file, password-hash, credential-url,
 * access-key, jaas); {@code env} is the environment variable the generated config and start script
 * read it from. {@code commentedOut}: the setting is written in a comment ({@code #db-password=x}):
 * the app does not read it, but the value is a credential a reader of the file sees, so it is
 * masked wherever the file goes and the config file is not rewritten for it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"key", "file", "kind", "env", "commentedOut", "evidence"})
public record SecretRef(
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String file,
        String kind,
        String env,
        Boolean commentedOut,
        Evidence evidence) {
    /** A secret of a live (not commented-out) setting. */
    public SecretRef(String key, String file, String kind, String env, Evidence evidence) {
        this(key, file, kind, env, null, evidence);
    }

    /** True when the setting is written in a comment. */
    public boolean inComment() {
        return Boolean.TRUE.equals(commentedOut);
    }

    public SecretRef {
        commentedOut = Boolean.TRUE.equals(commentedOut) ? Boolean.TRUE : null;
        Lists.require(key, "secret.key");
        Lists.require(file, "secret.file");
        env = env == null ? Names.envName(key) : env;
        if (!Names.isEnvName(env)) {
            throw new IllegalArgumentException(
                    "secret " + key + ": env '" + env + "' is not a valid variable name");
        }
        if (Names.forbiddenSecretEnv(env) != null) {
            throw new IllegalArgumentException(
                    "secret "
                            + key
                            + ": env '"
                            + env
                            + "' cannot carry a secret: "
                            + Names.forbiddenSecretEnv(env)
                            + "; choose another name");
        }
    }
}
