/**
 * The certificate authority as the application sees it: issue a certificate for a verified
 * applicant, sign a CRL and answer OCSP from the revocations the application records, in business
 * terms only.
 *
 * <p>The application obtains a {@link cn.cwca.portal.ca.CaConnectionFactory} from JNDI (the
 * resource adapter {@code ca-connector-rar} implements it) and uses one {@link
 * cn.cwca.portal.ca.CaConnection} per business step in try-with-resources. The CA keeps no
 * revocation state: PostgreSQL is the system of record, and the application hands the revoked
 * entries to {@code signCrl} and a status lookup to {@code answerOcsp}.
 */
package cn.cwca.portal.ca;
