"use client";
import { startTransition, useActionState, useEffect, useEffectEvent, useRef, type FormEvent } from "react";

/**
 * useActionState for a form that keeps what the user typed when the action refuses it. React 19
 * resets an uncontrolled form after every `<form action>` submission, so a refused form would
 * come back empty; here the form is submitted by hand and reset only after a success.
 */
export function useKeptForm<S>(
  action: (state: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
  succeeded: (state: Awaited<S>) => boolean = (s) => !!(s as { ok?: boolean } | null)?.ok,
) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const ref = useRef<HTMLFormElement>(null);
  // Only a new state resets the form; which states count is read as it is then.
  const onState = useEffectEvent((s: Awaited<S>) => {
    if (succeeded(s)) ref.current?.reset();
  });
  useEffect(() => onState(state), [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(form));
  };
  return { state, pending, formProps: { ref, onSubmit } };
}
