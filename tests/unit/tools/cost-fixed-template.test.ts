import { FIXED_TYPES } from '../../../tools/cost/fixed-monthly';
import { resourcesOfType as stackResourcesOfType } from '../../../tools/cost/stack-resources';
import { packageTemplate, resourcesOfType } from '../../support/package-template';
import { ticketProject } from './asl-fixtures';

/** `make cost` reads serverless.yml's resources itself, to stay fast: it must see what `sls package` compiles. */
jest.setTimeout(120_000);

describe.each([[{}], [{ apiAuth: 'apiKey' }]])('the fixed items with params %j', (params) => {
  it('are the same resources the packaged template has', () => {
    const template = packageTemplate(
      'dev',
      Object.entries(params).map(([name, value]) => `${name}=${value}`),
    );
    const { resources } = ticketProject(params);
    for (const type of FIXED_TYPES) {
      const packaged = resourcesOfType(template, type).map(([id]) => id);
      expect([
        type,
        stackResourcesOfType(resources, type)
          .map(([id]) => id)
          .sort(),
      ]).toEqual([type, packaged.sort()]);
    }
  });
});
