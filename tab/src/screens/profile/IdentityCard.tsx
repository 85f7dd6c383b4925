import { Avatar, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { PersonCard } from '../../../../src/contracts/identity';
import { useProfileT } from './profile-i18n';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  name: { margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  source: { color: tokens.colorNeutralForeground2 },
});

/** Who the person is in the organisation: read-only, from the directory (Graph or the demo company). */
export function IdentityCard({ person }: { person: PersonCard }) {
  const styles = useStyles();
  const pt = useProfileT();
  return (
    <section className={styles.card} aria-labelledby="identity-name">
      <Avatar
        name={person.displayName}
        image={person.photoUrl ? { src: person.photoUrl, alt: '' } : undefined}
        size={64}
        aria-hidden
      />
      <div className={styles.facts}>
        <Subtitle1 as="h2" id="identity-name" className={styles.name}>
          {person.displayName}
        </Subtitle1>
        <dl className={styles.list}>
          <dt className={styles.term}>{pt('identity.jobTitle')}</dt>
          <dd className={styles.value}>{person.jobTitle || '—'}</dd>
          <dt className={styles.term}>{pt('identity.department')}</dt>
          <dd className={styles.value}>{person.department || '—'}</dd>
          <dt className={styles.term}>{pt('identity.manager')}</dt>
          <dd className={styles.value}>{person.managerName ?? pt('identity.noManager')}</dd>
          <dt className={styles.term}>{pt('identity.email')}</dt>
          <dd className={styles.value}>{person.email}</dd>
        </dl>
        <Caption1 as="p" className={styles.source}>
          {person.inDirectory ? pt('identity.fromDirectory') : pt('identity.notInDirectory')}
        </Caption1>
      </div>
    </section>
  );
}
