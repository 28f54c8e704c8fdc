// Zod parsing of request bodies and parameters with one clear 400 shape for every endpoint:
// { error, details: ["card.email: enter an e-mail address", ...] }.
import type { Response } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api.ts';

export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`);
}

/** The parsed value, or undefined after answering 400 with every problem listed. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, res: Response, what = 'the request body'): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const body: ApiError = { error: `${what} is not valid`, details: issueLines(parsed.error) };
  res.status(400).json(body);
  return undefined;
}
