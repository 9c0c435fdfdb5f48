import { parseDefinition, statesByName, TICKET_ASL } from '../../../tools/asl/definition';
import { readYaml } from '../../../tools/asl/read-yaml';
import { elementKind } from '../../../tools/bench/element-costs';
import { elementsTemplate } from '../../../tools/bench/element-stack';
import { elementCosts, pricedPath, renderElements } from '../../../tools/bench/render-elements';
import { ELEMENTS } from './bench-runs';

describe('element costs', () => {
  it('takes each element as the difference it makes to the one-Pass machine', () => {
    const p50: Record<string, number> = Object.fromEntries(
      ELEMENTS.machines.map((m) => [m.machine, m.p50Ms]),
    );
    const costs = elementCosts((machine) => p50[machine] ?? Number.NaN);
    expect(costs.base).toBe(6);
    expect(costs['Pass, Choice, Succeed or Fail']).toBeCloseTo(0.1);
    expect(costs.Parallel).toBeCloseTo(1.4); // 7.5 = 6 - one Pass + a Parallel + two Passes
    expect(costs['S3 task']).toBeCloseTo(3.0); // 8.9 = 6 - one Pass + the task
    expect(costs['SNS task']).toBeCloseTo(2.1);
    expect(costs['Lambda task']).toBeCloseTo(4.0);
  });

  it('prices a Generate as the execution of its own plus each state it entered', () => {
    const { execution, estimate, unpriced } = pricedPath({ ...ELEMENTS, path: [...ELEMENTS.path] });
    expect(execution).toBeCloseTo(5.9);
    expect(estimate).toBeCloseTo(5.9 + 10 * 0.1 + 2 * 1.4 + 2 * 3.0 + 2.1 + 2 * 4.0);
    expect(unpriced).toBe(0);
  });

  it('leaves a kind it has no machine for unpriced instead of guessing', () => {
    const section = { ...ELEMENTS, path: [{ kind: 'other', count: 1 } as const] };
    const { estimate, execution, unpriced } = pricedPath(section);
    expect(estimate).toBeCloseTo(execution);
    expect(unpriced).toBe(1);
  });
});

// Tables are padded for biome; the assertions only care about the cells.
const squash = (markdown: string) => markdown.replace(/ {2,}/g, ' ');

describe('renderElements', () => {
  it('prices each workflow element and one Generate by the states it entered', () => {
    const text = squash(renderElements(ELEMENTS));
    expect(text).toContain('## 6. What each workflow element costs');
    expect(text).toContain('| Lambda task | 4.00 |');
    expect(text).toContain('| S3 task | 2 | 3.00 | 6.00 |');
    expect(text).toContain('Priced: **25.8 ms**');
    expect(text).toContain('measured: **31.0 ms**, 5.2x the one-Pass machine');
    expect(text).toContain('leaves 12.0 ms for the states; their elements alone are priced at 19.9 ms');
  });

  it('says so when the recorder gave no path, and still prices the elements', () => {
    const text = squash(renderElements({ ...ELEMENTS, path: [] }));
    expect(text).toContain('The coverage recorder was off or not there');
    expect(text).toContain('| Lambda task | 4.00 |');
    expect(text).not.toContain('Priced:');
  });
});

describe('elementKind', () => {
  const states = statesByName(parseDefinition(readYaml(TICKET_ASL)));
  const kind = (name: string) => {
    const state = states.get(name);
    if (!state) throw new Error(`no state ${name}`);
    return elementKind(state);
  };

  it('prices the ticket workflow states by what they run', () => {
    expect(kind('SelectAction')).toBe('Pass, Choice, Succeed or Fail');
    expect(kind('FilterCustomer')).toBe('Pass, Choice, Succeed or Fail'); // nested in a Parallel
    expect(kind('FilterDetails')).toBe('Parallel');
    expect(kind('ClaimSeat')).toBe('S3 task');
    expect(kind('GenerateTicket')).toBe('Lambda task');
    expect(kind('ReclaimKeyShortly')).toBe('other'); // a Wait
  });
});

describe('elementsTemplate', () => {
  it('deploys one EXPRESS machine per element, its topic named by Fn::Sub', () => {
    const template = elementsTemplate('bucket', 'arn:aws:lambda:us-east-1:000000000000:function:f') as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
    };
    const machines = Object.values(template.Resources).filter(
      (r) => r.Type === 'AWS::StepFunctions::StateMachine',
    );
    expect(machines).toHaveLength(6);
    expect(machines.every((m) => m.Properties?.StateMachineType === 'EXPRESS')).toBe(true);
    const sns = machines.find((m) => String(m.Properties?.StateMachineName).includes('sns'));
    expect(JSON.stringify(sns?.Properties?.DefinitionString)).toContain('Topic}');
  });
});
