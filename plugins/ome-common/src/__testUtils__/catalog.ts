import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** OME's data: $OME_DATA_DIR (Go module layout or the shared copy) or ../shared/ome beside the repo. */
function omeDataDir(): string {
  return (
    process.env.OME_DATA_DIR ??
    path.resolve(__dirname, '../../../../../shared/ome')
  );
}

function layout() {
  const root = omeDataDir();
  const moduleLayout = fs.existsSync(path.join(root, 'config', 'models'));
  const dir = (shared: string, mod: string) =>
    path.join(root, moduleLayout ? path.join('config', mod) : shared);
  return {
    models: dir('catalog-models', 'models'),
    runtimes: dir('catalog-runtimes', 'runtimes'),
    isvcs: dir(path.join('samples', 'isvc'), path.join('samples', 'isvc')),
  };
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listYaml(p));
    else if (/\.ya?ml$/.test(e.name) && !/^kustomization\.ya?ml$/.test(e.name))
      out.push(p);
  }
  return out.sort();
}

export interface CatalogDocument {
  file: string;
  object: any;
}

/** Every document of kind `kind` in the catalog's models, runtimes and isvc samples. */
export function catalogDocuments(
  part: 'models' | 'runtimes' | 'isvcs',
): CatalogDocument[] {
  const docs: CatalogDocument[] = [];
  for (const file of listYaml(layout()[part])) {
    for (const d of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const object = d.toJS();
      if (object && typeof object === 'object' && object.kind !== 'Namespace') {
        docs.push({ file: path.relative(omeDataDir(), file), object });
      }
    }
  }
  return docs;
}
