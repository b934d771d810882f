/**
 * argon2 has no 72-byte cut-off as bcrypt had (24 Chinese characters), but a password of
 * megabytes is not a password: the forms and the sign-in refuse more than this many characters.
 * Its own module, free of server imports, so the admin forms' schema can use it in the browser.
 */
export const PASSWORD_MAX_CHARS = 200;
