// Where a login came from, kept on the session and in the audit log.
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}
