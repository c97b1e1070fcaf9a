/**
 * The registry of issued certificates (who owns which, valid or revoked) and the CRLs and OCSP
 * answers signed from it through the CA connector.
 */
package cn.cwca.portal.certificate;
