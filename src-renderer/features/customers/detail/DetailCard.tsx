import { Card, DataList, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function DetailCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      <DataList orientation="horizontal" labelWidth={150} gap="xs" withDivider>
        {children}
      </DataList>
    </Card>
  );
}
