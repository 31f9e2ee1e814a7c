// Browser mode's access token and event stream, kept apart from api.ts so they can be tested.

const TOKEN_KEY = 'wispdesk.token';

type TokenHome = {
  location: { href: string };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
};

/**
 * The token of the start-up link (`/?token=…`), read once: it is kept in sessionStorage, which
 * belongs to this origin alone (scheme, host and port: no other local server can read it) and
 * survives a reload, and taken out of the address bar so it is not bookmarked or shared.
 * A cookie would not do: it is sent to every port of 127.0.0.1.
 */
export function takeStartupToken(home: TokenHome): string | null {
  const url = new URL(home.location.href);
  const offered = url.searchParams.get('token');
  if (offered !== null) {
    try {
      home.sessionStorage.setItem(TOKEN_KEY, offered);
    } catch {
      // Storage turned off: the token lives until the page is reloaded.
    }
    url.searchParams.delete('token');
    home.history.replaceState(home.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return offered;
  }
  try {
    return home.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export interface StreamedEvent {
  event: string;
  data: string;
}

/**
 * Server-sent events read from a fetch() body (EventSource cannot send the Authorization
 * header): the complete events in `text`, and the unfinished rest to prepend to the next chunk.
 */
export function parseEventStream(text: string): { events: StreamedEvent[]; rest: string } {
  const events: StreamedEvent[] = [];
  let start = 0;
  let end: number;
  while ((end = text.indexOf('\n\n', start)) !== -1) {
    const block = text.slice(start, end);
    start = end + 2;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const raw = colon === -1 ? '' : line.slice(colon + 1);
      const value = raw.startsWith(' ') ? raw.slice(1) : raw;
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest: text.slice(start) };
}
