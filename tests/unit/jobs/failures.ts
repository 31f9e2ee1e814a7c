import { expect } from 'vitest';

/** Each failure, the code it must have wherever the job ran, and what else is kept. */
export const FAILURES = [
  [
    'test.zod',
    { code: 'validation', message: 'Check the input: name: Invalid input: expected string, received number' },
  ],
  ['test.money', { code: 'validation', message: expect.stringContaining('integer number of minor units') }],
  ['test.uniqueIndex', { code: 'conflict', message: 'That plan name is already taken', details: { field: 'name' } }],
  ['test.appError', { code: 'not_found', message: 'There is no plan with id 99', details: { field: 'planId' } }],
  ['test.crash', { code: 'internal', message: expect.stringMatching(/^Something went wrong/) }],
] as const;
