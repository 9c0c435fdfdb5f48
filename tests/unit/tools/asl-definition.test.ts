import { comparedValue, describeCondition } from '../../../tools/asl/conditions';
import { parseYaml } from '../../../tools/asl/read-yaml';
import { machine } from './asl-fixtures';

describe('parseYaml', () => {
  it('reads CloudFormation short forms as their long forms', () => {
    expect(parseYaml('a: !GetAtt Key.Arn\nb: !Join [":", [x, !Ref Y]]\nc: !Sub stack-name')).toEqual({
      a: { 'Fn::GetAtt': ['Key', 'Arn'] },
      b: { 'Fn::Join': [':', ['x', { Ref: 'Y' }]] },
      c: { 'Fn::Sub': 'stack-name' },
    });
  });
});

describe('parseDefinition', () => {
  it.each([
    ['an unknown StartAt', 'StartAt: B\nStates:\n  A: { Type: Succeed }', /StartAt B/],
    ['a transition to nowhere', 'StartAt: A\nStates:\n  A: { Type: Pass, Next: B }', /unknown state B/],
    ['a state with neither Next nor End', 'StartAt: A\nStates:\n  A: { Type: Pass }', /Next or End/],
    ['an unknown state type', 'StartAt: A\nStates:\n  A: { Type: Jump }', /Type/],
    [
      'a state name used twice',
      'StartAt: P\nStates:\n  P: { Type: Parallel, End: true, Branches: [{ StartAt: P, States: { P: { Type: Succeed } } }] }',
      /used twice/,
    ],
  ])('refuses %s', (_, yaml, message) => {
    expect(() => machine(yaml)).toThrow(message);
  });
});

describe('describeCondition', () => {
  it.each([
    [{ Variable: '$.action', StringEquals: 'Generate' }, 'action == Generate'],
    [{ Variable: '$.n', NumericLessThanEqualsPath: '$.max' }, 'n <= max'],
    [{ Variable: '$.ticket.ticketId', IsPresent: true }, 'ticket.ticketId present'],
    [{ Variable: '$.x', IsNull: false }, 'x is not null'],
    [{ Not: { Variable: '$.a', BooleanEquals: true } }, 'not a == true'],
    [
      { And: [{ Variable: '$.a', NumericGreaterThan: 1 }, { Or: [{ Variable: '$.b', IsString: true }] }] },
      'a > 1 and (b is a string)',
    ],
    [{ Condition: '{% $states.input.ok %}' }, '$states.input.ok'],
  ])('describes %j as %s', (rule, text) => {
    expect(describeCondition(rule)).toBe(text);
  });

  it('gives the compared literal only for a plain equality', () => {
    expect(comparedValue({ Variable: '$.action', StringEquals: 'Fetch' })).toBe('Fetch');
    expect(comparedValue({ Variable: '$.n', NumericGreaterThan: 3 })).toBeUndefined();
  });
});
