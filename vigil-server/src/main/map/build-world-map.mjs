// Builds static/assets/world.json, the console's map of countries (docs/dashboard.md), from Natural Earth's
// 1:110m admin-0 boundaries as redistributed by the npm package world-atlas (ISC; Natural Earth is public domain)
// and the ISO 3166 numeric -> alpha-2 table of i18n-iso-countries (MIT). Run offline once the packages are
// installed; the output is committed, so the build needs neither Node nor the network:
//
//   npm install --prefix /tmp/vigil-map world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
//   NODE_PATH=/tmp/vigil-map/node_modules node vigil-server/src/main/map/build-world-map.mjs \
//       > vigil-server/src/main/resources/static/assets/world.json
//
// Projection: equirectangular, x = longitude + 180, y = 90 - latitude, one decimal (about 10 km at the equator),
// Antarctica left out; a viewBox of 0 0 360 150 shows latitudes 90..-60.
import {createRequire} from 'node:module';
const require = createRequire(process.env.NODE_PATH + '/');
const topology = require('world-atlas/countries-110m.json');
const {feature} = require('topojson-client');
const countries = require('i18n-iso-countries');

// Natural Earth features without an ISO numeric code.
const BY_NAME = {Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO'};

const round = v => Math.round(v * 10) / 10;
// Rings crossing the antimeridian (Russia, Fiji) are unwrapped: a jump of more than 180 degrees continues past the
// map's edge instead of drawing a line across the world; the SVG's viewBox clips what lies beyond.
function ring(points) {
  let d = '';
  let last = '';
  let previous = null;
  let shift = 0;
  for (const [rawLon, lat] of points) {
    if (previous !== null && rawLon + shift - previous > 180) shift -= 360;
    else if (previous !== null && rawLon + shift - previous < -180) shift += 360;
    const lon = rawLon + shift;
    previous = lon;
    const p = `${round(lon + 180)} ${round(90 - lat)}`;
    if (p === last) continue;
    d += (d ? 'L' : 'M') + p;
    last = p;
  }
  return d + 'Z';
}
const paths = new Map();
for (const f of feature(topology, topology.objects.countries).features) {
  const name = f.properties.name;
  if (name === 'Antarctica') continue;
  const code = BY_NAME[name] ?? (f.id ? countries.numericToAlpha2(f.id) : undefined);
  if (!code) throw new Error('no ISO code for ' + name + ' ' + f.id);
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const d = polygons.map(rings => rings.map(ring).join('')).join('');
  const entry = paths.get(code);
  if (entry) entry.d += d;
  else paths.set(code, {code, name: code === 'CY' ? 'Cyprus' : code === 'SO' ? 'Somalia' : name, d});
}
const list = [...paths.values()].sort((a, b) => a.code.localeCompare(b.code));
process.stdout.write(JSON.stringify({
  source: 'Natural Earth 1:110m admin 0 (public domain) via world-atlas 2.0.2 (ISC); see NOTICE',
  viewBox: '0 0 360 150', countries: list}) + '\n');
