// The plugin packages as a user installs them: built, packed with `yarn pack`, unpacked into
// a node_modules folder (scripts/packages/pack.mjs), then checked from the outside: no
// `workspace:` ranges left, only built files shipped, and every entry point's runtime files
// and type declarations exist, resolve for TypeScript users, type-check, and export the same
// names. Needs the declarations of `yarn tsc` (dist-types/); `npm test -- packages` runs it.
//
//   OME_PACKAGES_DIR=.local/packages node --test scripts/packages/packed.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { REPO_ROOT } from '../../controlplane/kube.mjs';
import { declaredExports, entryPoints, readPackageJson, runtimeExports } from './exports.mjs';
import { PACKAGES, listFiles, packPackages } from './pack.mjs';

// inside the repository, so that the packed packages' dependencies resolve from its node_modules
const outDir = path.resolve(process.env.OME_PACKAGES_DIR ?? path.join(REPO_ROOT, '.local', 'packages'));
const names = PACKAGES.map(rel => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rel, 'package.json'), 'utf8')).name);

let packed; // name -> { dir, pkg, entries }
let declared; // declaredExports() over every entry point of every package

before(async () => {
  const list = await packPackages(outDir, { log: msg => console.log(`# ${msg}`) });
  packed = Object.fromEntries(
    list.map(p => {
      const pkg = readPackageJson(p.dir);
      return [p.name, { dir: p.dir, pkg, entries: entryPoints(pkg) }];
    }),
  );
  const specs = Object.values(packed).flatMap(p => p.entries.map(e => e.spec));
  declared = declaredExports(outDir, specs, path.join(outDir, 'node_modules'));
});

for (const name of names) {
  describe(name, () => {
    test('its package.json is the published one: dist entry points, no workspace: ranges', () => {
      const { pkg } = packed[name];
      assert.ok(!JSON.stringify(pkg).includes('workspace:'), 'a workspace: range is left');
      for (const field of ['main', 'types']) assert.match(pkg[field] ?? '', /^(\.\/)?dist\//, `${field} points into dist/`);
      // the other packages of this repository are asked for in the version they are packed at
      for (const deps of [pkg.dependencies, pkg.peerDependencies]) {
        for (const [dep, range] of Object.entries(deps ?? {})) {
          if (!names.includes(dep)) continue;
          assert.equal(range.replace(/^[\^~]/, ''), packed[dep].pkg.version, `${dep}@${range}`);
        }
      }
    });

    test('it ships what it builds and declares, not its sources or tests', () => {
      const { dir, pkg } = packed[name];
      const files = listFiles(dir);
      const unexpected = files.filter(f => !/^(dist\/|package\.json$|README\.md$|LICENSE$|config\.schema\.json$)/.test(f));
      assert.deepEqual(unexpected, []);
      assert.deepEqual(files.filter(f => /\.test\.|__testUtils__|setupTests/.test(f)), []);
      // backstage-cli's prepack compiles a config.d.ts into the JSON schema apps validate against
      if (pkg.configSchema) {
        assert.ok(files.includes(path.normalize(pkg.configSchema)), `configSchema ${pkg.configSchema} is shipped`);
        const schema = JSON.parse(fs.readFileSync(path.join(dir, pkg.configSchema), 'utf8'));
        assert.ok(Object.keys(schema.properties ?? {}).length > 0, `${pkg.configSchema} declares config keys`);
      }
    });

    test('every entry point exists, resolves for TypeScript users and exports what its declarations say', () => {
      const { dir, entries } = packed[name];
      assert.ok(entries.some(e => e.subpath === '.'), 'has a main entry point');
      for (const e of entries) {
        for (const file of [...e.runtime.map(r => r.file), ...e.types]) {
          assert.ok(fs.existsSync(path.join(dir, file)), `${e.spec}: ${file} exists`);
        }
        assert.ok(e.runtime.length > 0 && e.types.length > 0, `${e.spec}: has runtime files and declarations`);
        // with bundler resolution (exports, types condition) and node10 (types, typesVersions)
        for (const [mode, file] of Object.entries(declared.resolved[e.spec])) {
          assert.ok(file, `${e.spec}: TypeScript (${mode}) finds its declarations`);
          assert.ok(e.types.includes(path.relative(dir, file)), `${e.spec}: TypeScript (${mode}) uses ${e.types.join(' or ')}, not ${file}`);
        }
        const typed = declared.exports[e.spec];
        const typedNames = typed.map(x => x.name).sort();
        const typedValues = typed.filter(x => x.value).map(x => x.name).sort();
        assert.ok(typedValues.length > 0, `${e.spec}: exports something`);
        for (const r of e.runtime) {
          const names = runtimeExports(path.join(dir, r.file), r.format);
          assert.deepEqual(names.filter(n => !typedNames.includes(n)), [], `${e.spec} (${r.file}): exported without a declaration`);
          assert.deepEqual(typedValues.filter(n => !names.includes(n)), [], `${e.spec} (${r.file}): declared but not exported`);
        }
      }
    });

    test('its declarations type-check against their dependencies', () => {
      const own = declared.diagnostics.filter(d => d.startsWith(`${name}/`));
      assert.deepEqual(own, []);
    });
  });
}

test('the backend package is a backend feature and the alpha entry point a frontend feature', () => {
  // loaded as a backend loads it: by package name, from a folder beside the packed packages
  const load = createRequire(path.join(outDir, 'consumer.js'));
  assert.equal(load('@ome-console/plugin-ome-backend').default.$$type, '@backstage/BackendFeature');
  // how an app finds the frontend plugin (new frontend system): backstage-cli records it
  assert.equal(packed['@ome-console/plugin-ome'].pkg.backstage.features?.['./alpha'], '@backstage/FrontendPlugin');
});

test('the catalog and scaffolder modules are backend features', () => {
  const load = createRequire(path.join(outDir, 'consumer.js'));
  for (const name of [
    '@ome-console/plugin-catalog-backend-module-ome',
    '@ome-console/plugin-scaffolder-backend-module-ome',
  ]) {
    assert.equal(load(name).default.$$type, '@backstage/BackendFeature', name);
  }
});
