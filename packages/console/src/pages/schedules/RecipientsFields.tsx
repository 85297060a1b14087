import { Stack, TagsInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { addressProblem, type RecipientList, type ScheduleFormValues } from './schedule-form';

const LISTS: { list: RecipientList; label: string; description: string }[] = [
  { list: 'to', label: 'To', description: 'Who the report is for. Press Enter or a comma after each address.' },
  { list: 'cc', label: 'CC', description: 'Get a copy; every recipient sees these addresses.' },
  { list: 'bcc', label: 'BCC', description: 'Get a copy; nobody else sees these addresses.' },
];

type FieldsProps = { form: UseFormReturnType<ScheduleFormValues> };

/** To, CC and BCC as chips; an address that is not one is refused as it is added, and says why. */
export function RecipientsFields({ form }: FieldsProps) {
  return (
    <Stack gap="sm">
      {LISTS.map((entry) => (
        <AddressList key={entry.list} form={form} {...entry} />
      ))}
    </Stack>
  );
}

function AddressList({ form, list, label, description }: FieldsProps & (typeof LISTS)[number]) {
  const [search, setSearch] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const addresses = form.values[list];

  const change = (next: string[]) => {
    const added = next.filter((address) => !addresses.includes(address));
    const refused = added.filter((address) => addressProblem(address) !== null);
    form.setFieldValue(
      list,
      next.filter((address) => !refused.includes(address)),
    );
    const [first] = refused;
    // The refused text goes back into the input to be corrected (TagsInput has just emptied it).
    setRefusal(first === undefined ? null : addressProblem(first));
    if (first !== undefined) setSearch(refused.join(', '));
  };

  return (
    <TagsInput
      label={label}
      description={description}
      placeholder={addresses.length === 0 ? 'name@example.com' : undefined}
      value={addresses}
      onChange={change}
      searchValue={search}
      onSearchChange={(value) => {
        setSearch(value);
        // Emptied by TagsInput itself after a refusal or a duplicate: the message stays until typing resumes.
        if (value) setRefusal(null);
      }}
      onDuplicate={(address) => setRefusal(`${address} is already in ${label}`)}
      splitChars={[',', ';', ' ']}
      clearable
      error={refusal ?? form.errors[list]}
    />
  );
}
