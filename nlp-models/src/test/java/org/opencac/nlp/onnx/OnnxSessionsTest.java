package org.opencac.nlp.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Regression test: creating the ONNX Runtime environment on a small thread stack with a long command line used to
 * kill the JVM with SIGSEGV (a deep native recursion). The environment must come up in a child JVM whose main
 * thread has a small stack and whose command line is long.
 */
class OnnxSessionsTest {

    /** The child process: creates the environment on its main thread's behalf and reports. */
    public static void main(String[] args) {
        OnnxSessions.environment();
        System.out.println("environment ok with " + args.length + " arguments");
    }

    @Test
    void environmentSurvivesASmallStackAndALongCommandLine() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss512k");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OnnxSessionsTest.class.getName());
        for (int i = 0; i < 300; i++) {
            command.add("/a/rather/long/path/to/some/clinical/note/file-number-" + i + ".txt");
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("environment ok with 300 arguments"), output);
    }

    @Test
    void theEnvironmentIsCreatedOnceNotOnEveryCall() {
        OnnxSessions.environment();
        int started = OnnxSessions.LOADER_THREADS.get();
        for (int i = 0; i < 10; i++) {
            assertTrue(OnnxSessions.environment() == OnnxSessions.environment());
        }
        assertEquals(started, OnnxSessions.LOADER_THREADS.get());
    }
}
