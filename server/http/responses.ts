/** Response schemas shared by every route: the error shape, for the OpenAPI document. */
import { z } from 'zod';

export const errorOut = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
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
