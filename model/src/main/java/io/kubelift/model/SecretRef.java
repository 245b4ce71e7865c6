package io.kubelift.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a secret lives in the app: the key and the file holding it. Never the value. {@code kind}
 * says what it is (password, token, private-key, credential-url, access-key, jaas); {@code env} is
 * the environment variable the generated config and start script read it from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"key", "file", "kind", "env", "evidence"})
public record SecretRef(
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String file,
        String kind,
        String env,
        Evidence evidence) {
    public SecretRef {
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
