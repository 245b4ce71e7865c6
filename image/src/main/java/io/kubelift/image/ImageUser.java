package io.kubelift.image;

/**
 * The non-root account the process runs as: uid {@code RuntimeRequirements.user} (default 10001),
 * gid 0, so that files it must write can be group-0 writable as on OpenShift. It gets a passwd and
 * a group entry, because Hadoop and others refuse an unknown uid ("Invalid UID, could not determine
 * effective user").
 */
record ImageUser(long uid, String name, String home) {
    static final String DEFAULT_NAME = "app";

    static ImageUser of(Long uid) {
        long u = uid == null ? io.kubelift.model.RuntimeRequirements.DEFAULT_USER : uid;
        if (u == 0) {
            throw io.kubelift.model.KubeliftException.badInput(
                    "plan: runtime.user",
                    "the image would run as root (uid 0)",
                    "set runtime.user to a non-zero uid, e.g. 10001");
        }
        return new ImageUser(u, DEFAULT_NAME, io.kubelift.model.ImageLayout.USER_HOME);
    }

    /**
     * The base's passwd (or a minimal one), without a line for this uid or name, plus this user's
     * line.
     */
    String passwd(String base) {
        return merge(
                base == null ? "root:x:0:0:root:/root:/sbin/nologin\n" : base,
                name + ":x:" + uid + ":0:kubelift runtime user:" + home + ":/bin/sh",
                2);
    }

    /**
     * The base's group file (or a minimal one); gid 0 ("root") already exists, so this user joins
     * it.
     */
    String group(String base) {
        return base == null ? "root:x:0:\n" : (base.endsWith("\n") ? base : base + "\n");
    }

    private String merge(String base, String line, int uidField) {
        StringBuilder sb = new StringBuilder();
        for (String l : base.split("\n")) {
            String[] f = l.split(":", -1);
            if (l.isBlank()
                    || f[0].equals(name)
                    || (f.length > uidField && f[uidField].equals(Long.toString(uid)))) {
                continue;
            }
            sb.append(l).append('\n');
        }
        return sb.append(line).append('\n').toString();
    }

    String ownership() {
        return uid + ":0";
    }
}
