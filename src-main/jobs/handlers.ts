import type { Handlers } from '../rpc/registry';
import type { AppJobKinds } from './kinds';
import type { JobRunner } from './runner';

type JobChannels = Extract<keyof Handlers, `jobs.${string}`>;

export function jobsHandlers(jobs: JobRunner<AppJobKinds>): Pick<Handlers, JobChannels> {
  return {
    'jobs.list': ({ limit }) => jobs.list(limit),
    'jobs.get': ({ id }) => jobs.get(id),
  };
}
