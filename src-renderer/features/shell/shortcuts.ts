/** Every keyboard shortcut, as the "?" overlay lists it. A new shortcut belongs here too. */
export const SHORTCUTS: { keys: string[][]; does: string }[] = [
  { keys: [['Ctrl', 'K']], does: 'Search customers by name, phone, account, e-mail, PPPoE user, IP or MAC' },
  { keys: [['↑'], ['↓']], does: 'Move through the search results' },
  { keys: [['Enter']], does: 'Open the highlighted customer' },
  {
    keys: [
      ['Ctrl', 'N'],
      ['Alt', 'N'],
    ],
    does: 'New customer (Alt+N in a browser, which keeps Ctrl+N)',
  },
  { keys: [['Alt', 'B']], does: 'Billing: preview and run billing' },
  { keys: [['Alt', 'I']], does: 'Invoices and credit notes' },
  { keys: [['Alt', 'P']], does: 'Counter: find a customer and take a payment (Enter saves and prints the receipt)' },
  { keys: [['Alt', 'D']], does: 'Dues: who owes, by how long, and who is to be suspended' },
  { keys: [['Esc']], does: 'Close a dialog, or clear and leave the search box' },
  { keys: [['?']], does: 'Show this list (Shift+/ when not typing in a field)' },
];

/** True when a key press is typing: in a text field, a select or an editable element. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
