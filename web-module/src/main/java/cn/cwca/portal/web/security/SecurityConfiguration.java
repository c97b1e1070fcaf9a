package cn.cwca.portal.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the roles. How callers log in is {@link PortalAuthenticationMechanism}: the form of
 * /login.xhtml, whose backing bean hands the credentials to {@code SecurityContext.authenticate}; a
 * protected page requested anonymously redirects there. Group names of {@link PortalIdentityStore}
 * are the role names; the EAR maps them.
 */
@DeclareRoles({"APPLICANT", "REVIEWER", "OPERATOR", "FINANCE", "ADMIN"})
@ApplicationScoped
public class SecurityConfiguration {}
