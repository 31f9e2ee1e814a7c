import { Button, Center, FileButton, Group, Image, Input, Paper, Stack, Text } from '@mantine/core';
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { IMAGE_MAX_BYTES, type Settings } from '../../../src-shared/contract';
import { ApiError, call } from '../../api';
import { notifyError, notifySuccess } from '../../lib/notify';
import { readFileBase64 } from './readFileBase64';
import { useCompanyImage } from './useCompanyImage';

const NAMES = { logo: 'Logo', signature: 'Signature' } as const;
const HELP = {
  logo: 'Printed at the top of invoices. PNG or JPEG, at most 1 MB; about 600 px wide is plenty.',
  signature: 'Printed above "Authorised signatory". A PNG with a transparent background looks best.',
} as const;

interface CompanyImageFieldProps {
  which: 'logo' | 'signature';
  settings: Settings;
  onChanged: (settings: Settings) => void;
}

/** Upload, preview and remove the logo or the signature; each change is saved at once. */
export function CompanyImageField({ which, settings, onChanged }: CompanyImageFieldProps) {
  const sha256 = which === 'logo' ? settings.logoSha256 : settings.signatureSha256;
  const preview = useCompanyImage(which, sha256);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Lets the same file be picked again after it was refused and fixed.
  const resetPicker = useRef<() => void>(null);
  const name = NAMES[which];
  const errorId = `${which}-error`;

  async function upload(file: File | null) {
    if (!file) return;
    setError(null);
    if (file.size > IMAGE_MAX_BYTES) {
      setError(`${file.name} is larger than 1 MB: save a smaller copy (about 600 px wide) and upload that`);
      resetPicker.current?.();
      return;
    }
    setBusy(true);
    try {
      const base64 = await readFileBase64(file);
      const saved = await call('settings.setImage', { which, base64 });
      onChanged(saved);
      notifySuccess(`${name} saved`);
    } catch (caught) {
      if (caught instanceof ApiError) {
        const fields = caught.fieldErrors();
        const message = fields[which] ?? fields.base64 ?? caught.message;
        setError(`${file.name} ${message.replace(/^(The logo|The signature) /, '')}`);
      } else notifyError(caught, `${name} not saved`);
    } finally {
      setBusy(false);
      resetPicker.current?.();
    }
  }

  async function remove() {
    setError(null);
    setBusy(true);
    try {
      onChanged(await call('settings.removeImage', { which }));
      notifySuccess(`${name} removed`);
    } catch (caught) {
      notifyError(caught, `${name} not removed`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Input.Wrapper label={name} description={HELP[which]} error={error} errorProps={{ id: errorId }}>
      <Group align="flex-start" mt={6} gap="md">
        <Paper withBorder w={160} h={96} p={6} style={{ flexShrink: 0, background: 'white' }}>
          {preview ? (
            <Image src={preview} alt={`${name} preview`} h="100%" w="100%" fit="contain" />
          ) : (
            <Center h="100%">
              <Stack gap={2} align="center">
                <IconPhoto size={24} color="var(--mantine-color-gray-5)" />
                <Text size="xs" c="gray.6">
                  No {name.toLowerCase()}
                </Text>
              </Stack>
            </Center>
          )}
        </Paper>
        <Stack gap="xs">
          <FileButton
            onChange={upload}
            accept="image/png,image/jpeg"
            resetRef={resetPicker}
            inputProps={{ name: which }}
          >
            {(props) => (
              <Button
                {...props}
                aria-describedby={error ? errorId : undefined}
                variant="default"
                leftSection={<IconUpload size={16} />}
                loading={busy}
              >
                {preview ? `Replace ${name.toLowerCase()}` : `Upload ${name.toLowerCase()}`}
              </Button>
            )}
          </FileButton>
          {preview && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} disabled={busy} onClick={remove}>
              Remove
            </Button>
          )}
        </Stack>
      </Group>
    </Input.Wrapper>
  );
}
