#!/usr/bin/env bash
# Builds the installable Byline for this platform; run by `mvn -Pdist package` (see README "Packaging" and
# docs/decisions/0005-packaging.md). Steps:
#   1. jpackage input: the app's own jar + its runtime dependency jars (JavaFX for this platform included);
#   2. a trimmed JDK runtime made with jlink (the modules listed in the pom's dist.modules);
#   3. jpackage --type app-image: launcher + runtime + jars, with the icon from assets/icon/;
#   4. class-data sharing: a training run up to the sign-in window (needs a display: $DISPLAY or xvfb-run),
#      then a static AppCDS archive inside the image (skipped, with a note, when there is no display);
#   5. the installer: .deb when dpkg-deb and fakeroot exist, .dmg on macOS, else a .tar.gz of the app-image.
# Usage: dist/package.sh JAVA_HOME TARGET_DIR VERSION MODULES   (Maven passes these)
set -euo pipefail

java_home=$1 target=$2 version=$3 modules=$4
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$target/dist"
app_version="${version%%-*}"      # jpackage wants digits and dots: 0.1.0-SNAPSHOT -> 0.1.0
jlink="$java_home/bin/jlink" jpackage="$java_home/bin/jpackage"
name=Byline

log() { printf '[dist] %s\n' "$*"; }

rm -rf "$dist/input" "$dist/sqlite-native" "$dist/runtime" "$dist/image" "$dist/deb-image" "$dist/cds-home" "$dist/classes.lst"
mkdir -p "$dist/input/lib"

# 1. input: the thin jar (the shade plugin keeps it as original-byline.jar) and the dependencies Maven copied
cp "$target/original-byline.jar" "$dist/input/byline.jar"
for jar in "$target/dist-lib/"*.jar; do
  base=$(basename "$jar")
  # the JavaFX jars without a platform classifier hold no classes, only the automatic-module name
  if [[ $base =~ ^javafx-[a-z]+-[0-9.]+\.jar$ ]]; then continue; fi
  cp "$jar" "$dist/input/lib/"
done

# 1b. SQLite's native library, unpacked once here: sqlite-jdbc otherwise copies it out of its jar into the temp
#     folder on every start, after running `uname -o` in a child process to tell Android from Linux. Started with
#     org.sqlite.lib.path it loads the library from the app folder and does neither (the jar's copy stays as the
#     fallback when this platform has none).
sqlite_jar=$(ls "$dist/input/lib/"sqlite-jdbc-*.jar | head -1)
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) native=Linux/x86_64/libsqlitejdbc.so ;;
  Linux/aarch64) native=Linux/aarch64/libsqlitejdbc.so ;;
  Darwin/x86_64) native=Mac/x86_64/libsqlitejdbc.dylib ;;
  Darwin/arm64) native=Mac/aarch64/libsqlitejdbc.dylib ;;
  *) native= ;;
esac
native_opt=()
if [[ -n $native ]]; then
  rm -rf "$dist/sqlite-native" && mkdir -p "$dist/sqlite-native"
  (cd "$dist/sqlite-native" && "$java_home/bin/jar" xf "$sqlite_jar" "org/sqlite/native/$native")
  if [[ -s $dist/sqlite-native/org/sqlite/native/$native ]]; then
    mkdir -p "$dist/input/native"
    cp "$dist/sqlite-native/org/sqlite/native/$native" "$dist/input/native/"
    native_opt=(--java-options '-Dorg.sqlite.lib.path=$APPDIR/native' --java-options "-Dorg.sqlite.lib.name=$(basename "$native")")
  fi
fi

# 2. runtime
log "jlink: $modules"
"$jlink" --add-modules "$modules" --include-locales=en,id \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$dist/runtime"

# 3. app-image
case "$(uname -s)" in
  Linux)  icon="$root/assets/icon/byline-256.png"; os=linux ;;
  Darwin) icon="$root/assets/icon/byline.icns"; os=mac ;;
  *)      icon="$root/assets/icon/byline.ico"; os=windows ;;
esac
icon_opt=(); [[ -f $icon ]] && icon_opt=(--icon "$icon")
cds_opt='-XX:SharedArchiveFile=$APPDIR/byline.jsa'
log "jpackage app-image $app_version"
"$jpackage" --type app-image --dest "$dist/image" --name "$name" --app-version "$app_version" \
  --vendor "Byline" --description "Drafting, approval and risk review for executives' social media posts." \
  --input "$dist/input" --main-jar byline.jar --main-class io.byline.Main \
  --runtime-image "$dist/runtime" "${icon_opt[@]}" \
  --java-options "$cds_opt" --java-options '-Dfile.encoding=UTF-8' "${native_opt[@]}"
if [[ $os == mac ]]; then image="$dist/image/$name.app"; launcher="$image/Contents/MacOS/$name"; appdir="$image/Contents/app"
else image="$dist/image/$name"; launcher="$image/bin/$name"; appdir="$image/lib/app"; fi

# 3b. Linux: a shell launcher in place of jpackage's native one. The native launcher asks `rpm -qf` and then
#     `dpkg -S` which package owns it on every start (dpkg -S reads every package's file list: 0.3-0.5 s before
#     the JVM even starts). The script starts the bundled runtime with exactly the options and class path of the
#     launcher's configuration file, so the class-data sharing archive below matches it.
if [[ $os == linux ]]; then
  cfg="$appdir/$name.cfg"
  cp_line=$(sed -n 's/^app\.classpath=\$APPDIR/$app/p' "$cfg" | paste -sd: -)
  opts=$(sed -n 's/^java-options=//p' "$cfg" | sed 's/\$APPDIR/$app/g' | awk '{printf " \"%s\"", $0}')
  main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
  cat > "$launcher" <<SCRIPT
#!/bin/sh
# Byline launcher: starts the bundled Java runtime (written by dist/package.sh from lib/app/$name.cfg).
root=\$(dirname "\$(dirname "\$(readlink -f "\$0")")")
app="\$root/lib/app"
# the batch verb runs best on the quick compiler and the serial collector (docs/batch-check.md); the app keeps the defaults
case "\${1:-}" in check) batch="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;; *) batch="" ;; esac
exec "\$root/lib/runtime/bin/java"$opts \$batch -cp "$cp_line" $main_class "\$@"
SCRIPT
  chmod 755 "$launcher"
fi

# 4. class-data sharing (optional: the app works without the archive, it only starts slower)
run_gui() {
  if [[ -n ${DISPLAY:-} ]]; then "$@"
  elif command -v xvfb-run >/dev/null; then xvfb-run -a "$@"
  else return 127; fi
}
if [[ ${BYLINE_DIST_CDS:-auto} != off ]] && { [[ -n ${DISPLAY:-} ]] || command -v xvfb-run >/dev/null; }; then
  log "class-data sharing: training run up to the sign-in window"
  mkdir -p "$dist/cds-home"
  export BYLINE_HOME="$dist/cds-home"
  # first run seeds the demo workspace; the second is a plain start, whose loaded classes we keep
  run_gui env JAVA_TOOL_OPTIONS="-Dbyline.startupProbe=true" "$launcher" > "$dist/cds-train-1.log" 2>&1 || true
  run_gui env JAVA_TOOL_OPTIONS="-Dbyline.startupProbe=true -XX:DumpLoadedClassList=$dist/classes.lst" \
    "$launcher" > "$dist/cds-train-2.log" 2>&1 || true
  if grep -q 'byline.startupProbe' "$dist/cds-train-2.log" && [[ -s $dist/classes.lst ]]; then
    # -Xshare:dump writes the archive named by the launcher's own -XX:SharedArchiveFile, with its class path
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$dist/classes.lst" "$launcher" > "$dist/cds-dump.log" 2>&1 || true
  fi
  unset BYLINE_HOME
  if [[ -s $appdir/byline.jsa ]]; then log "class-data sharing archive: $(du -h "$appdir/byline.jsa" | cut -f1)"
  else log "WARNING: no class-data sharing archive (see $dist/cds-*.log); the app starts without it"; fi
  rm -rf "$dist/cds-home"
else
  log "no display and no xvfb-run: skipping the class-data sharing archive (apt-get install xvfb to get it)"
fi

# 5. installer
rm -f "$dist"/*.deb "$dist"/*.dmg "$dist"/*.tar.gz
if [[ $os == linux ]] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # the archive made above names the jars by their paths in target/; the .deb ships the class list instead
  # and its postinst makes the archive for /opt/byline (dist/linux/postinst)
  rm -rf "$dist/deb-image" && mkdir -p "$dist/deb-image" && cp -a "$image" "$dist/deb-image/"
  rm -f "$dist/deb-image/$name/lib/app/byline.jsa"
  [[ -s $dist/classes.lst ]] && cp "$dist/classes.lst" "$dist/deb-image/$name/lib/app/classes.lst"
  log "jpackage deb"
  "$jpackage" --type deb --dest "$dist" --app-image "$dist/deb-image/$name" --name "$name" --app-version "$app_version" \
    --vendor "Byline" --description "Drafting, approval and risk review for executives' social media posts." \
    "${icon_opt[@]}" --linux-package-name byline --linux-menu-group Office --linux-app-category office \
    --linux-shortcut --linux-package-deps libgtk-3-0 --linux-deb-maintainer "byline@example.invalid" \
    --license-file "$root/LICENSE" --resource-dir "$root/dist/linux"
elif [[ $os == mac ]]; then
  "$jpackage" --type dmg --dest "$dist" --app-image "$image" --name "$name" --app-version "$app_version"
else
  log "no dpkg-deb/fakeroot: packing the app-image as a .tar.gz (apt-get install fakeroot for a .deb)"
  tar -C "$dist/image" -czf "$dist/byline-$app_version-$os-$(uname -m).tar.gz" "$name"
fi
log "app-image: $image"
ls -1 "$dist"/*.deb "$dist"/*.dmg "$dist"/*.tar.gz 2>/dev/null | sed 's/^/[dist] package: /' || true
