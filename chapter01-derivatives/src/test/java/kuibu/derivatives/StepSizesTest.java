package kuibu.derivatives;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The claims of section "How small should h be?" hold for sin at x = 1. */
class StepSizesTest {

    private final List<StepSizes.Row> rows = StepSizes.errors(Math::sin, Math::cos, 1.0, StepSizes.powersOfTen(15));

    @Test
    void forwardErrorShrinksLikeH() {
        // from h = 1e-2 to 1e-4 (truncation dominates): error falls by 10^2
        assertThat(slope(rows.get(1).forwardError(), rows.get(3).forwardError()), closeTo(1, 0.05));
    }

    @Test
    void centralErrorShrinksLikeHSquared() {
        // from h = 1e-2 to 1e-4: error falls by 10^4
        assertThat(slope(rows.get(1).centralError(), rows.get(3).centralError()), closeTo(2, 0.05));
    }

    @Test
    void bestCentralStepIsNearTheCubeRootOfEpsilon() {
        assertThat(StepSizes.bestCentralStep(rows), allOf(greaterThanOrEqualTo(1e-7), lessThanOrEqualTo(1e-4)));
    }

    @Test
    void roundOffWinsForTinySteps() {
        assertThat(rows.get(14).centralError(), greaterThanOrEqualTo(1e-4)); // h = 1e-15
    }

    /** The slope of log10(error) against log10(h) over two decades. */
    private static double slope(double errorAtLargerH, double errorAtSmallerH) {
        return Math.log10(errorAtLargerH / errorAtSmallerH) / 2;
    }
}
