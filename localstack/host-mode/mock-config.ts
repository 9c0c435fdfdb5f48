import { SealedTicket, Ticket } from '../../handlers/tickets/schemas';
import { DEFAULT_TEST_CASE } from './host-template';

/**
 * The SFN_MOCK_CONFIG file for mode H (AWS Step Functions Local mock format). Its mocked
 * Lambda results are not written by hand: deploy.ts runs the real handlers (against
 * LocalStack KMS) and passes their outputs here, and they are checked against the
 * handlers' output schemas so the mocks cannot drift from what the handlers return.
 */
export const TEST_CASES = {
  happyPath: DEFAULT_TEST_CASE,
  generationFails: 'GenerationFails',
  transientGenerateError: 'TransientGenerateError',
} as const;

export type HandlerSamples = {
  ticket: unknown;
  sealed: unknown;
  /** What the generate handler threw for an event that already started. */
  generationError: { name: string; message: string };
};

const invokeResult = (payload: unknown) => ({ Return: { StatusCode: 200, Payload: payload } });
const lambdaError = (e: { name: string; message: string }) => ({
  Throw: { Error: e.name, Cause: JSON.stringify({ errorType: e.name, errorMessage: e.message }) },
});

export function buildMockConfig(stateMachineName: string, samples: HandlerSamples) {
  const ticket = Ticket.parse(samples.ticket);
  const sealed = SealedTicket.parse(samples.sealed);
  if (sealed.ticketId !== ticket.ticketId) throw new Error('The sealed sample is not of the sample ticket');
  return {
    StateMachines: {
      [stateMachineName]: {
        TestCases: {
          [TEST_CASES.happyPath]: { GenerateTicket: 'GeneratedTicket', EncryptTicket: 'SealedTicket' },
          [TEST_CASES.generationFails]: { GenerateTicket: 'GenerationRefused' },
          [TEST_CASES.transientGenerateError]: {
            GenerateTicket: 'BusyThenGenerated',
            EncryptTicket: 'SealedTicket',
          },
        },
      },
    },
    MockedResponses: {
      GeneratedTicket: { '0': invokeResult(ticket) },
      SealedTicket: { '0': invokeResult(sealed) },
      GenerationRefused: { '0': lambdaError(samples.generationError) },
      BusyThenGenerated: {
        '0': {
          Throw: { Error: 'Lambda.ServiceException', Cause: 'Lambda is busy (mocked transient error)' },
        },
        '1': invokeResult(ticket),
      },
    },
  };
}
