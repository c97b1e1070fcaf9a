package cn.cwca.portal.keylogin;

import java.io.Serializable;

/**
 * A staff login waiting for its key step, as the session keeps it after the right password: the id
 * of its challenge, and the account's credentials version at the password step. A password changed
 * or reset in between (the version went up) ends the pending step: the key alone never completes a
 * login whose password is no longer the account's.
 */
public record KeyStep(long challengeId, int credentialsVersion) implements Serializable {}
