/**
 * How the web layer ends live Socket.IO connections when the credential or the user behind them
 * stops being valid (issue 19): sign-out ends that session's sockets, a revoked API token its
 * sockets, a deleted user or a changed role or password every socket of the user. Every socket
 * sits in room `user:<id>` and in `session:<id>` or `token:<id>` (see socket-server.ts); the
 * Socket.IO implementation (`ioSocketControl`) cuts a room on every node through the adapter.
 * No socket.io import here: route handlers, the CLI and tests depend on this interface only.
 * Call these after the database change, so a reconnect is refused.
 */
export interface SocketControl {
  /** Ends the sockets opened with this session (its id: SHA-256 of the cookie, `sessionIdOf`). */
  disconnectSession(sessionId: string): void;
  /** Ends every socket of this user, whatever its credential. */
  disconnectUser(userId: string): void;
  /** Ends the sockets opened with this API token (its id). */
  disconnectToken(tokenId: string): void;
}

/** For processes without Socket.IO (the CLI, tests that call route handlers without sockets). */
export const noSocketControl: SocketControl = {
  disconnectSession() {},
  disconnectUser() {},
  disconnectToken() {},
};
