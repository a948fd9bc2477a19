// What an unpacked package offers its users: its entry points (package.json main, module,
// types, exports, typesVersions), the names each entry point exports at runtime, and the
// names its type declarations export as a TypeScript user resolves them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const formatOf = file => (/\.(cjs\.js|cjs)$/.test(file) ? 'cjs' : 'esm');

/**
 * The entry points of a package.json: per subpath ('.', './alpha'), the import specifier, the
 * runtime files (with their module format) and the declaration files the fields name.
 * @returns {Array<{ subpath: string, spec: string, runtime: Array<{ file: string, format: 'cjs' | 'esm' }>, types: string[] }>}
 */
export function entryPoints(pkg) {
  const entries = new Map();
  const entry = subpath => {
    if (!entries.has(subpath)) {
      const spec = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`;
      entries.set(subpath, { subpath, spec, runtime: [], types: [] });
    }
    return entries.get(subpath);
  };
  const addRuntime = (subpath, target, format = formatOf(target)) => {
    const file = path.normalize(target);
    const e = entry(subpath);
    if (!e.runtime.some(r => r.file === file)) e.runtime.push({ file, format });
  };
  const addTypes = (subpath, target) => {
    const file = path.normalize(target);
    const e = entry(subpath);
    if (!e.types.includes(file)) e.types.push(file);
  };
  if (pkg.main) addRuntime('.', pkg.main);
  if (pkg.module) addRuntime('.', pkg.module, 'esm');
  if (pkg.types) addTypes('.', pkg.types);
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (subpath === './package.json') continue;
    const conditions = typeof target === 'string' ? { default: target } : target;
    for (const [condition, file] of Object.entries(conditions)) {
      if (typeof file !== 'string' || condition === 'backstage') continue;
      if (condition === 'types') addTypes(subpath, file);
      else addRuntime(subpath, file, condition === 'require' ? 'cjs' : condition === 'import' ? 'esm' : formatOf(file));
    }
  }
  for (const [subpath, files] of Object.entries(pkg.typesVersions?.['*'] ?? {})) {
    if (subpath === 'package.json') continue;
    for (const file of files) addTypes(`./${subpath}`, file);
  }
  return [...entries.values()];
}

/** The names a module exports at runtime: CommonJS is loaded, ESM is read (no bundler here). */
export function runtimeExports(file, format) {
  if (format === 'cjs') {
    return Object.keys(createRequire(file)(file))
      .filter(n => n !== '__esModule')
      .sort();
  }
  // Frontend modules import assets and CommonJS names only a bundler resolves, so they are
  // not evaluated: TypeScript reads the export statements, following re-exports.
  const program = ts.createProgram([file], { allowJs: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(file));
  return symbol ? checker.getExportsOfModule(symbol).map(s => s.name).sort() : [];
}

const RESOLUTIONS = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  node10: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 },
};

/**
 * Resolves each specifier as a TypeScript user in `dir` would, with bundler and with node10
 * (typesVersions) resolution, and type-checks the declaration files it reaches inside
 * `packagesDir` (skipLibCheck off for them, their dependencies' types included).
 *
 * @returns {{ resolved: Record<string, Record<string, string | undefined>>, exports: Record<string, Array<{ name: string, value: boolean }>>, diagnostics: string[] }}
 */
export function declaredExports(dir, specs, packagesDir) {
  const containingFile = path.join(dir, 'consumer.ts');
  const resolved = {};
  for (const spec of specs) {
    resolved[spec] = {};
    for (const [mode, options] of Object.entries(RESOLUTIONS)) {
      const r = ts.resolveModuleName(spec, containingFile, options, ts.sys);
      resolved[spec][mode] = r.resolvedModule?.resolvedFileName;
    }
  }
  const roots = [...new Set(Object.values(resolved).map(r => r.bundler).filter(Boolean))];
  const program = ts.createProgram(roots, {
    ...RESOLUTIONS.bundler,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: false,
    jsx: ts.JsxEmit.ReactJSX,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exports = {};
  for (const spec of specs) {
    const file = resolved[spec].bundler && program.getSourceFile(resolved[spec].bundler);
    const symbol = file && checker.getSymbolAtLocation(file);
    exports[spec] = symbol
      ? checker.getExportsOfModule(symbol).map(s => {
          const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
          return { name: s.name, value: Boolean(target.flags & ts.SymbolFlags.Value) };
        })
      : [];
  }
  const inPackages = f => path.resolve(f.fileName).startsWith(path.resolve(packagesDir) + path.sep);
  const diagnostics = program
    .getSourceFiles()
    .filter(inPackages)
    .flatMap(f => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)])
    .map(d => {
      const where = d.file ? `${path.relative(packagesDir, d.file.fileName)}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
  return { resolved, exports, diagnostics };
}

/** The package.json of an unpacked package. */
export function readPackageJson(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}
