/**
 * Sessions end after 8 hours (a working day). Its own module, free of server imports, so that the
 * security tests can read the very figure the server uses.
 */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
