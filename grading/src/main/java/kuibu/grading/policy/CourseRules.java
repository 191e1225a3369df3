package kuibu.grading.policy;

import java.util.List;
import java.util.Map;

/**
 * This course's additions to the {@link Policy}: the numeric referee, which no exercise may call (an
 * analytic gradient that calls it is a numeric one), and, per exercise, course code that already computes
 * the exercise's answer another way.
 */
public final class CourseRules {

    /** Classes, or members as {@code Class.member}, that make up the numeric referee and its verdicts. */
    public static final List<String> REFEREE = List.of(
            "kuibu.derivatives.Derivatives.forwardDifference",
            "kuibu.derivatives.Derivatives.centralDifference",
            "kuibu.derivatives.Derivatives.gradient",
            "kuibu.derivatives.GradientCheck",
            "kuibu.derivatives.GradientMatchers",
            "kuibu.derivatives.StepSizes");

    /**
     * Per exercise: course code that holds its answer another way: chapter 2's automatic differentiation for
     * the exercises that apply the chain rule by hand, chapter 4's per-sample backprop for chapter 5's batched
     * one.
     */
    public static final Map<String, List<String>> FORBIDDEN_FOR = Map.of(
            "2.1", List.of("kuibu.chainrule.Value"),
            "2.2", List.of("kuibu.chainrule.Value"),
            "2.6", List.of("kuibu.chainrule.Value"),
            "5.3", List.of("kuibu.backprop.Network.backprop", "kuibu.backprop.Network.meanGradient",
                    "kuibu.backprop.Network.updateMiniBatch", "kuibu.backprop.Network.sgd", "kuibu.mnist.Network.asChapterFour",
                    "kuibu.mnist.fast.FastBackprop", "kuibu.mnist.Backprop.step", "kuibu.mnist.Backprop.gradient",
                    "kuibu.mnist.Backprop.backward"));

    private CourseRules() {}
}
