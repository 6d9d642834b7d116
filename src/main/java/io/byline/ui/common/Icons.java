package io.byline.ui.common;

import io.byline.domain.Severity;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The icons Byline uses (Material Design Icons through Ikonli); coloured by CSS ({@code -fx-icon-color}). */
public final class Icons {
    private Icons() {}

    public static final Ikon COMPOSE = MaterialDesignP.PENCIL_OUTLINE;
    public static final Ikon QUEUE = MaterialDesignT.TRAY_FULL;
    public static final Ikon RISKS = MaterialDesignA.ALERT_OUTLINE;
    public static final Ikon POLICY = MaterialDesignS.SHIELD_LOCK_OUTLINE;
    public static final Ikon EXECUTIVES = MaterialDesignA.ACCOUNT_TIE_OUTLINE;
    public static final Ikon AUDIT = MaterialDesignF.FILE_DOCUMENT_OUTLINE;
    public static final Ikon DASHBOARD = MaterialDesignV.VIEW_DASHBOARD_OUTLINE;
    public static final Ikon USERS = MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;
    public static final Ikon SETTINGS = MaterialDesignC.COG_OUTLINE;
    public static final Ikon SIGN_OUT = MaterialDesignL.LOGOUT;
    public static final Ikon ADD = MaterialDesignP.PLUS;
    public static final Ikon EDIT = MaterialDesignP.PENCIL;
    public static final Ikon ARCHIVE = MaterialDesignA.ARCHIVE_OUTLINE;
    public static final Ikon RESTORE = MaterialDesignA.ARCHIVE_ARROW_UP_OUTLINE;
    public static final Ikon PHOTO = MaterialDesignI.IMAGE_OUTLINE;
    public static final Ikon KEY = MaterialDesignL.LOCK_RESET;
    public static final Ikon INFO = MaterialDesignI.INFORMATION_OUTLINE;
    public static final Ikon ERROR = MaterialDesignA.ALERT_CIRCLE_OUTLINE;
    public static final Ikon CHECK = MaterialDesignC.CHECK_CIRCLE_OUTLINE;
    public static final Ikon DATABASE = MaterialDesignD.DATABASE_OUTLINE;
    public static final Ikon SEVERITY_BLOCK = MaterialDesignS.SQUARE_ROUNDED;
    public static final Ikon SEVERITY_WARN = MaterialDesignA.ALERT;
    public static final Ikon SEVERITY_INFO = MaterialDesignC.CIRCLE;

    /** A new icon node; size and colour come from CSS. */
    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("icon");
        return icon;
    }

    /** Severity icons: a square for BLOCK, a triangle for WARN, a circle for INFO — never colour alone. */
    public static Ikon severity(Severity s) {
        return switch (s) {
            case BLOCK -> SEVERITY_BLOCK;
            case WARN -> SEVERITY_WARN;
            case INFO -> SEVERITY_INFO;
        };
    }
}
