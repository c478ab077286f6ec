import { useEffect, useState } from 'react';

// A short two-note chime made in the browser (no sound file to fetch on a thin link), played
// only if the reader turned sound on; the choice is kept per browser.

const SOUND_KEY = 'jointops.room.sound';

export function useSoundChoice(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(SOUND_KEY) === 'on';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // The choice then lasts as long as the page.
    }
  }, [on]);
  return [on, setOn];
}

let context: AudioContext | null = null;

/** Plays the chime; a graver alert gets a higher, longer one. Browsers without WebAudio stay silent. */
export function playAlertTone(critical: boolean): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const start = context.currentTime;
  const notes = critical ? [880, 1175, 880] : [660, 880];
  notes.forEach((frequency, index) => {
    const oscillator = context!.createOscillator();
    const gain = context!.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + index * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    oscillator.connect(gain).connect(context!.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.17);
  });
}
