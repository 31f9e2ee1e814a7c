import { Text, type TextProps } from '@mantine/core';
import { useMoney } from './useMoney';

/** An amount in a table or a summary: tabular digits so columns line up; red when negative if asked. */
export function Amount({ minor, signColor, ...props }: { minor: number; signColor?: boolean } & TextProps) {
  const money = useMoney();
  return (
    <Text
      size="sm"
      span
      c={signColor && minor < 0 ? 'red' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      {...props}
    >
      {money(minor)}
    </Text>
  );
}
