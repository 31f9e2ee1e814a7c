import type { z } from 'zod';
import { appChannels } from './app';
import { billingChannels } from './billing';
import { customersChannels } from './customers';
import { jobsChannels } from './jobs';
import { paymentsChannels } from './payments';
import { plansChannels } from './plans';
import { settingsChannels } from './settings';

/** Every channel between the UI and the back end: name -> zod input and output. */
export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...plansChannels,
  ...customersChannels,
  ...jobsChannels,
  ...billingChannels,
  ...paymentsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after the contract has parsed it. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './app';
export * from './billing';
export * from './common';
export * from './customers';
export * from './events';
export * from './jobs';
export * from './payments';
export * from './plans';
export * from './settings';
