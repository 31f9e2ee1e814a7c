import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IMPORT_FIELDS, type ImportMapping } from '../../../../src-shared/contract';
import { IMPORT_FIELD_LABELS } from './importFieldLabels';

interface ImportMappingEditorProps {
  headers: string[];
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (mapping: ImportMapping) => void;
}

/** One select per WispDesk field: which spreadsheet column fills it; then the columns left out. */
export function ImportMappingEditor({ headers, mapping, disabled, onChange }: ImportMappingEditorProps) {
  const columns = headers.map((header, index) => ({ value: String(index), label: header || `Column ${index + 1}` }));
  const mapped = new Set(Object.values(mapping));
  const notImported = columns.filter((_, index) => !mapped.has(index)).map((c) => c.label);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
        {IMPORT_FIELDS.map((field) => {
          const column = mapping[field];
          return (
            <Select
              key={field}
              size="xs"
              label={IMPORT_FIELD_LABELS[field]}
              placeholder="Not imported"
              data={columns}
              value={column === null || column === undefined ? null : String(column)}
              clearable
              disabled={disabled}
              onChange={(value) => onChange({ ...mapping, [field]: value === null ? null : Number(value) })}
            />
          );
        })}
      </SimpleGrid>
      {notImported.length > 0 && (
        <Text size="sm" c="dimmed" aria-label="Columns not imported">
          Not imported: {notImported.join(', ')}. Pick a field above for any you want to keep.
        </Text>
      )}
    </Stack>
  );
}
