import { Alert } from '@mantine/core';

/** What a refused save said that belongs to no field: one banner above the form, nothing when empty. */
export function FormBanner({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" title="Not saved">
      {messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  );
}
