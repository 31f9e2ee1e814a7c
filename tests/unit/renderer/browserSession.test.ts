import { describe, expect, it } from 'vitest';
import { parseEventStream, takeStartupToken } from '../../../src-renderer/lib/browserSession';

/** A tab: its address, its sessionStorage (which a reload keeps) and its history. */
function tab(href: string, stored = new Map<string, string>()) {
  const home = {
    location: { href },
    sessionStorage: {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    },
    history: {
      state: { from: 'router' },
      replaceState(_state: unknown, _title: string, url: string) {
        home.location.href = new URL(url, home.location.href).toString();
      },
    },
  };
  return { home, stored };
}

describe('takeStartupToken', () => {
  it('takes the token from the start-up link, keeps it for the tab and removes it from the address', () => {
    const { home, stored } = tab('http://127.0.0.1:4310/?token=abc123#/customers');
    expect(takeStartupToken(home)).toBe('abc123');
    expect(home.location.href).toBe('http://127.0.0.1:4310/#/customers');
    expect([...stored.values()]).toEqual(['abc123']);
  });

  it('a reload (no token in the address) finds it again in sessionStorage', () => {
    const { home, stored } = tab('http://127.0.0.1:4310/?token=abc123');
    takeStartupToken(home);
    const reloaded = tab(home.location.href, stored).home;
    expect(takeStartupToken(reloaded)).toBe('abc123');
  });

  it('a newer start-up link replaces the kept token; other query parameters stay', () => {
    const { home, stored } = tab('http://127.0.0.1:4310/?token=old');
    takeStartupToken(home);
    const next = tab('http://127.0.0.1:4310/?lang=en&token=new', stored).home;
    expect(takeStartupToken(next)).toBe('new');
    expect(next.location.href).toBe('http://127.0.0.1:4310/?lang=en');
  });

  it('no link and nothing kept: no token; storage turned off still works for this page', () => {
    expect(takeStartupToken(tab('http://127.0.0.1:4310/').home)).toBeNull();
    const { home } = tab('http://127.0.0.1:4310/?token=t');
    home.sessionStorage.setItem = () => {
      throw new Error('SecurityError');
    };
    expect(takeStartupToken(home)).toBe('t');
  });
});

describe('parseEventStream', () => {
  it('reads complete events, skips comments, keeps the unfinished rest', () => {
    const { events, rest } = parseEventStream(
      ': connected\n\nevent: customers.changed\ndata: {"ids":[1]}\n\n: heartbeat\n\nevent: plans.changed\ndata: {"id"',
    );
    expect(events).toEqual([{ event: 'customers.changed', data: '{"ids":[1]}' }]);
    expect(rest).toBe('event: plans.changed\ndata: {"id"');
    expect(parseEventStream(`${rest}:2}\n\n`).events).toEqual([{ event: 'plans.changed', data: '{"id":2}' }]);
  });

  it('joins multi-line data and defaults the event name', () => {
    expect(parseEventStream('data: a\ndata: b\n\n').events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
