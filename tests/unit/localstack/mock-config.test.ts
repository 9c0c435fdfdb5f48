import { handler as encrypt } from '../../../handlers/encrypt-ticket';
import { handler as generate } from '../../../handlers/generate-ticket';
import { buildMockConfig, TEST_CASES } from '../../../localstack/host-mode/mock-config';
import { fakeKms } from '../../support/fake-kms';
import { givenDetails, pastStart } from '../../support/tickets';
import { loadAsl } from '../../support/workflow';

const kms = fakeKms();

async function givenSamples() {
  const ticket = await generate(givenDetails());
  const sealed = await encrypt(ticket);
  const generationError = await generate(givenDetails({ startsAt: pastStart() })).catch((e: Error) => e);
  return { ticket, sealed, generationError: generationError as Error };
}

describe('SFN mock config for mode H', () => {
  beforeEach(() => kms.reset());

  it('serves the Lambda task states with the real handlers output, as lambda:invoke returns it', async () => {
    const samples = await givenSamples();
    const config = buildMockConfig('ticket-orchestrator-local-ticket', samples);
    const cases = config.StateMachines['ticket-orchestrator-local-ticket']?.TestCases;
    expect(Object.keys(cases ?? {})).toEqual(Object.values(TEST_CASES));
    expect(config.MockedResponses.GeneratedTicket['0'].Return).toEqual({
      StatusCode: 200,
      Payload: samples.ticket,
    });
    expect(config.MockedResponses.SealedTicket['0'].Return).toEqual({
      StatusCode: 200,
      Payload: samples.sealed,
    });
    expect(config.MockedResponses.GenerationRefused['0'].Throw.Error).toBe('EventAlreadyStarted');
  });

  it('mocks only Lambda task states that exist in the ASL (a misspelt name would silently call Lambda)', async () => {
    const config = buildMockConfig('m', await givenSamples());
    const lambdaTasks = Object.entries(
      (loadAsl() as { States: Record<string, { Resource?: string }> }).States,
    )
      .filter(([, state]) => state.Resource === 'arn:aws:states:::lambda:invoke')
      .map(([name]) => name);
    for (const testCase of Object.values(config.StateMachines.m?.TestCases ?? {})) {
      for (const state of Object.keys(testCase)) expect(lambdaTasks).toContain(state);
    }
  });

  it('refuses samples that no longer match the handlers output schemas (no drift)', async () => {
    const samples = await givenSamples();
    expect(() =>
      buildMockConfig('m', { ...samples, ticket: { ...samples.ticket, seat: undefined } }),
    ).toThrow();
    expect(() =>
      buildMockConfig('m', { ...samples, sealed: { ...samples.sealed, encryptedTicket: { iv: 'x' } } }),
    ).toThrow();
  });

  it('refuses a sealed sample of another ticket', async () => {
    const a = await givenSamples();
    const b = await givenSamples();
    expect(() => buildMockConfig('m', { ...a, sealed: b.sealed })).toThrow(/not of the sample ticket/);
  });
});
