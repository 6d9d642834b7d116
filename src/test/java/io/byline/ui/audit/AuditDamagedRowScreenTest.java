package io.byline.ui.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.byline.domain.AuditEvent;
import io.byline.testing.TestWorkspace;
import io.byline.ui.UiTest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;

/** The Audit screen survives a damaged row: it lists the others and shows that one marked, in the user's language. */
class AuditDamagedRowScreenTest extends UiTest {
    @Test
    void aDamagedRowIsListedMarkedAsDamaged() throws Exception {
        var context = TestWorkspace.demo(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + context.database().file());
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_event_no_update");
            st.executeUpdate("UPDATE audit_event SET at = 'not a time' WHERE seq = 1");
        }
        open(context, INDONESIAN);
        signIn("admin");
        navigate("audit");
        TableView<AuditEvent> table = node("#auditTable");
        assertTrue(table.getItems().size() > 1, "the other entries are listed");
        assertTrue(table.getItems().stream().anyMatch(AuditEvent::damaged), "the damaged row is listed too");
        assertTrue(lookup(n -> n instanceof javafx.scene.control.Labeled l && "(entri rusak)".equals(l.getText()))
                .tryQuery().isPresent(), "marked as damaged, in Indonesian");
        screenshot("audit_damaged_row_id");
    }
}
