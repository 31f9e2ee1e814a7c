import { describe, expect, it } from 'vitest';
import { createNavigationGuards, type HashLocation } from '../../../src-renderer/router/routes';

/** An address bar with a history, as a browser keeps it; hashchange is called by hand. */
function fakeLocation(start: string) {
  const entries = [start];
  let index = 0;
  const location: HashLocation = {
    hash: () => entries[index],
    push: (hash) => {
      entries.splice(index + 1, Infinity, hash);
      index += 1;
    },
    replace: (hash) => {
      entries[index] = hash;
    },
  };
  return {
    location,
    entries,
    /** A link click: the browser changes the hash first. */
    click: (hash: string) => location.push(hash),
    back: () => (index -= 1),
  };
}

function setUp(start = '#/settings') {
  const browser = fakeLocation(start);
  const guards = createNavigationGuards(browser.location);
  let renders = 0;
  guards.subscribe(() => (renders += 1));
  let pending: (() => void) | null = null;
  const ask = (go: () => void) => (pending = go);
  return { browser, guards, ask, renders: () => renders, pending: () => pending };
}

describe('navigation guards', () => {
  it('lets every move through while no page holds unsaved work', () => {
    const { browser, guards, renders } = setUp();
    guards.push('#/customers');
    expect(guards.currentHash()).toBe('#/customers');
    browser.click('#/plans');
    guards.hashChanged();
    expect(guards.currentHash()).toBe('#/plans');
    expect(renders()).toBe(2);
    expect(guards.guarded()).toBe(false);
  });

  it('asks before navigate() moves, and moves only when told to', () => {
    const { browser, guards, ask, pending, renders } = setUp();
    guards.addGuard(ask);
    guards.push('#/customers/7');
    expect(browser.location.hash()).toBe('#/settings');
    expect(renders()).toBe(0);
    pending()?.();
    expect(browser.location.hash()).toBe('#/customers/7');
    expect(guards.currentHash()).toBe('#/customers/7');
    // The browser's own hashchange for that move changes nothing more.
    guards.hashChanged();
    expect(renders()).toBe(1);
  });

  it('puts the old hash back after a link or Back, and goes on to the new one on Discard', () => {
    const { browser, guards, ask, pending } = setUp();
    guards.addGuard(ask);
    browser.click('#/customers');
    guards.hashChanged();
    expect(browser.location.hash()).toBe('#/settings');
    expect(guards.currentHash()).toBe('#/settings');
    guards.hashChanged(); // the restore's own hashchange: no second question
    pending()?.();
    expect(browser.location.hash()).toBe('#/customers');
    expect(browser.entries).toEqual(['#/settings', '#/customers']);

    const back = setUp('#/customers');
    back.browser.click('#/settings');
    back.guards.hashChanged();
    back.guards.addGuard(back.ask);
    back.browser.back();
    back.guards.hashChanged();
    expect(back.browser.location.hash()).toBe('#/settings');
    back.pending()?.();
    expect(back.browser.entries).toEqual(['#/customers', '#/settings']);
    expect(back.browser.location.hash()).toBe('#/customers');
  });

  it('keeps the page when the question is not answered with Discard, and stops asking once removed', () => {
    const { browser, guards, ask, pending } = setUp();
    const remove = guards.addGuard(ask);
    expect(guards.guarded()).toBe(true);
    browser.click('#/plans');
    guards.hashChanged();
    expect(pending()).not.toBeNull();
    expect(guards.currentHash()).toBe('#/settings');

    remove();
    expect(guards.guarded()).toBe(false);
    guards.push('#/plans');
    expect(guards.currentHash()).toBe('#/plans');
  });
});
