// @ts-check

/**
 * Checks the params (serverless.yml `params`, overridden by `--param="name=value"`) before the
 * framework resolves them, so a typo gets a message that names the param and its allowed values,
 * not "Value not found at self source" or a failed deploy.
 */
const CHOICES = {
  stateMachineType: ['EXPRESS', 'STANDARD'],
  apiAuth: ['iam', 'apiKey'],
  tracing: ['on', 'off'],
  setApiGatewayAccountRole: ['true', 'false'],
};
const WHOLE_NUMBERS = [
  'apiRateLimit',
  'apiBurstLimit',
  'apiKeyRateLimit',
  'apiKeyBurstLimit',
  'apiKeyQuotaPerDay',
  'generateTicketConcurrency',
  'encryptTicketConcurrency',
  'failedExecutionsAlarmThreshold',
  'lambdaErrorsAlarmThreshold',
  'dataKeyMaxAgeSeconds',
  'dataKeyMaxTickets',
  'dataKeyMaxBytes',
];

/**
 * @param {Record<string, Record<string, unknown>>} defined serverless.yml's `params` (default and per stage)
 * @param {string} stage
 * @param {string[]} cli the `--param` options, each `name=value`
 * @returns {string[]} one message per bad param
 */
function paramProblems(defined, stage, cli) {
  const known = new Set(Object.keys(defined.default ?? {}));
  /** @type {Record<string, string>} */
  const values = {};
  const problems = [];
  for (const [name, value] of Object.entries({ ...defined.default, ...defined[stage] }))
    values[name] = String(value);
  for (const option of cli) {
    const [name = '', ...rest] = option.split('=');
    if (!known.has(name))
      problems.push(`--param="${option}": no param ${name} (known: ${[...known].join(', ')})`);
    values[name] = rest.join('=');
  }
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = values[name];
    if (value !== undefined && !allowed.includes(value))
      problems.push(`param ${name} is "${value}": use ${allowed.join(' or ')}`);
  }
  for (const name of WHOLE_NUMBERS) {
    const value = values[name];
    if (value !== undefined && !/^\d+$/.test(value))
      problems.push(`param ${name} is "${value}": use a whole number`);
  }
  return problems;
}

class ParamsPlugin {
  /**
   * @param {{
   *   configurationInput: { params?: Record<string, Record<string, unknown>> },
   *   classes: { Error: new (message: string) => Error },
   * }} serverless
   * @param {{ stage?: string, param?: string | string[] }} options
   */
  constructor(serverless, options) {
    const config = serverless.configurationInput;
    const stage = options.stage ?? 'dev';
    const problems = paramProblems(config.params ?? {}, stage, [options.param ?? []].flat());
    // The framework's own error class: printed as a message, without a stack trace.
    if (problems.length)
      throw new serverless.classes.Error(`Bad params for stage ${stage}:\n  ${problems.join('\n  ')}`);
  }
}

module.exports = ParamsPlugin;
module.exports.paramProblems = paramProblems;
