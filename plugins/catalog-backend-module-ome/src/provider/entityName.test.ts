import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { omeEntityName } from './entityName';

const valid = (name: string) =>
  KubernetesValidatorFunctions.isValidObjectName(name);

describe('omeEntityName', () => {
  it('keeps short names readable: name, namespace, cluster', () => {
    expect(
      omeEntityName({
        cluster: 'ome-dev-a',
        namespace: 'team-a',
        name: 'chat',
      }),
    ).toBe('chat_team-a_ome-dev-a');
    expect(omeEntityName({ cluster: 'ome-dev-b', name: 'llama-3.1' })).toBe(
      'llama-3.1_ome-dev-b',
    );
  });

  it('gives the same object in two clusters or namespaces two names', () => {
    const names = new Set([
      omeEntityName({ cluster: 'a', namespace: 'x', name: 'm' }),
      omeEntityName({ cluster: 'b', namespace: 'x', name: 'm' }),
      omeEntityName({ cluster: 'a', namespace: 'y', name: 'm' }),
      omeEntityName({ cluster: 'a', name: 'm' }),
      omeEntityName({ cluster: 'x_a', name: 'm' }),
    ]);
    expect(names.size).toBe(5);
  });

  it('hashes names beyond 63 characters, keeping a readable prefix', () => {
    const parts = {
      cluster: 'ome-dev-b',
      namespace: 'team-b',
      name: `chat-${'x'.repeat(50)}`,
    };
    const name = omeEntityName(parts);
    expect(name).toHaveLength(63);
    expect(name).toMatch(/^chat-x+-[0-9a-f]{8}$/);
    expect(valid(name)).toBe(true);
    // stable, and different for another cluster with the same cut prefix
    expect(omeEntityName(parts)).toBe(name);
    expect(omeEntityName({ ...parts, cluster: 'ome-dev-c' })).not.toBe(name);
  });

  it('hashes cluster names that are not tidy DNS names', () => {
    const name = omeEntityName({ cluster: 'Prod A', name: 'm' });
    expect(name).toMatch(/^m_prod-a-[0-9a-f]{8}$/);
    expect(valid(name)).toBe(true);
    expect(omeEntityName({ cluster: 'prod a', name: 'm' })).not.toBe(name);
  });

  it('always gives a valid catalog name', () => {
    const cases = [
      { cluster: '__', name: 'm' },
      { cluster: 'a'.repeat(300), namespace: 'n'.repeat(63), name: 'b' },
      { cluster: 'c', namespace: 'n', name: `${'a.'.repeat(40)}z` },
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(valid(omeEntityName(c))).toBe(true);
  });
});
