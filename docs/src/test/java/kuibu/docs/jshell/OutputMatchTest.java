package kuibu.docs.jshell;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

class OutputMatchTest {

    @Test
    void numbersMatchWithinARelativeToleranceSoJdkPrintingDoesNotMatter() {
        // JDK 17 and JDK 19+ print some doubles with a different last digit
        assertThat(OutputMatch.mismatch("2.0E-3", "0.0020000000000000005"), nullValue());
        assertThat(OutputMatch.mismatch("double[2] { 2.0000000000131024, 40.00000000040298 }",
                "double[2] { 2.000000000013102, 40.00000000040298 }"), nullValue());
    }

    @Test
    void aWrongNumberIsAMismatchNamingBothValues() {
        assertThat(OutputMatch.mismatch("33.0", "33.1"), containsString("expected '33.0' but got '33.1'"));
        assertThat(OutputMatch.mismatch("0.5403023058681398", "0.5403023"), containsString("expected"));
    }

    @Test
    void whiteSpaceIsNormalisedButTextMustMatch() {
        assertThat(OutputMatch.mismatch("CONVERGED after  757 steps\n\n", "  CONVERGED after 757 steps"), nullValue());
        assertThat(OutputMatch.mismatch("CONVERGED after 757 steps", "DIVERGED after 757 steps"), containsString("DIVERGED"));
    }

    @Test
    void missingOrExtraOutputIsAMismatch() {
        assertThat(OutputMatch.mismatch("1.0\n2.0", "1.0"), containsString("ends before"));
        assertThat(OutputMatch.mismatch("1.0", "1.0\n2.0"), containsString("not stated"));
    }

    @Test
    void digitsInsideWordsAreText() {
        assertThat(OutputMatch.mismatch("x2 = 5", "x3 = 5"), containsString("expected"));
        assertThat(OutputMatch.mismatch("NaN Infinity", "NaN Infinity"), nullValue());
        assertThat(OutputMatch.mismatch("-Infinity", "Infinity"), containsString("expected"));
    }
}
