import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { attachStage } from '../../plugins/api-stage';
import { paramProblems } from '../../plugins/params';

/** The project's serverless plugins: params.js refuses a bad param by name; api-stage.js wires the stage. */
const DEFINED = {
  default: { apiAuth: 'iam', tracing: 'off', apiRateLimit: 50, setApiGatewayAccountRole: true },
  'local-apikey': { apiAuth: 'apiKey' },
};

describe('paramProblems', () => {
  it("accepts serverless.yml's own params and good overrides", () => {
    expect(paramProblems(DEFINED, 'dev', [])).toEqual([]);
    expect(paramProblems(DEFINED, 'local-apikey', ['tracing=on', 'apiRateLimit=7'])).toEqual([]);
  });

  it('names a choice param with a value it does not take', () => {
    expect(paramProblems(DEFINED, 'dev', ['apiAuth=IAM'])).toEqual([
      'param apiAuth is "IAM": use iam or apiKey',
    ]);
    expect(paramProblems(DEFINED, 'dev', ['tracing=true'])).toEqual([
      'param tracing is "true": use on or off',
    ]);
  });

  it('refuses a number that is not a whole number', () => {
    expect(paramProblems(DEFINED, 'dev', ['apiRateLimit=1.5'])).toEqual([
      'param apiRateLimit is "1.5": use a whole number',
    ]);
  });

  it('refuses a misspelt param instead of ignoring it', () => {
    expect(paramProblems(DEFINED, 'dev', ['apiAuht=apiKey'])[0]).toMatch(
      /^--param="apiAuht=apiKey": no param apiAuht/,
    );
  });

  it('checks per-stage params too', () => {
    expect(paramProblems({ ...DEFINED, bad: { apiAuth: 'open' } }, 'bad', [])).toEqual([
      'param apiAuth is "open": use iam or apiKey',
    ]);
  });
});

describe('sls package with a bad param', () => {
  it('stops with the message, before anything is packaged', () => {
    let output = '';
    try {
      execFileSync(
        join(__dirname, '..', '..', 'node_modules', '.bin', 'sls'),
        ['package', '--stage', 'dev', '--package', '/dev/null/never', '--param=tracing=yes'],
        {
          cwd: join(__dirname, '..', '..'),
          stdio: 'pipe',
          env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
        },
      );
    } catch (err) {
      const { stdout, stderr } = err as { stdout: Buffer; stderr: Buffer };
      output = `${stdout}${stderr}`;
    }
    expect(output).toContain('param tracing is "yes": use on or off');
  }, 60_000);
});

describe('plugins/api-stage.js', () => {
  it('refuses a template with more than one deployment instead of guessing', () => {
    const deployment = { Type: 'AWS::ApiGateway::Deployment', Properties: { StageName: 'dev' } };
    expect(() =>
      attachStage({
        Resources: { ApiGatewayStage: { Type: 'AWS::ApiGateway::Stage' }, A: deployment, B: deployment },
      }),
    ).toThrow('expected one AWS::ApiGateway::Deployment, found 2');
  });
});
