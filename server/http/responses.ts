/** Response schemas shared by every route: the error shape, for the OpenAPI document. */
import { z } from 'zod';

export const errorOut = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. validation_failed, not_found, conflict'),
      message: z.string().describe('What went wrong, in English'),
      key: z
        .string()
        .optional()
        .describe(
          "Message key for words in the reader's language (e.g. validation.too_small); absent when it is the same as code",
        ),
      params: z
        .record(
          z.string(),
          z.union([
            z.string(),
            z.number(),
            z.boolean(),
            z.array(z.union([z.string(), z.number()])),
          ]),
        )
        .optional()
        .describe('Parameters of the message key: numbers, field names, allowed values'),
      details: z
        .unknown()
        .optional()
        .describe(
          'More about the error; for validation_failed {in, issues: [{field, message, key, params}]}',
        ),
    }),
  })
  .describe('Error');

/** The 4xx answers a read can give. */
export const readErrors = { 400: errorOut, 404: errorOut } as const;
/** The 4xx answers a mutation can give. */
export const writeErrors = {
  400: errorOut,
  401: errorOut,
  403: errorOut,
  404: errorOut,
  409: errorOut,
  412: errorOut,
  422: errorOut,
  428: errorOut,
} as const;
