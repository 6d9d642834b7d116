package io.byline.service.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.AppContext;
import io.byline.service.PostDetail;
import io.byline.testing.AutosaveChild;
import io.byline.testing.TestWorkspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words typed before a kill -9 come back: the autosave is committed, not buffered. */
@Tag("fault")
class AutosaveCrashTest {
    @TempDir
    Path dir;

    @Test
    void autosavedTextSurvivesAKilledProcess() throws Exception {
        String typed = "Typed before the crash — with emoji 🚀, \"quotes\" and a second\nline";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                // the native-library copy of the killed child goes to the test's folder, which JUnit removes
                "-Dorg.sqlite.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), AutosaveChild.class.getName(), dir.toString(), typed);
        pb.redirectErrorStream(true);
        Process child = pb.start();
        long postId = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder log = new StringBuilder();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && (line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("AUTOSAVED ")) {
                    postId = Long.parseLong(line.substring("AUTOSAVED ".length()).strip());
                    break;
                }
            }
            assertTrue(postId > 0, "child never autosaved:\n" + log);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        try (AppContext ctx = TestWorkspace.demo(dir)) {
            assertEquals("ok", ctx.database().integrityCheck());
            TestWorkspace.signIn(ctx, "rina");
            PostDetail d = ctx.draftService().get(postId);
            assertNotNull(d.unsavedText());
            assertEquals(typed, d.unsavedText());
            assertEquals("Saved start", d.current().text());
            assertTrue(ctx.auditService().verify().ok());
        }
    }
}
