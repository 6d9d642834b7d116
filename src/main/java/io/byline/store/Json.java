package io.byline.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Map;

/** The one configured Gson of Byline. */
public final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private Json() {}

    public static Gson gson() {
        return GSON;
    }

    public static Gson pretty() {
        return PRETTY;
    }

    /** A map as a compact JSON object, keys in the map's order. */
    public static String object(Map<String, ?> map) {
        return GSON.toJson(map == null ? Map.of() : map);
    }

    public static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}
