package kuibu.grading.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What exercise code may call, checked on the compiled classes before any test runs.
 *
 * <p>An exercise computes: it may use the course's own classes (of its chapter and the ones before),
 * {@code Math}, numbers and strings, arrays, collections and streams, functional interfaces and
 * {@code Random}, and print to {@code System.out}. Nothing else: no reflection, method handles or class
 * loaders, no files, network, processes or threads, no {@code System} or {@code Runtime} beyond the
 * harmless, nothing of the JVM's internals, no native code; and no exercise may call the numeric
 * referee, nor course code that reads or writes files, nor change the course's static state. A
 * submission that breaks the policy scores 0 for that exercise, and the feedback names the call and
 * the line. (The same idea as Ares 2, Artemis' Java test sandbox: a declared policy, checked before the
 * code runs; here on the bytecode, with ASM, so it sees what the compiler made of any source.)
 *
 * <p>The policy is a list of what is allowed, not of what is not: a class of the JDK that is not named
 * here is refused, so a new way of doing harm in a new JDK is refused too.
 */
public final class Policy {

    /**
     * One refused use: the source file it is in (as {@code package/path/Name.java}), the student's line, what it
     * uses and why that is refused.
     */
    public record Violation(String file, int line, String used, String why) {
        /** "kuibu/chainrule/Value.java:31: java.io.File.<init>: exercise code may not use files". */
        public String describe() {
            return file + (line > 0 ? ":" + line : "") + ": " + used + ": " + why;
        }
    }

    /** Which lines of a compiled class are the student's: the student's line number for a line, or -1. */
    @FunctionalInterface
    public interface StudentLines {
        /** {@code source} is the class's source file, as {@code package/path/Name.java}. */
        int of(String source, int line);
    }

    /** The course's classes a chapter's exercises may call, and what of them is the referee. */
    public record CourseCode(Set<String> classes, Set<String> commandClasses, List<String> referee,
                             Map<String, List<String>> forbiddenFor) {}

    private static final String WHY_FILES = "exercise code may not use files";
    private static final String WHY_NETWORK = "exercise code may not use the network";
    private static final String WHY_PROCESS = "exercise code may not start programs or steer the JVM";
    private static final String WHY_THREADS = "exercise code may not start threads or wait for them";
    private static final String WHY_REFLECTION = "exercise code may not use reflection, method handles or class loaders";
    private static final String WHY_INTERNALS = "exercise code may not use the JVM's internals";
    private static final String WHY_GRADER = "exercise code may not use the grader";

    private final CourseCode course;

    public Policy(CourseCode course) {
        this.course = course;
    }

    /**
     * The policy for exercises that build on the course's classes compiled in {@code classes} (those whose
     * source file {@code isCourseSource} accepts, as {@code package/path/Name.java}), with this course's
     * {@link CourseRules}.
     */
    public static Policy forCourse(List<Path> classes, java.util.function.Predicate<String> isCourseSource) throws IOException {
        Set<String> names = new java.util.HashSet<>();
        Set<String> commands = new java.util.HashSet<>();
        for (Path dir : classes) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path f : files) {
                ClassReader reader = new ClassReader(Files.readAllBytes(f));
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                    private String source = "";

                    @Override
                    public void visitSource(String file, String debug) {
                        String name = reader.getClassName();
                        source = name.substring(0, name.lastIndexOf('/') + 1) + file;
                        if (isCourseSource.test(source)) {
                            names.add(name);
                        }
                    }

                    @Override
                    public org.objectweb.asm.AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        if (descriptor.equals("Lpicocli/CommandLine$Command;")) {
                            commands.add(reader.getClassName());
                        }
                        return null;
                    }
                }, ClassReader.SKIP_CODE);
            }
        }
        return new Policy(new CourseCode(Set.copyOf(names), Set.copyOf(commands), CourseRules.REFEREE, CourseRules.FORBIDDEN_FOR));
    }

    /**
     * The violations in every class under {@code classes} (a compiled exercise and the submission's new
     * files), counting only the student's lines; {@code exercise} names the exercise for its own rules.
     */
    public List<Violation> check(Path classes, String exercise, StudentLines studentLines) throws IOException {
        List<Violation> found = new ArrayList<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(classes)) {
            files = all.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            new ClassReader(Files.readAllBytes(file)).accept(new Checker(exercise, studentLines, found), 0);
        }
        return found;
    }

    /** Visits one class, keeping the current source line, and checks what the student's lines use. */
    private final class Checker extends ClassVisitor {
        private final String exercise;
        private final StudentLines studentLines;
        private final List<Violation> found;
        private String source = "";
        private String packagePath = "";
        private String className = "";

        Checker(String exercise, StudentLines studentLines, List<Violation> found) {
            super(Opcodes.ASM9);
            this.exercise = exercise;
            this.studentLines = studentLines;
            this.found = found;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            int slash = name.lastIndexOf('/');
            packagePath = slash < 0 ? "" : name.substring(0, slash + 1);
        }

        @Override
        public void visitSource(String file, String debug) {
            source = file == null ? "" : file;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ((access & Opcodes.ACC_NATIVE) != 0 && studentLines.of(packagePath + source, 0) >= 0) {
                found.add(new Violation(packagePath + source, 0, name + " (native)", "exercise code may not declare native methods"));
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private int line;

                @Override
                public void visitLineNumber(int line, Label start) {
                    this.line = line;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    use(owner, name, descriptor, false, opcode);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    use(owner, name, descriptor, true, opcode);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                    if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        refuse(bootstrap.getOwner() + "." + bootstrap.getName(), WHY_REFLECTION);
                    }
                    for (Object argument : arguments) {
                        constant(argument);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                private void constant(Object value) {
                    if (value instanceof Handle handle) {
                        use(handle.getOwner(), handle.getName(), handle.getDesc(), handle.getTag() <= Opcodes.H_PUTSTATIC,
                                handle.getTag() == Opcodes.H_PUTSTATIC ? Opcodes.PUTSTATIC : Opcodes.INVOKEVIRTUAL);
                    } else if (value instanceof ConstantDynamic) {
                        refuse("a dynamic constant", WHY_REFLECTION);
                    }
                }

                private void use(String owner, String member, String descriptor, boolean field, int opcode) {
                    if (studentLines.of(packagePath + source, line) < 0) {
                        return;
                    }
                    String why = why(owner, member, descriptor, field, opcode);
                    if (why != null) {
                        refuse(owner.replace('/', '.') + "." + member, why);
                    }
                }

                private void refuse(String used, String why) {
                    int theirs = studentLines.of(packagePath + source, line);
                    if (theirs < 0) {
                        return;
                    }
                    Violation v = new Violation(packagePath + source, theirs, used, why);
                    if (!found.contains(v)) {
                        found.add(v);
                    }
                }

                private String why(String owner, String member, String descriptor, boolean field, int opcode) {
                    String element = owner.startsWith("[") ? Type.getType(owner).getElementType().getInternalName() : owner;
                    if (owner.startsWith("[")) {
                        return null; // clone() and length of an array
                    }
                    if (element.startsWith("kuibu/")) {
                        return courseRule(element, member, descriptor, field, opcode);
                    }
                    return jdkRule(element, member, descriptor);
                }

                private String courseRule(String owner, String member, String descriptor, boolean field, int opcode) {
                    String dotted = owner.replace('/', '.');
                    if (dotted.startsWith("kuibu.grading.")) {
                        return WHY_GRADER;
                    }
                    if (!course.classes().contains(owner)) {
                        return null; // the submission's own helper classes: they are checked too
                    }
                    String name = dotted + "." + member;
                    for (String referee : course.referee()) {
                        if (name.equals(referee) || dotted.equals(referee) || dotted.startsWith(referee + "$")) {
                            return "exercise code may not call the numeric referee (" + referee + "): an exercise computes its answer itself";
                        }
                    }
                    for (String forbidden : course.forbiddenFor().getOrDefault(exercise, List.of())) {
                        if (name.equals(forbidden) || dotted.equals(forbidden)) {
                            return "exercise " + exercise + " may not call " + forbidden + ": it already holds the answer";
                        }
                    }
                    if (course.commandClasses().contains(owner) || member.equals("main") && descriptor.equals("([Ljava/lang/String;)V")) {
                        return "exercise code may not run the course's command-line tools";
                    }
                    if (mentionsIo(descriptor)) {
                        return "exercise code may not call course code that reads or writes files";
                    }
                    if (field && opcode == Opcodes.PUTSTATIC) {
                        return "exercise code may not change the course's static fields";
                    }
                    if (field && opcode == Opcodes.GETSTATIC && descriptor.startsWith("[")) {
                        return "exercise code may not use the course's static arrays (it could change them)";
                    }
                    return null;
                }
            };
        }
    }

    private static boolean mentionsIo(String descriptor) {
        return descriptor.contains("Ljava/io/") || descriptor.contains("Ljava/nio/") || descriptor.contains("Ljava/net/");
    }

    /** Bootstrap methods javac uses for lambdas, string concatenation and records. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods");

    /** Why a use of the JDK is refused, or null when it is allowed. */
    static String jdkRule(String owner, String member, String descriptor) {
        String pkg = owner.lastIndexOf('/') < 0 ? "" : owner.substring(0, owner.lastIndexOf('/'));
        String outer = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        String simple = outer.substring(outer.lastIndexOf('/') + 1);
        switch (outer) {
            case "java/lang/Object":
                return member.equals("wait") || member.equals("notify") || member.equals("notifyAll") ? WHY_THREADS : null;
            case "java/lang/System":
                return Set.of("arraycopy", "nanoTime", "currentTimeMillis", "identityHashCode", "out", "err", "lineSeparator")
                        .contains(member) ? null : "exercise code may use only System.out, System.err, arraycopy and the clocks of System";
            case "java/io/PrintStream":
                return member.equals("<init>") ? WHY_FILES : null; // printing to System.out and System.err
            case "java/lang/Thread", "java/lang/ThreadGroup", "java/lang/ThreadLocal", "java/lang/InheritableThreadLocal",
                 "java/util/Timer", "java/util/TimerTask":
                return WHY_THREADS;
            case "java/lang/Runtime", "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ProcessHandle", "java/lang/Shutdown":
                return WHY_PROCESS;
            case "java/lang/Class", "java/lang/ClassLoader", "java/lang/Module", "java/lang/ModuleLayer", "java/lang/Package",
                 "java/lang/StackWalker", "java/lang/SecurityManager", "java/lang/ClassValue":
                return WHY_REFLECTION;
            case "java/lang/Throwable":
                return member.contains("StackTrace") && !member.equals("printStackTrace") ? WHY_REFLECTION : null;
            default:
                break;
        }
        if (member.startsWith("parallel") || member.equals("unordered") && pkg.equals("java/util/stream")) {
            return WHY_THREADS; // parallel streams and sorts run on the common pool's threads
        }
        if (pkg.equals("java/io") || pkg.startsWith("java/nio")) {
            return WHY_FILES;
        }
        if (pkg.startsWith("java/net") || pkg.startsWith("javax/net")) {
            return WHY_NETWORK;
        }
        if (pkg.startsWith("java/util/concurrent")) {
            return WHY_THREADS;
        }
        if (pkg.startsWith("java/lang/reflect") || pkg.startsWith("java/lang/invoke") || pkg.startsWith("java/lang/instrument")
                || pkg.startsWith("java/lang/constant") || pkg.startsWith("java/lang/runtime")) {
            return WHY_REFLECTION;
        }
        if (pkg.startsWith("sun/") || pkg.startsWith("jdk/") || pkg.startsWith("com/sun/") || pkg.startsWith("java/lang/ref")
                || pkg.startsWith("java/lang/management") || pkg.startsWith("java/security") || pkg.startsWith("javax/")) {
            return WHY_INTERNALS;
        }
        if (pkg.equals("java/lang")) {
            return LANG.contains(simple) || simple.endsWith("Exception") || simple.endsWith("Error") ? null : notAllowed(owner);
        }
        if (pkg.equals("java/util")) {
            return UTIL_REFUSED.contains(simple) ? notAllowed(owner) : null;
        }
        if (pkg.equals("java/util/function") || pkg.equals("java/util/stream") || pkg.equals("java/util/random")
                || pkg.equals("java/math")) {
            return null;
        }
        if (owner.startsWith("org/hamcrest/") || owner.startsWith("org/junit/") || owner.startsWith("org/opentest4j/")) {
            return "exercise code may not use the test libraries";
        }
        return notAllowed(owner);
    }

    private static String notAllowed(String owner) {
        return owner.replace('/', '.') + " is not among what exercise code may use (the course's classes, Math, numbers and strings, "
                + "arrays, collections and streams, functional interfaces, Random)";
    }

    /** What of java.lang an exercise may use, besides exceptions and errors. */
    private static final Set<String> LANG = Set.of("Math", "StrictMath", "Double", "Float", "Integer", "Long", "Short", "Byte",
            "Character", "Boolean", "Number", "String", "StringBuilder", "StringBuffer", "CharSequence", "Comparable", "Iterable",
            "Enum", "Record", "Void", "AutoCloseable", "Runnable", "Cloneable", "Throwable");

    /** What of java.util is refused: everything else there (collections, Arrays, Random, Optional, ...) is allowed. */
    private static final Set<String> UTIL_REFUSED = Set.of("ServiceLoader", "ResourceBundle", "Scanner", "Properties",
            "PropertyResourceBundle", "ListResourceBundle", "Formatter", "Timer", "TimerTask", "Currency", "TimeZone", "Calendar",
            "GregorianCalendar", "Date", "UUID");
}
