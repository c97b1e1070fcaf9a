/** Public HTTP endpoints of the certificate authority: CRL, CA certificate and OCSP responder. */
package cn.cwca.portal.web.ca;
