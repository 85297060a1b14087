import { Select } from '@mantine/core';
import { useState } from 'react';
import { zoneOffset } from '../../lib/format';

type ZoneOption = { value: string; label: string };

/** Every zone the browser knows, each with its offset from UTC now (it may change with daylight saving). */
function zoneOptions(current: string): ZoneOption[] {
  const now = new Date();
  const names = Intl.supportedValuesOf('timeZone');
  const all = names.includes(current) ? names : [current, ...names];
  return all.map((zone) => ({ value: zone, label: `${zone} (${zoneOffset(zone, now)})` }));
}

export function ZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}) {
  // Built once per mount (a few hundred offsets); a saved zone the browser does not list is kept as an option.
  const [options] = useState(() => zoneOptions(value));
  return (
    <Select
      label="Time zone"
      description="The send time and each report's days are in this zone. Offsets are today's."
      searchable
      allowDeselect={false}
      nothingFoundMessage="No zone by that name"
      data={options}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      error={error}
    />
  );
}
