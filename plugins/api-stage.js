// @ts-check

/**
 * Gives the REST API stage its own `AWS::ApiGateway::Stage` resource (`ApiGatewayStage` in
 * resources/api-stage.yml: access logs, throttling, tracing), where scanners and readers see it.
 *
 * serverless-step-functions names the stage on its `AWS::ApiGateway::Deployment`, whose logical
 * id changes on every package, so YAML cannot refer to it. This plugin, after the custom resources
 * are merged, moves the stage off the deployment and points the Stage resource at it.
 */
class ApiStagePlugin {
  /** @param {{ service: { provider: { compiledCloudFormationTemplate: Template } } }} serverless */
  constructor(serverless) {
    this.hooks = {
      'after:aws:package:finalize:mergeCustomProviderResources': () =>
        attachStage(serverless.service.provider.compiledCloudFormationTemplate),
    };
  }
}

/**
 * @typedef {{ Type: string, Properties?: Record<string, unknown>, DependsOn?: string | string[] }} Resource
 * @typedef {{ Resources: Record<string, Resource> }} Template
 */

/** @param {Template} template */
function attachStage(template) {
  const stage = template.Resources.ApiGatewayStage;
  if (!stage) return; // no API (the STANDARD variant)
  const deployments = Object.keys(template.Resources).filter(
    (id) => template.Resources[id]?.Type === 'AWS::ApiGateway::Deployment',
  );
  const [deploymentId] = deployments;
  if (deployments.length !== 1 || !deploymentId) {
    throw new Error(`api-stage: expected one AWS::ApiGateway::Deployment, found ${deployments.length}`);
  }
  delete template.Resources[deploymentId]?.Properties?.StageName;
  stage.Properties = { ...stage.Properties, DeploymentId: { Ref: deploymentId } };
}

module.exports = ApiStagePlugin;
module.exports.attachStage = attachStage;
