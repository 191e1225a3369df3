package kuibu.mnist.data;

/** A problem with a data or model file, as one line that names the file: the tools print only this. */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
