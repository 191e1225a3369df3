package kuibu.mnist;

import kuibu.mnist.data.Dataset;

/**
 * How well a network does on a dataset: its guesses, the confusion matrix (rows = true digit,
 * columns = guess) and the accuracy, the fraction on the diagonal.
 */
public record Evaluation(int[] truth, int[] guesses, int[][] confusion, double accuracy) {

    /** Runs {@code net} over every image of {@code data}, a batch at a time, with the lesson's forward pass. */
    public static Evaluation of(Network net, Dataset data) {
        int n = data.size();
        int[] truth = new int[n];
        int[] guesses = new int[n];
        int batch = 250;
        Backprop pass = new Backprop(net, Math.max(1, Math.min(batch, n)));
        for (int start = 0; start < n; start += batch) {
            int m = Math.min(batch, n - start);
            int first = start;
            pass.load(data, s -> first + s, m);
            pass.forward(m);
            for (int s = 0; s < m; s++) {
                truth[start + s] = data.label(start + s);
                guesses[start + s] = Network.argmax(pass.activations(net.layers(), s));
            }
        }
        int[][] confusion = confusion(truth, guesses, net.size(net.layers()));
        return new Evaluation(truth, guesses, confusion, accuracy(confusion));
    }

    // tag::confusion[]
    /** The k × k table whose entry [t][g] counts the samples of true class t guessed as g. */
    public static int[][] confusion(int[] truth, int[] guesses, int k) {
        // BEGIN SOLUTION 5.5
        if (truth.length != guesses.length) {
            throw new IllegalArgumentException("expected as many guesses as labels, got " + guesses.length
                    + " guesses for " + truth.length + " labels");
        }
        int[][] table = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            table[truth[i]][guesses[i]]++;
        }
        return table;
        // END SOLUTION
    }

    /** The fraction of samples on the diagonal; 0 for an empty table. */
    public static double accuracy(int[][] confusion) {
        // BEGIN SOLUTION 5.5
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int g = 0; g < confusion[t].length; g++) {
                all += confusion[t][g];
                if (t == g) {
                    right += confusion[t][g];
                }
            }
        }
        return all == 0 ? 0 : (double) right / all;
        // END SOLUTION
    }
    // end::confusion[]

    /** How many were right. */
    public int correct() {
        int c = 0;
        for (int t = 0; t < confusion.length; t++) {
            c += confusion[t][t];
        }
        return c;
    }
}
