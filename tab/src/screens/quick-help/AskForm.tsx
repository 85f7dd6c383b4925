import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { BuddyMeResponse, HelpRequestResponse } from '../../../../src/contracts/buddy';
import { askForHelp } from '../../api/buddy';
import { describeError } from '../../api/errors';
import { useMutation } from '../../data/useMutation';
import { useLocale, useT } from '../../i18n/I18nProvider';
import { useQuickHelpT } from './quick-help-i18n';
import { useQuickHelpStyles } from './quick-help-styles';

const whens = ['now', 'today', 'this_week'] as const;

/** Topic (catalogue or free text), optional question, when and how long. */
export function AskForm({
  catalogue,
  onAsked,
}: {
  catalogue: BuddyMeResponse['catalogue'];
  onAsked: () => void;
}) {
  const styles = useQuickHelpStyles();
  const t = useQuickHelpT();
  const shellT = useT();
  const locale = useLocale();
  const listId = useId();
  const [topic, setTopic] = useState('');
  const [question, setQuestion] = useState('');
  const [when, setWhen] = useState<(typeof whens)[number]>('now');
  const [minutes, setMinutes] = useState<15 | 30>(15);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<HelpRequestResponse | null>(null);
  const sending = useMutation(askForHelp);

  const submit = async () => {
    if (topic.trim() === '') {
      setMissing(true);
      return;
    }
    setDone(null);
    const outcome = await sending.run(
      {
        topic: topic.trim(),
        ...(question.trim() ? { question: question.trim() } : {}),
        when,
        minutes,
      },
      locale,
    );
    if (outcome.ok) {
      setDone(outcome.data);
      // What was typed stays when the ask fails; a new ask starts from an empty question.
      setQuestion('');
      onAsked();
    }
  };

  const asked = done ? (done.request.topic.label?.[locale] ?? done.request.topic.text) : '';
  return (
    <section className={styles.section} aria-labelledby="quick-help-ask">
      <Subtitle2 as="h2" id="quick-help-ask" className={styles.heading}>
        {t('quickHelp.ask.title')}
      </Subtitle2>
      <form
        className={styles.list}
        // Our own message, in the tab's language, rather than the browser's.
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          label={t('quickHelp.ask.topic')}
          hint={t('quickHelp.ask.topicHint')}
          required
          {...(missing ? { validationMessage: t('quickHelp.ask.topicMissing') } : {})}
        >
          <Input
            value={topic}
            maxLength={100}
            list={listId}
            onChange={(_, data) => {
              setTopic(data.value);
              if (data.value.trim()) setMissing(false);
            }}
          />
        </Field>
        <datalist id={listId}>
          {catalogue.map((skill) => (
            <option key={skill.id} value={skill.label[locale]} />
          ))}
        </datalist>
        <Field
          label={t('quickHelp.ask.question')}
          hint={t('quickHelp.ask.questionCount', { count: question.length })}
        >
          <Textarea
            value={question}
            maxLength={500}
            onChange={(_, data) => setQuestion(data.value)}
          />
        </Field>
        <Field label={t('quickHelp.ask.when')}>
          <RadioGroup
            layout="horizontal"
            className={styles.choices}
            value={when}
            onChange={(_, data) => setWhen(data.value as (typeof whens)[number])}
          >
            {whens.map((w) => (
              <Radio key={w} value={w} label={t(`quickHelp.when.${w}`)} />
            ))}
          </RadioGroup>
        </Field>
        <Field label={t('quickHelp.ask.minutes')}>
          <RadioGroup
            layout="horizontal"
            className={styles.choices}
            value={String(minutes)}
            onChange={(_, data) => setMinutes(data.value === '30' ? 30 : 15)}
          >
            {[15, 30].map((m) => (
              <Radio
                key={m}
                value={String(m)}
                label={t('quickHelp.ask.minutesValue', { minutes: m })}
              />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={sending.busy}>
            {t('quickHelp.ask.send')}
          </Button>
        </div>
      </form>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(done.merged ? 'quickHelp.ask.merged' : 'quickHelp.ask.sent', { topic: asked })}
          </MessageBarBody>
        </MessageBar>
      )}
      {sending.error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeError(sending.error, shellT)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
