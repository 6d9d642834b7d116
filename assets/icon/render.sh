#!/usr/bin/env bash
# Renders byline.svg to the committed PNGs (the build uses the PNGs and never needs these tools).
# Needs ImageMagick with an SVG delegate, or librsvg2-bin: apt-get install -y imagemagick librsvg2-bin
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$s" -h "$s" byline.svg -o "byline-$s.png"
  else
    convert -background none -density 384 byline.svg -resize "${s}x${s}" "PNG32:byline-$s.png"
  fi
done
