import type { Locale } from '@jointops/shared/domain';
import type { Clock } from './clock';
import type { Config } from './env';
import type { Db } from './db/client';
import type { Logger } from './logger';
import type { PubSub } from './pubsub';

/** The signed-in person a request acts for. */
export interface Viewer {
  userId: string;
  agencyId: string;
  sessionId: string;
  isAdmin: boolean;
  locale: Locale;
  /** An administrator chose the password: until the person picks their own, they may do nothing else. */
  mustChangePassword: boolean;
}

/** A session a token was found to name: who it signs in, and until when. */
export interface AuthenticatedSession {
  viewer: Viewer;
  token: string;
  validUntil: Date;
}

/** What lives for the whole process and every request shares. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
  pubSub: PubSub;
}

/** What a service call knows: the process's dependencies and who is asking, from where. */
export interface ServiceContext extends AppDeps {
  viewer: Viewer | null;
  /** The server's own id of the request (or of the job, such as `escalator`). */
  requestId: string;
  /** The id the client gave the request, kept beside the server's; absent for the server's own work. */
  clientRequestId?: string | null;
  sourceAddress: string | null;
  userAgent: string | null;
}

/** A context whose viewer has been checked: the type says so, and nobody has to assert it again. */
export type SignedIn<C extends ServiceContext = ServiceContext> = C & { viewer: Viewer };
