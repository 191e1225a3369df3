package kuibu.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import kuibu.grading.Exercise;
import org.junit.jupiter.api.Test;

/** Exercise 5.2: one-hot targets. */
@Exercise(id = "5.2", points = 1)
class OneHotExerciseTest {

    @Test
    void writesOneOneAndNineZeros() {
        double[] y = new double[10];
        OneHot.encode(3, 10, y, 0);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, y);
        OneHot.encode(0, 10, y, 0);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, y, "clear the old 1: y is reused for every batch");
    }

    @Test
    void writesAtTheOffsetOnly() {
        double[] y = {7, 7, 7, 7, 7, 7};
        OneHot.encode(2, 3, y, 3);
        assertArrayEquals(new double[] {7, 7, 7, 0, 0, 1}, y, "row s of the target matrix starts at s * n");
    }

    @Test
    void rejectsLabelsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(10, 10, new double[10], 0));
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(-1, 10, new double[10], 0));
    }
}
