package kuibu.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress where standard error is not a terminal: one plain line per step, numbered. */
class StepsTest {

    @Test
    void stepsArePlainLinesOnStandardErrorWhenNotOnATerminal() {
        StringWriter err = new StringWriter();
        try (Steps steps = new Steps("bench", 2, new PrintWriter(err), false)) {
            steps.begin("nielsen: per sample");
            steps.begin("nielsen: training");
        }
        assertEquals(List.of("bench [1/2] nielsen: per sample", "bench [2/2] nielsen: training"), err.toString().lines().toList());
    }

    @Test
    void stepsThatEndInNoSetOrderArePlainLinesToo() {
        StringWriter lines = new StringWriter();
        try (Steps steps = new Steps("grade", 3, new PrintWriter(lines), false)) {
            steps.done("the course's own solutions pass its tests");
            steps.done("alice graded: 40/40");
        }
        assertEquals(List.of("grade [1/3] the course's own solutions pass its tests", "grade [2/3] alice graded: 40/40"),
                lines.toString().lines().toList());
    }
}
