package kuibu.grading;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * One Java source file as the grader sees it: its package, its top-level types, and its methods with
 * the exact place of each body, read by the JDK's own parser ({@code com.sun.source}). Parsing runs
 * nothing and folds no constants beyond the literals written in the text, so any text can be read.
 *
 * <p>A method is named by a <em>key</em> that survives a student's edits inside it: the chain of
 * enclosing types (and enum constants or fields holding an anonymous class body), the method's name
 * and its parameter types as written, without spaces, for example
 * {@code Activation.SIGMOID#derivative(double)} or {@code Neuron#gradient(List<Sample>,Cost)}.
 */
public final class JavaSource {

    /**
     * Where a method's body is: {@code open} is the offset of its <code>{</code>, {@code close} the offset of
     * its <code>}</code>, and the lines (from 1) they are on.
     */
    public record Body(String key, int open, int close, int openLine, int closeLine) {}

    private final String text;
    private final String packageName;
    private final List<String> topLevelTypes;
    private final Map<String, Body> methods;
    private final List<String> ambiguous;
    private final List<String> errors;
    private final List<String> imports;
    private final int packageEnd;

    private JavaSource(String text, String packageName, List<String> topLevelTypes, Map<String, Body> methods,
                       List<String> ambiguous, List<String> errors, List<String> imports, int packageEnd) {
        this.text = text;
        this.packageName = packageName;
        this.topLevelTypes = topLevelTypes;
        this.methods = methods;
        this.ambiguous = ambiguous;
        this.errors = errors;
        this.imports = imports;
        this.packageEnd = packageEnd;
    }

    /** Parses {@code text}; {@code name} only labels it (for example its path). */
    public static JavaSource parse(String name, String text) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this Java runtime (" + System.getProperty("java.home")
                    + "): run the tools with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name.replace('\\', '/')), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none", "--release", "17"),
                null, List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot parse " + name + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add((d.getLineNumber() > 0 ? "line " + d.getLineNumber() + ": " : "")
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        LineMap lines = unit.getLineMap();
        Map<String, Body> methods = new LinkedHashMap<>();
        List<String> ambiguous = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c) {
                types.add(c.getSimpleName().toString());
            }
        }
        new TreeScanner<Void, String>() {
            @Override
            public Void visitClass(ClassTree node, String path) {
                String name = node.getSimpleName().toString();
                String inner = name.isEmpty() ? path : path.isEmpty() ? name : path + "." + name;
                return super.visitClass(node, inner);
            }

            @Override
            public Void visitVariable(VariableTree node, String path) {
                // an enum constant or a field with a class body: its methods are named through it
                if (node.getInitializer() instanceof NewClassTree created && created.getClassBody() != null) {
                    return scan(created.getClassBody(), path + "." + node.getName());
                }
                return null; // nothing else in a field holds a method we name
            }

            @Override
            public Void visitMethod(MethodTree node, String path) {
                StringBuilder key = new StringBuilder(path).append('#').append(node.getName()).append('(');
                for (int i = 0; i < node.getParameters().size(); i++) {
                    Tree type = node.getParameters().get(i).getType();
                    String written = text.substring((int) positions.getStartPosition(unit, type),
                            (int) positions.getEndPosition(unit, type));
                    key.append(i == 0 ? "" : ",").append(written.replaceAll("\\s+", ""));
                }
                String k = key.append(')').toString();
                BlockTree body = node.getBody();
                if (body != null) {
                    int open = (int) positions.getStartPosition(unit, body);
                    int close = (int) positions.getEndPosition(unit, body) - 1;
                    if (open >= 0 && close > open && text.charAt(open) == '{' && text.charAt(close) == '}') {
                        Body b = new Body(k, open, close, (int) lines.getLineNumber(open), (int) lines.getLineNumber(close));
                        if (methods.putIfAbsent(k, b) != null) {
                            ambiguous.add(k);
                        }
                    } else {
                        ambiguous.add(k); // braces written as escapes: not a body we can take apart safely
                    }
                }
                return null; // methods inside a body are the body's business
            }
        }.scan(unit, "");
        for (String k : ambiguous) {
            methods.remove(k);
        }
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        List<String> imports = new ArrayList<>();
        for (Tree i : unit.getImports()) {
            imports.add(text.substring((int) positions.getStartPosition(unit, i), (int) positions.getEndPosition(unit, i))
                    .replaceAll("\\s+", " "));
        }
        int packageEnd = unit.getPackage() == null ? 0 : (int) positions.getEndPosition(unit, unit.getPackage());
        return new JavaSource(text, pkg, List.copyOf(types), methods, List.copyOf(ambiguous), List.copyOf(errors),
                List.copyOf(imports), Math.max(0, packageEnd));
    }

    public String text() {
        return text;
    }

    /** The package, "" for the unnamed one. */
    public String packageName() {
        return packageName;
    }

    /** The simple names of the types declared at the top level. */
    public List<String> topLevelTypes() {
        return topLevelTypes;
    }

    /** The import declarations, each as written (spaces squeezed), for example {@code import java.util.List;}. */
    public List<String> imports() {
        return imports;
    }

    /** The offset just after the package declaration (0 when there is none). */
    public int packageEnd() {
        return packageEnd;
    }

    /** The parser's errors, as "line N: message"; none for a file that parses. */
    public List<String> errors() {
        return errors;
    }

    /** Every method with a body, by key (keys declared twice, or braces written as escapes, are left out). */
    public Map<String, Body> methods() {
        return methods;
    }

    /** The keys left out of {@link #methods()} because they are declared twice or their braces are escapes. */
    public List<String> ambiguous() {
        return ambiguous;
    }

    public Optional<Body> method(String key) {
        return Optional.ofNullable(methods.get(key));
    }

    /** The method whose body holds line {@code line}, the innermost one if they nest. */
    public Optional<Body> methodAtLine(int line) {
        Body found = null;
        for (Body b : methods.values()) {
            if (b.openLine() <= line && line <= b.closeLine() && (found == null || b.open() > found.open())) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The text between a body's braces. */
    public String inside(Body body) {
        return text.substring(body.open() + 1, body.close());
    }
}
