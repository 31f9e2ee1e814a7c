import { Combobox, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useEffectEvent, useState, type RefObject } from 'react';
import { StatusBadge } from '../../../components/StatusBadge';
import { useCustomerSearch } from '../../shell/useCustomerSearch';

interface CounterSearchProps {
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (customerId: number) => void;
}

/** The counter's own customer search: type, ↑ ↓ to move, Enter takes the highlighted customer. */
export function CounterSearch({ inputRef, onPick }: CounterSearchProps) {
  const [query, setQuery] = useState('');
  const { hits, searching } = useCustomerSearch(query);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const selectBestHit = useEffectEvent(() => combobox.selectFirstOption());
  useEffect(() => {
    if (hits.length > 0) selectBestHit();
  }, [hits]);

  function pick(id: string) {
    setQuery('');
    combobox.closeDropdown();
    onPick(Number(id));
  }

  const showDropdown = query.trim() !== '';
  return (
    <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start">
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          size="md"
          label="Customer"
          aria-label="Find the customer"
          placeholder="Name, phone, account no, PPPoE user…"
          leftSection={<IconSearch size={18} />}
          rightSection={searching ? <Loader size={16} /> : null}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setQuery('');
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options aria-label="Customers found">
          {hits.map((hit) => (
            <Combobox.Option
              key={hit.id}
              value={String(hit.id)}
              aria-label={`${hit.name} ${hit.accountNo}`}
              className="wd-search-hit"
            >
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {hit.name}
                  </Text>
                  <Text size="xs" className="wd-search-hit-details" truncate>
                    {[hit.accountNo, hit.phone, hit.pppoeUsername].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                <StatusBadge status={hit.status} size="xs" />
              </Group>
            </Combobox.Option>
          ))}
          {hits.length === 0 && !searching && <Combobox.Empty>No customer matches “{query.trim()}”</Combobox.Empty>}
          {hits.length === 0 && searching && <Combobox.Empty>Searching…</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
