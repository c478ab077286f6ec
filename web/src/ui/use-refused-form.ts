import { useEffect, useRef, useState } from 'react';
import type { Refusal } from '../modules/alerts/alert-refusals';

/**
 * A form that sends once at a time and shows why it was refused: a second click while the first
 * sending is on its way sends nothing, and each refusal puts the focus on the first field it marks
 * (or on the form's problem), where a screen reader starts reading.
 */
export function useRefusedForm<Args extends unknown[]>(send: (...args: Args) => Promise<Refusal | null>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [refusals, setRefusals] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!refusals) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [refusals]);

  const run = async (...args: Args) => {
    if (busy) return;
    setBusy(true);
    try {
      const answer = await send(...args);
      setRefusal(answer);
      if (answer) setRefusals((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };
  return { formRef, refusal, setRefusal, busy, run };
}
