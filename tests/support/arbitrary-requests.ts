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
