package kuibu.grading;

/**
 * Bad input to the course tools: a malformed marker, a missing folder, an exercise without tests.
 * Its message is one line naming the file (and line) or argument and the problem; the command-line
 * tools print it as it is and exit with code 2.
 */
public final class CourseException extends Exception {
    private static final long serialVersionUID = 1L;

    public CourseException(String message) {
        super(message);
    }

    public CourseException(String message, Throwable cause) {
        super(message, cause);
    }
}
