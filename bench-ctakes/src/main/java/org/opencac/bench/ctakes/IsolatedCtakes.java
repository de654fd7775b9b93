package org.opencac.bench.ctakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link CtakesPipeline} in a class loader of its own, in this process. cTAKES 5.1.0 calls OpenNLP 1.x methods
 * that OpenNLP 2.x (our pipeline's) no longer has, so the two cannot share a class path: the loader holds this
 * module's classes, its {@code target/lib} jars except OpenNLP 2.x, and the OpenNLP 1.x jar of
 * {@code target/ctakes-opennlp}; its parent is the platform loader, so none of our application classes leak in.
 * Calls cross the boundary through reflection with JDK types only.
 */
public final class IsolatedCtakes {
    /** By name: a class literal would load CtakesPipeline, and so cTAKES, in the application loader. */
    static final String PIPELINE_CLASS = "org.opencac.bench.ctakes.CtakesPipeline";

    private final URLClassLoader loader;
    private final Object pipeline;
    private final Method processCounts;
    private final Method componentNanos;

    private IsolatedCtakes(URLClassLoader loader, Object pipeline) throws NoSuchMethodException {
        this.loader = loader;
        this.pipeline = pipeline;
        this.processCounts = pipeline.getClass().getMethod("processCounts", String.class);
        this.componentNanos = pipeline.getClass().getMethod("componentNanos");
    }

    /**
     * Starts the cTAKES components (a prefix of {@link CtakesComponents#ALL}).
     *
     * @param lookupXml the lookup specification; may be null when "dictionary" is not among the components
     */
    public static IsolatedCtakes start(List<String> components, Path lookupXml) {
        CtakesComponents.checkPrefix(components);
        URLClassLoader loader = new URLClassLoader("ctakes", classPath(moduleTarget()),
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(PIPELINE_CLASS, true, loader);
            Object pipeline = type.getMethod("create", List.class, Path.class).invoke(null, components, lookupXml);
            return new IsolatedCtakes(loader, pipeline);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cTAKES did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load cTAKES from " + moduleTarget(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Tokens, mentions and negated mentions cTAKES found in the text. */
    public int[] process(String text) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (int[]) processCounts.invoke(pipeline, text);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cTAKES failed on a note", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Cumulative nanoseconds per cTAKES component, in pipeline order. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> componentNanos() {
        try {
            return Map.copyOf((Map<String, Long>) componentNanos.invoke(pipeline));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bench-ctakes/target}, found from where this class was loaded ({@code target/classes}). */
    static Path moduleTarget() {
        try {
            Path classes = Path.of(IsolatedCtakes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** target/classes, target/lib/*.jar except opennlp-tools 2.x, and target/ctakes-opennlp/*.jar. */
    static URL[] classPath(Path target) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(target.resolve("classes").toUri().toURL());
            for (Path jar : jars(target.resolve("lib"))) {
                if (!isOurOpenNlp(jar.getFileName().toString())) {
                    urls.add(jar.toUri().toURL());
                }
            }
            List<Path> ctakesOpenNlp = jars(target.resolve("ctakes-opennlp"));
            if (ctakesOpenNlp.isEmpty()) {
                throw new IllegalStateException("no OpenNLP 1.x jar in " + target.resolve("ctakes-opennlp")
                        + "; build bench-ctakes with mvn package");
            }
            for (Path jar : ctakesOpenNlp) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return urls.toArray(new URL[0]);
    }

    static boolean isOurOpenNlp(String jarName) {
        return jarName.startsWith("opennlp-tools-") && !jarName.startsWith("opennlp-tools-1.");
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
