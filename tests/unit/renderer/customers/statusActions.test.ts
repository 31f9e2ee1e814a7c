import { describe, expect, it } from 'vitest';
import { STATUS_ACTIONS } from '../../../../src-renderer/features/customers/detail/statusActions';

// No router or billing code exists yet: a dialog must not promise what the action does not do.
describe('the status dialogs say what the action does today', () => {
  const actions = Object.values(STATUS_ACTIONS).flat();

  it('each records the change on the timeline', () => {
    for (const action of actions) expect(action.explain).toMatch(/timeline/);
  });

  it('none claims that service stops or starts, or that billing changes', () => {
    for (const action of actions) {
      expect(action.explain).not.toMatch(/service (stops|starts)|connection is cut|billing stops/i);
    }
  });
});
