import fc from 'fast-check';

/**
 * fast-check arbitraries for what a client can send POST /tickets, shared by the unit property
 * (the request template) and the integration property (the deployed stage). One fixed seed,
 * printed with any failure; FC_SEED=<n> replays another.
 */
export const FC_SEED = Number(process.env.FC_SEED ?? 20_261_205);

/** Characters that have broken JSON-in-VTL templates before, mixed into every string. */
const TRICKY = [
  "'",
  '\\',
  '"',
  '$',
  '#',
  '/',
  '\n',
  '\t',
  '\u0000',
  '\u2028',
  '\u007f',
  '{}',
  '\\u0027',
  "\\'",
];

/** Any Unicode: whole code points, single UTF-16 units (lone surrogates too), and the tricky ones. */
export const anyText = (constraints: { minLength?: number; maxLength?: number } = {}) =>
  fc.string({
    unit: fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
      { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
      { arbitrary: fc.constantFrom(...TRICKY), weight: 3 },
    ),
    ...constraints,
  });

/** Any JSON object body, its keys and strings from anyText. */
export const anyJsonBody = () =>
  fc
    .dictionary(anyText({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), {
      maxKeys: 6,
    })
    .chain((extra) =>
      fc
        .record({ name: anyText(), note: anyText({ maxLength: 40 }) })
        .map((fields) => ({ ...extra, ...fields })),
    );

/** Any key string API Gateway could hand the template (well-formed Unicode), up to past the limit. */
export const anyKey = () =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...TRICKY.filter((t) => !t.includes('\u0000'))), maxLength: 130 }),
    fc.constantFrom('', ' ', 'x'.repeat(255), 'x'.repeat(256)),
  );

/** A name the request model accepts: 1 to 200 UTF-16 units of any Unicode, with a letter in it. */
const anyName = () =>
  fc
    .tuple(anyText({ maxLength: 90 }), fc.constantFrom('A', 'z', 'Ø', '名'), anyText({ maxLength: 90 }))
    .map(([before, letter, after]) => `${before}${letter}${after}`);

/** An email the model's pattern accepts, with the characters it allows that need care (' and +). */
const anyEmail = () =>
  fc
    .tuple(
      fc.stringMatching(/^[A-Za-z0-9_'+-]{0,20}$/),
      fc.constantFrom('a', 'Z', '9', '_', '+', '-'),
      fc.constantFrom('example.com', 'mail.example.org'),
    )
    .map(([local, last, domain]) => `${local}${last}@${domain}`);

/** A header value a client can send: visible ASCII and Latin-1, inner spaces and tabs, no edge blanks. */
const headerChar = fc.oneof(
  fc.integer({ min: 0x21, max: 0x7e }),
  fc.integer({ min: 0xa1, max: 0xff }),
  fc.constantFrom(0x20, 0x09),
);
export const anyHeaderKey = () =>
  fc
    .array(headerChar, { minLength: 1, maxLength: 300 })
    .map((codes) => String.fromCharCode(...codes).trim())
    .filter((key) => key.length > 0);

/** A valid Generate body with arbitrary strings where the model allows any, for a fresh event. */
export const anyGenerateRequest = (freshEventId: () => string) =>
  fc
    .record({
      name: anyName(),
      email: anyEmail(),
      eventName: anyName(),
      note: anyText({ maxLength: 200 }),
      extra: anyText({ maxLength: 200 }),
      key: fc.option(anyHeaderKey(), { nil: undefined, freq: 2 }),
    })
    .map(({ name, email, eventName, note, extra, key }) => ({
      key,
      body: {
        action: 'Generate' as const,
        customer: { name, email, note },
        event: {
          id: freshEventId(),
          name: eventName,
          startsAt: '2031-06-01T19:30:00+02:00',
          seat: 'A-1',
          note,
        },
        extra,
      },
    }));
