/**
 * The CA engine behind the JCA resource adapter: crypto tokens (a PKCS#12 file or an HSM through
 * PKCS#11) holding the root and issuing CA keys, issuance of certificates from PKCS#10 requests,
 * CRL signing and the OCSP responder. Only the classes the container instantiates are public
 * ({@link cn.cwca.portal.ca.engine.CaResourceAdapter}, {@link
 * cn.cwca.portal.ca.engine.CaManagedConnectionFactory}); the engine is plain Java, usable and
 * tested without a container.
 */
package cn.cwca.portal.ca.engine;
