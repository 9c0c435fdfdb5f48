// After every deploy to LocalStack (both modes): LocalStack 4.13.1 drops the API stage when a
// stack update replaces the AWS::ApiGateway::Deployment, which the framework names by
// timestamp, so every redeploy does. The API then answers 404. Recreating the stage fixes it.
import { APIGatewayClient, CreateDeploymentCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { readStackInfo, STAGE } from './stack-info';

const apigw = new APIGatewayClient({});

async function ensureStage(restApiId: string): Promise<void> {
  const { item = [] } = await apigw.send(new GetStagesCommand({ restApiId }));
  if (item.some((s) => s.stageName === STAGE)) return;
  console.log(`==> stage '${STAGE}' vanished with the replaced deployment (LocalStack bug); redeploying it`);
  await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: STAGE }));
}

if (require.main === module) {
  readStackInfo()
    .then((info) => ensureStage(info.apiId))
    .catch((err: Error) => {
      console.error(`ERROR: ${err.message}`);
      process.exit(1);
    });
}
