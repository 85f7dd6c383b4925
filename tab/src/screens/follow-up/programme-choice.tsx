import { Field, Select } from '@fluentui/react-components';
import type { ProgrammeListItem } from '../../../../src/contracts/programmes';
import { getProgrammes } from '../../api/programmes';
import { useSession } from '../../auth/SessionProvider';
import { useResource } from '../../data/useResource';
import { useHealthT } from './health-i18n';
import { useHealthStyles } from './health-styles';

// Which programme the follow-up and the report show: shared by both screens.

/** The report page's address for a programme. */
export function reportPath(programmeId: string): string {
  return `/report?programme=${encodeURIComponent(programmeId)}`;
}

/** Whether the signed-in person may open the lead's screens. */
export function useIsLead(): boolean {
  const { me } = useSession();
  return me.roles.includes('lead') || me.canCreateProgrammes;
}

/** The programmes list, for a lead only (nobody else is asked for it). */
export function useLedProgrammes(isLead: boolean) {
  return useResource(isLead ? 'programmes' : null, (signal) => getProgrammes(signal));
}

/** Lists the started programmes a lead manages (drafts have nothing to follow). */
export function startedProgrammes(list: ProgrammeListItem[]): ProgrammeListItem[] {
  return list.filter((p) => p.canManage && p.status !== 'draft');
}

/** A programme picker shown when the lead leads more than one. */
export function ProgrammePicker({
  programmes,
  value,
  onChange,
}: {
  programmes: ProgrammeListItem[];
  value: string;
  onChange: (id: string) => void;
}) {
  const styles = useHealthStyles();
  const t = useHealthT();
  if (programmes.length < 2) return null;
  return (
    <Field label={t('health.programme')}>
      <Select className={styles.select} value={value} onChange={(_, d) => onChange(d.value)}>
        {programmes.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
