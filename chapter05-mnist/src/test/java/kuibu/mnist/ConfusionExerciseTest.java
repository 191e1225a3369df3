package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 5.5: the confusion matrix and the accuracy read off its diagonal. */
@Exercise(id = "5.5", points = 2)
class ConfusionExerciseTest {

    @Test
    void rowsAreTheTruthColumnsTheGuess() {
        int[] truth = {0, 1, 1, 2, 2, 2};
        int[] guess = {0, 1, 2, 2, 0, 2};
        int[][] c = Evaluation.confusion(truth, guess, 3);
        assertArrayEquals(new int[] {1, 0, 0}, c[0]);
        assertArrayEquals(new int[] {0, 1, 1}, c[1], "row = true digit 1, column = what the network said");
        assertArrayEquals(new int[] {1, 0, 2}, c[2]);
    }

    @Test
    void accuracyIsTheDiagonalsShare() {
        assertEquals(4 / 6.0, Evaluation.accuracy(new int[][] {{1, 0, 0}, {0, 1, 1}, {1, 0, 2}}), 1e-15);
        assertEquals(1.0, Evaluation.accuracy(new int[][] {{5, 0}, {0, 7}}), 1e-15);
        assertEquals(0.0, Evaluation.accuracy(new int[][] {{0, 3}, {2, 0}}), 1e-15);
        assertEquals(0.0, Evaluation.accuracy(new int[2][2]), 0.0, "an empty table has accuracy 0, not NaN");
    }

    @Test
    void tableOfTenDigits() {
        int[] truth = new int[100];
        int[] guess = new int[100];
        for (int i = 0; i < 100; i++) {
            truth[i] = i % 10;
            guess[i] = i < 90 ? i % 10 : (i + 1) % 10;
        }
        int[][] c = Evaluation.confusion(truth, guess, 10);
        assertEquals(9, c[3][3]);
        assertEquals(1, c[3][4]);
        assertEquals(0.9, Evaluation.accuracy(c), 1e-15);
    }
}
