package io.kubelift.checker;

import io.kubelift.model.Component;
import io.kubelift.model.Evidence;
import io.kubelift.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A check over each component of the migration plan. Findings point at the component's evidence
 * when it has one (the legacy file it came from), else at the plan itself ({@link #PLAN_FILE}).
 */
public abstract class ComponentCheck extends AbstractCheck {
    /** The file name plan findings are reported against when a component carries no evidence. */
    public static final String PLAN_FILE = "plan.yaml";

    protected ComponentCheck(CheckDeclaration declaration) {
        super(declaration, CheckSource.PLAN);
    }

    /** The problem with this component, or null. */
    protected abstract String problem(Component component, CheckContext context);

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (Component c : context.plan().spec().components()) {
            String problem = problem(c, context);
            if (problem != null) {
                Evidence e = c.evidence();
                String msg = "component " + c.name() + ": " + problem;
                out.add(e == null ? finding(PLAN_FILE, 0, msg, null) : finding(e, msg));
            }
        }
        return out;
    }
}
