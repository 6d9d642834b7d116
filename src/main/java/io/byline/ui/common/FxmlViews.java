package io.byline.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a screen's FXML by convention: {@code io.byline.ui.executives.ExecutivesController} is paired with
 * {@code /io/byline/ui/executives/Executives.fxml}. The loader gets the merged bundle (so {@code %key} works)
 * and the controller factory (constructor injection, {@code AppContext::createController} in the app).
 */
public final class FxmlViews {
    private final I18n i18n;
    private final Callback<Class<?>, Object> controllerFactory;

    public FxmlViews(I18n i18n, Callback<Class<?>, Object> controllerFactory) {
        this.i18n = i18n;
        this.controllerFactory = controllerFactory;
    }

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {}

    /** Loads the view of the controller class, creating the controller through the factory. */
    public <C> View<C> load(Class<C> controllerClass) {
        return loadWith(controllerClass, controllerFactory);
    }

    /** Loads the view with an existing controller instance (for a view shown several times with different data). */
    public <C> View<C> load(Class<C> controllerClass, C controller) {
        return loadWith(controllerClass, type -> type == controllerClass ? controller : controllerFactory.call(type));
    }

    private <C> View<C> loadWith(Class<C> controllerClass, Callback<Class<?>, Object> factory) {
        URL url = location(controllerClass);
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setControllerFactory(factory);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }

    /** Where the FXML of a controller lives. */
    public static URL location(Class<?> controllerClass) {
        String name = controllerClass.getSimpleName();
        if (!name.endsWith("Controller")) {
            throw new IllegalArgumentException(name + ": a screen's controller is named <Screen>Controller");
        }
        String path = "/" + controllerClass.getPackageName().replace('.', '/') + "/"
                + name.substring(0, name.length() - "Controller".length()) + ".fxml";
        URL url = controllerClass.getResource(path);
        if (url == null) throw new IllegalStateException("missing " + path + " for " + controllerClass.getName());
        return url;
    }

    /** Creates any UI object (a badge, a helper) by the same constructor injection as controllers. */
    public <T> T create(Class<T> type) {
        return type.cast(controllerFactory.call(type));
    }

    public I18n i18n() {
        return i18n;
    }
}
