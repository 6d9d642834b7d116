package io.byline.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed command options: {@code --name value} pairs, {@code --flag}s and positional arguments. */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {}

    /**
     * Parses the arguments; {@code withValue} are options that take a value, {@code flags} those that do not.
     *
     * @throws IllegalArgumentException with a message for the user on an unknown option or a missing value
     */
    public static Options parse(String[] args, Set<String> withValue, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                if (withValue.contains(a)) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                    o.values.put(a, args[++i]);
                } else if (flags.contains(a)) {
                    o.values.put(a, "true");
                } else {
                    throw new IllegalArgumentException("unknown option " + a);
                }
            } else {
                o.positional.add(a);
            }
        }
        return o;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }
}
