import { contract, isChannel, type Channel, type Output, type ParsedInput } from '../../src-shared/contract';
import type { AppError, RpcResult } from '../../src-shared/errors';
import { describeIssues, toErrorData, zodIssues } from './errorData';

export { describeIssues, zodIssues } from './errorData';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface RegistryOptions {
  /** Also parse every output with the contract (tests turn this on to catch drift). */
  checkOutputs?: boolean;
  log?: (message: string, error: unknown) => void;
  /** Queries slower than this many ms are logged. */
  slowMs?: number;
  /** Turns a storage error the operator can act on (the database is busy) into a domain error. */
  translateError?: (error: unknown) => AppError | undefined;
}

/**
 * One handler per channel. Input is parsed with the contract before the handler runs;
 * every outcome comes back as data: { ok: true, value } | { ok: false, error }.
 */
export class Registry {
  private readonly handlers = new Map<Channel, Handler<Channel>>();

  constructor(private readonly options: RegistryOptions = {}) {}

  register<C extends Channel>(channel: C, handler: Handler<C>): void {
    if (!isChannel(channel)) throw new Error(`"${channel}" is not in the contract`);
    if (this.handlers.has(channel)) throw new Error(`a handler for "${channel}" is already registered`);
    this.handlers.set(channel, handler as unknown as Handler<Channel>);
  }

  registerAll(handlers: Partial<Handlers>): void {
    for (const [channel, handler] of Object.entries(handlers)) {
      this.register(channel as Channel, handler as Handler<Channel>);
    }
  }

  /** Channels in the contract that have no handler: the app refuses to start with any. */
  missing(): Channel[] {
    return (Object.keys(contract) as Channel[]).filter((c) => !this.handlers.has(c));
  }

  channels(): Channel[] {
    return [...this.handlers.keys()];
  }

  async invoke(channel: string, rawInput: unknown): Promise<RpcResult<unknown>> {
    if (!isChannel(channel) || !this.handlers.has(channel)) {
      return {
        ok: false,
        error: { code: 'unknown_channel', message: `There is no channel called "${String(channel).slice(0, 100)}"` },
      };
    }
    const schema = contract[channel];
    const parsed = schema.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return {
        ok: false,
        error: { code: 'validation', message: `Check the input: ${describeIssues(issues)}`, details: { issues } },
      };
    }
    const started = performance.now();
    try {
      const handler = this.handlers.get(channel)!;
      const value = await handler(parsed.data as never);
      const elapsed = performance.now() - started;
      if (this.options.slowMs !== undefined && elapsed > this.options.slowMs) {
        this.options.log?.(`slow channel ${channel}: ${elapsed.toFixed(1)} ms`, null);
      }
      if (this.options.checkOutputs) {
        const checked = schema.output.safeParse(value);
        if (!checked.success) {
          const message = `output of ${channel} breaks the contract: ${describeIssues(zodIssues(checked.error))}`;
          return {
            ok: false,
            error: toErrorData(new Error(message), { context: `channel ${channel}`, log: this.options.log }),
          };
        }
      }
      return { ok: true, value };
    } catch (error) {
      const { translateError: translate, log } = this.options;
      return { ok: false, error: toErrorData(error, { context: `channel ${channel}`, translate, log }) };
    }
  }
}
