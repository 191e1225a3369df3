// Chapter 5: look at the data. Uses MNIST from KUIBU_MNIST_DIR when it is set, else generated digits.
import kuibu.mnist.*;
import kuibu.mnist.data.*;

Path dir = Mnist.fromEnvironment();
Mnist data = Mnist.orGenerated(dir, 3000, 500);
System.out.println(dir != null ? "MNIST from " + dir : "KUIBU_MNIST_DIR is not set: using generated digits");
System.out.printf("%d training images, %d test images%n", data.train().size(), data.test().size());

// The first training image as text art, and its label.
System.out.print(DigitImages.asText(data.train().image(0)));
System.out.println("label: " + data.train().label(0));

// How many of each digit are there?
int[] counts = new int[10];
for (int i = 0; i < data.train().size(); i++) counts[data.train().label(i)]++;
System.out.println("digits 0..9 in the training set: " + Arrays.toString(counts));

// The pixels of image 0 are bytes 0..255 turned into numbers in [0, 1]; most of them are 0.
double[] x = data.train().image(0);
System.out.printf("non-zero pixels: %d of %d%n", Arrays.stream(x).filter(v -> v != 0).count(), x.length);
