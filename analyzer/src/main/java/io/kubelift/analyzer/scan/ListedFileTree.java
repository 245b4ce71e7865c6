package io.kubelift.analyzer.scan;

import io.kubelift.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a directory and an archive tree keep alike once listed: the size of every listed file (whose
 * keys are the sorted list), the problems met while listing, the limits and the name shown to
 * users.
 */
abstract sealed class ListedFileTree implements FileTree permits ArchiveTree, DirectoryTree {
    private final String displayName;
    protected final ScanLimits limits;

    /** Every listed file, relative and '/'-separated, with its size in bytes. */
    protected final Map<String, Long> sizes = new TreeMap<>();

    protected final List<Problem> problems = new ArrayList<>();

    ListedFileTree(String displayName, ScanLimits limits) {
        this.displayName = displayName;
        this.limits = limits;
    }

    /** Records an entry left out while listing, with the reason and its detail. */
    protected final void skip(String rel, SkipReason reason, Object detail) {
        problems.add(new Problem(Problem.Kind.SKIPPED, rel, 0, reason.describe(detail)));
    }

    /** Puts the problems in path order, once listing is done. */
    protected final void sortProblems() {
        problems.sort(Comparator.comparing(Problem::file));
    }

    @Override
    public final long size(String path) {
        return sizes.getOrDefault(path, -1L);
    }

    @Override
    public final List<String> list() {
        return List.copyOf(sizes.keySet());
    }

    @Override
    public final List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public final ScanLimits limits() {
        return limits;
    }

    @Override
    public final String displayName() {
        return displayName;
    }
}
