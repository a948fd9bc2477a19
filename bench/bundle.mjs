// Benchmark: the plugin's JavaScript size. Every .js file of the app's production build
// (packages/app/dist/static, the initial chunks and every lazily loaded one) is gzipped whole,
// and its bytes are attributed to source files through its source map (bench/sourceMaps.mjs):
// plugins/ome and plugins/ome-common against the dependencies and the rest of the app.
import fs from 'node:fs';
import path from 'node:path';
import { builtScripts } from './appBuild.mjs';
import { attributeFile, GZIP_LEVEL, sumAttributions } from './sourceMaps.mjs';
import { fmt, fmtBytes, formatTable } from './stats.mjs';

export const BUNDLE_METHOD =
  `every .js file of packages/app/dist/static (production build: all chunks, also lazily loaded ones) gzipped whole ` +
  `(zlib level ${GZIP_LEVEL}) for the app's total; each file's bytes attributed to sources by its source map (a mapping's ` +
  `span runs to the next mapping); a group's gzip is its spans of each file gzipped on their own, summed over files; ` +
  `share = group gzip / whole-app gzip; files without a source map count as "app and other"`;

export const GROUP_ORDER = [
  'plugins/ome',
  'plugins/ome-common',
  'dependencies',
  'app and other',
];

/** Attribution of every built script (one without a source map counts as 'app and other'). */
export function measureBundle(dist) {
  const scripts = builtScripts(dist);
  if (!scripts.length)
    throw new Error(`bench: no built scripts in ${dist}/static`);
  const files = scripts.map(file => {
    const mapFile = `${file}.map`;
    const code = fs.readFileSync(file, 'utf8');
    // tiny chunks (a few hundred bytes of bundler glue) come without a map
    const map = fs.existsSync(mapFile)
      ? JSON.parse(fs.readFileSync(mapFile, 'utf8'))
      : { sources: [], mappings: '' };
    return {
      file: path.basename(file),
      mapped: fs.existsSync(mapFile),
      ...attributeFile(code, map),
    };
  });
  const total = sumAttributions(files);
  const rows = GROUP_ORDER.filter(g => total.groups[g]).map(g => ({
    group: g,
    bytes: total.groups[g].bytes,
    gzip: total.groups[g].gzip,
    sharePercent: (total.groups[g].gzip / total.gzip) * 100,
  }));
  const ome = ['plugins/ome', 'plugins/ome-common'].map(
    g => total.groups[g] ?? { bytes: 0, gzip: 0 },
  );
  const plugin = {
    bytes: ome[0].bytes + ome[1].bytes,
    gzip: ome[0].gzip + ome[1].gzip,
  };
  return {
    files: files.length,
    filesWithoutMap: files
      .filter(f => !f.mapped)
      .map(f => ({ file: f.file, bytes: f.bytes })),
    bytes: total.bytes,
    gzip: total.gzip,
    rows,
    plugin: { ...plugin, sharePercent: (plugin.gzip / total.gzip) * 100 },
    largestFiles: [...files]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5)
      .map(f => ({ file: f.file, bytes: f.bytes, gzip: f.gzip })),
  };
}

export function bundleTable(result) {
  const rows = [
    ...result.rows.map(r => [
      r.group,
      fmtBytes(r.bytes),
      fmtBytes(r.gzip),
      `${fmt(r.sharePercent, 1)} %`,
    ]),
    [
      'OME plugin (ome + ome-common)',
      fmtBytes(result.plugin.bytes),
      fmtBytes(result.plugin.gzip),
      `${fmt(result.plugin.sharePercent, 1)} %`,
    ],
    [
      `whole app (${result.files} files)`,
      fmtBytes(result.bytes),
      fmtBytes(result.gzip),
      '100.0 %',
    ],
  ];
  return formatTable(['JavaScript', 'minified', 'gzip', 'share of gzip'], rows);
}
