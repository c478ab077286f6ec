import type { LiveChannel } from '../live/channels';
import type { LiveHub } from '../live/hub';
import type { SharedDeliveryContext } from '../live/shared-delivery';
import type { FrameSink } from '../live/shared-frames';
import type { ServiceContext, Viewer } from '../service-context';

/** Response cookies a resolver wants set; absent over WebSocket, where there is no response. */
export interface CookieJar {
  set(cookie: string): void;
}

export interface GraphQLContext extends ServiceContext, SharedDeliveryContext {
  cookies: CookieJar | null;
  live: LiveHub;
}

/** What the HTTP handler (or the WebSocket layer) hands to yoga for one request. */
export interface ServerContext {
  requestId: string;
  /** The id the client gave the request, if any; over WebSocket there is none. */
  clientRequestId?: string | null;
  sourceAddress: string | null;
  userAgent?: string | null;
  responseCookies?: string[];
  /** Set by the WebSocket layer, which authenticated the socket already. */
  viewer?: Viewer;
  /** Set by the WebSocket layer: the socket's live channel, which its subscriptions stop with. */
  liveChannel?: LiveChannel;
  /** Set by the WebSocket layer: where this subscription's shared frames are written (live/direct-delivery.ts). */
  liveFrames?: FrameSink;
}
