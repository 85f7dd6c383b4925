import {
  Avatar,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Persona } from '../../../src/contracts/identity';
import { getPersonas } from '../api/identity';
import { describeError } from '../api/errors';
import { useResource } from '../data/useResource';
import { useT } from '../i18n/I18nProvider';
import { signInAs } from './dev-session';
import { useAuthT } from './auth-i18n';

const roleOrder: readonly Persona['roleHint'][] = ['employee', 'manager', 'lead'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  intro: { margin: 0, maxWidth: '60ch' },
  search: { maxWidth: '24rem' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  person: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
});

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Keeps personas whose name, e-mail, department or job title contain the search text. */
export function filterPersonas(personas: readonly Persona[], query: string): Persona[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return personas.filter((persona) => {
    const haystack = fold(
      `${persona.displayName} ${persona.email} ${persona.department} ${persona.jobTitle}`,
    );
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * Development sign-in (outside Teams, local mode only): choose a demo person to act as, grouped by
 * what they can do (employee, manager, programme lead), with a search.
 */
export function PersonaPicker() {
  const styles = useStyles();
  const t = useT();
  const at = useAuthT();
  const loaded = useResource('personas', (signal) => getPersonas(signal));
  const personas = loaded.data?.personas ?? null;
  const [signInError, setError] = useState<unknown>(null);
  const error = signInError ?? loaded.error;
  const [query, setQuery] = useState('');
  const [signingIn, setSigningIn] = useState<string | null>(null);

  const shown = useMemo(() => filterPersonas(personas ?? [], query), [personas, query]);

  const pick = (persona: Persona) => {
    setSigningIn(persona.personId);
    setError(null);
    signInAs(persona).catch((e: unknown) => {
      setSigningIn(null);
      setError(e);
    });
  };

  return (
    <section className={styles.root} aria-labelledby="persona-title">
      <Title2 as="h2" id="persona-title" className={styles.title}>
        {at('persona.title')}
      </Title2>
      <Body1 as="p" className={styles.intro}>
        {at('persona.intro')}
      </Body1>
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeError(error, t)}</MessageBarBody>
        </MessageBar>
      )}
      {personas === null && error === null && (
        <Spinner size="small" label={at('persona.loading')} />
      )}
      {personas !== null && (
        <>
          <Field label={at('persona.search')} className={styles.search}>
            <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} />
          </Field>
          <Caption1 as="p" role="status" className={styles.detail}>
            {at('persona.count', { count: shown.length })}
          </Caption1>
          {roleOrder.map((role) => {
            const group = shown.filter((persona) => persona.roleHint === role);
            if (group.length === 0) return null;
            const headingId = `persona-group-${role}`;
            return (
              <div key={role} className={styles.group}>
                <Subtitle2 as="h3" id={headingId} className={styles.heading}>
                  {at(`persona.group.${role}`)}
                </Subtitle2>
                <ul className={styles.list} aria-labelledby={headingId}>
                  {group.map((persona) => (
                    <li key={persona.personId}>
                      <Button
                        className={styles.person}
                        appearance="subtle"
                        disabled={signingIn !== null}
                        icon={
                          signingIn === persona.personId ? (
                            <Spinner size="tiny" />
                          ) : (
                            <Avatar name={persona.displayName} size={32} aria-hidden />
                          )
                        }
                        onClick={() => pick(persona)}
                      >
                        <span className={styles.who}>
                          <span>{persona.displayName}</span>
                          <Caption1 className={styles.detail}>
                            {persona.jobTitle} · {persona.department}
                          </Caption1>
                        </span>
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
