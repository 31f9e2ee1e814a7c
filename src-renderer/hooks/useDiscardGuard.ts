import { useState } from 'react';

export interface DiscardGuard {
  /** Esc, the X, Cancel and a click outside all come here: a clean form closes, a dirty one asks. */
  requestClose: () => void;
  /** True while "Discard changes?" is asked: the form's own dialog must not take Esc meanwhile. */
  asking: boolean;
  keepEditing: () => void;
  discard: () => void;
}

/** Asks before a form with unsaved changes is thrown away; every form dialog uses it. */
export function useDiscardGuard(dirty: boolean, close: () => void): DiscardGuard {
  const [asking, setAsking] = useState(false);
  return {
    // Asked after the event: the Esc that closed the form must not also answer the question.
    requestClose: () => (dirty ? setTimeout(() => setAsking(true), 0) : close()),
    asking,
    keepEditing: () => setAsking(false),
    discard: () => {
      setAsking(false);
      close();
    },
  };
}
