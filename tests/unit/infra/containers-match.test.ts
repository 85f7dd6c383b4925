import { readFileSync } from 'node:fs';
import { containerList } from '../../../src/store/containers';
import { bicepVariable, parseBicepLiteral } from './bicep-literal';

const cosmosBicep = readFileSync(
  new URL('../../../infra/modules/cosmos.bicep', import.meta.url),
  'utf8',
);

type BicepContainer = {
  name: string;
  partitionKeyPath: string;
  compositeIndexes: { path: string; order: string }[][];
};

const bicepContainers = bicepVariable(cosmosBicep, 'containerDefinitions') as BicepContainer[];
const sharedExcludedPaths = bicepVariable(cosmosBicep, 'sharedExcludedPaths') as { path: string }[];

describe('infra/modules/cosmos.bicep', () => {
  it('declares every container of src/store/containers.ts, and no other', () => {
    expect(bicepContainers.map((c) => c.name).sort()).toEqual(
      containerList.map((c) => c.id).sort(),
    );
  });

  it('gives each container the partition key of its definition', () => {
    for (const definition of containerList) {
      const declared = bicepContainers.find((c) => c.name === definition.id);
      expect(definition.partitionKey.paths, definition.id).toHaveLength(1);
      expect(declared?.partitionKeyPath, definition.id).toBe(definition.partitionKey.paths?.[0]);
    }
  });

  it('gives each container the composite indexes of its definition (the notifications queue)', () => {
    for (const definition of containerList) {
      const declared = bicepContainers.find((c) => c.name === definition.id);
      expect(declared?.compositeIndexes, definition.id).toEqual(
        definition.indexingPolicy.compositeIndexes ?? [],
      );
    }
    expect(bicepContainers.find((c) => c.name === 'notifications')?.compositeIndexes).toEqual([
      [
        { path: '/status', order: 'ascending' },
        { path: '/dueAt', order: 'ascending' },
      ],
    ]);
  });

  it('excludes from the index exactly the paths every definition excludes', () => {
    for (const definition of containerList) {
      expect(sharedExcludedPaths, definition.id).toEqual(definition.indexingPolicy.excludedPaths);
      expect(definition.indexingPolicy.includedPaths).toEqual([{ path: '/*' }]);
    }
  });

  it('builds each container resource from those definitions', () => {
    const resource = cosmosBicep.slice(cosmosBicep.indexOf('resource containers '));
    expect(resource).toMatch(/for c in containerDefinitions:/);
    expect(resource).toMatch(/paths: \[\s*c\.partitionKeyPath\s*\]/);
    expect(resource).toMatch(/excludedPaths: sharedExcludedPaths/);
    expect(resource).toMatch(/compositeIndexes: c\.compositeIndexes/);
    expect(resource).toMatch(/includedPaths: \[\s*\{\s*path: '\/\*'\s*\}\s*\]/);
  });

  it('turns keys off and grants the app the Built-in Data Contributor data-plane role', () => {
    expect(cosmosBicep).toMatch(/disableLocalAuth: true/);
    expect(cosmosBicep).toMatch(/sqlRoleAssignments@/);
    expect(cosmosBicep).toMatch(
      /var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'/,
    );
  });
});

describe('the Bicep literal reader', () => {
  it('reads nested multi-line and comma-separated literals', () => {
    expect(
      parseBicepLiteral(`[
        {
          name: 'a' // a comment
          list: [1, 2]
          'quoted key': 'it\\'s'
        }
        { ok: true, none: null }
      ]`),
    ).toEqual([
      { name: 'a', list: [1, 2], 'quoted key': "it's" },
      { ok: true, none: null },
    ]);
  });

  it('refuses expressions rather than guessing', () => {
    expect(() => parseBicepLiteral('{ name: resourceBaseName }')).toThrow(/not a literal/);
    expect(() => parseBicepLiteral("{ name: '${resourceBaseName}-x' }")).toThrow(/not a literal/);
  });
});
