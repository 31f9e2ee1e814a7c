import { Text, type TextProps } from '@mantine/core';
import { useMoney } from '../billing/useMoney';
import { balanceWords } from './paymentText';

/** "Owes ₹499.00" in red, "In credit ₹100.00" in teal, "Nothing owed" dimmed: the same words everywhere. */
export function BalanceText({ minor, ...props }: { minor: number } & TextProps) {
  const money = useMoney();
  return (
    <Text
      size="sm"
      fw={minor === 0 ? undefined : 600}
      c={minor > 0 ? 'red' : minor < 0 ? 'teal' : 'dimmed'}
      style={{ fontVariantNumeric: 'tabular-nums' }}
      {...props}
    >
      {balanceWords(minor, money)}
    </Text>
  );
}
