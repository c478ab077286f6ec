// Message ids are explicit and stable; `Messages` is what every other catalogue must provide.
export const en = {
  'room.title': 'jointops — operations room',
  'room.placeholder': 'Operations, alerts and seizures will appear here.',
  'room.loading': 'Loading…',
  'room.retry': 'Try again',
  'error.server': 'The server did not answer. Try again in a moment.',
  'language.label': 'Language',
  'signIn.heading': 'Sign in',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'signIn.tooManyAttempts': (wait: string) => `Too many attempts. Try again in ${wait}.`,
  'validation.required': 'Required',
  'validation.email': 'Not a valid e-mail address',
  'validation.tooLong': 'Too long',
  'session.signedInAs': (user: string, agency: string) => `Signed in as ${user} — ${agency}`,
  'session.signOut': 'Sign out',
  'session.signOutFailed': 'Signing out failed. Try again.',
  'live.label': 'Live link:',
  'live.connecting': 'connecting',
  'live.connected': 'connected',
  'live.closed': 'closed',
};

export type Messages = typeof en;
